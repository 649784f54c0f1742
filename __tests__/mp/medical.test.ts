import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp medical pages (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-worker')
  })
  afterAll(() => h.close())

  it("shows the worker's cover this year and the plan's rules in plain words", async () => {
    const page = openPage('packages/medical/home/index')
    await until(() => textOf(page).includes('2026年保障'))
    expect(textOf(page)).toContain('已参加')
    expect(textOf(page)).toContain('每次住院先减500.00\u00a0元起付线，再分段：0–5,000\u00a0元50%，5,000–20,000\u00a0元60%，20,000\u00a0元以上70%')
    expect(textOf(page)).toContain('一次性给付10,000.00\u00a0元，每年一次')
    expect(page.querySelectorAll('.new-claim')).toHaveLength(1)
  })

  it('renders the claim form and names each missing field', async () => {
    const page = openPage('packages/medical/claim/index')
    await until(() => textOf(page).includes('报销类别'))
    for (const words of ['住院', '特殊病种门诊', '重大疾病', '意外伤害', '自付金额', '收款银行卡', '医疗互助医疗信息收集说明']) expect(textOf(page)).toContain(words)
    tap(page, '.submit-claim')
    await until(() => page.querySelectorAll('.field-error').length >= 4)
    expect(textOf(page)).toContain('请选择报销类别')
    expect(textOf(page)).toContain('请阅读并同意《医疗互助医疗信息收集说明》')
    expect(await h.all('cases')).toHaveLength(0)
  })
})
