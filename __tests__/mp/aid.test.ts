import { applyForWinter } from '../cloud/aidFixtures'
import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp aid pages (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-worker')
  })
  afterAll(() => h.close())

  it('renders the self-check, leads on to applying, and names each missing field', async () => {
    const page = openPage('packages/aid/selfcheck/index')
    await until(() => textOf(page).includes('家庭人口'))
    expect(textOf(page)).toContain('直接申请')
    tap(page, '.run-check')
    await until(() => page.querySelectorAll('.field-error').length >= 2)
    expect(textOf(page)).toContain('家庭人口不能小于1人')
    tap(page, '.go-apply')
    await until(() => wxCalls.some((c) => c.api === 'navigateTo' && JSON.stringify(c.arg).includes('packages/aid/apply/index')))
  })

  it('renders the application with the programme\'s checklist and bank card, and names each missing field', async () => {
    const page = openPage('packages/aid/apply/index', { programme: 'winter_warmth' })
    await until(() => textOf(page).includes('诊断证明或事故证明'))
    for (const words of ['冬送温暖', '金秋助学', '夏送清凉', '家庭全年收入', '收款银行卡', '身份证', '户口本', '收入证明', '银行卡', '困难帮扶敏感信息收集说明']) {
      expect(textOf(page)).toContain(words)
    }
    expect(page.querySelectorAll('.material')).toHaveLength(5)
    tap(page, '.submit-application')
    await until(() => page.querySelectorAll('.field-error').length >= 4)
    expect(textOf(page)).toContain('请阅读并同意《困难帮扶敏感信息收集说明》')
    expect(textOf(page)).toContain('请把遇到的困难写清楚，至少20个字')
    expect(textOf(page)).toContain('请至少上传一份材料')
    expect(await h.all('cases')).toHaveLength(0)
  })

  it('shows the worker a case with its timeline and checklist', async () => {
    const caseId = await applyForWinter(h)
    const page = openPage('packages/aid/case/index', { caseId })
    await until(() => textOf(page).includes('2026年冬送温暖'))
    expect(textOf(page)).toContain('办理进度')
    expect(textOf(page)).toContain('已提交')
    expect(textOf(page)).toContain('王美丽，38岁')
    expect(page.querySelectorAll('.attachment')).toHaveLength(1)
    expect(page.querySelectorAll('.withdraw')).toHaveLength(1)
  })
})
