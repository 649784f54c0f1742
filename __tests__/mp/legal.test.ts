import { createHarness, type Harness } from '../cloud/harness'
import { askForHelp, firstSlot, ROOM, walk, WORKER } from '../cloud/legalFixtures'
import { installWeapp, openPage, tap, textOf, until } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp legal pages (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, WORKER)
  })
  afterAll(() => h.close())

  it('renders the intake with its questions and names each missing field, writing nothing', async () => {
    const page = openPage('packages/legal/ask/index')
    await until(() => textOf(page).includes('遇到了什么问题'))
    for (const words of ['欠薪', '工伤', '劳动合同/解除', '社会保险', '仲裁时效', '还在这家单位工作吗', '到调解室面谈', '我是外来务工人员', '法律援助个人信息收集说明']) {
      expect(textOf(page)).toContain(words)
    }
    tap(page, '.submit-ask')
    await until(() => page.querySelectorAll('.field-error').length >= 4)
    expect(textOf(page)).toContain('请选择遇到的问题')
    expect(textOf(page)).toContain('请把发生的事写清楚，至少20个字')
    expect(textOf(page)).toContain('请阅读并同意《法律援助个人信息收集说明》')
    expect(await h.all('cases')).toHaveLength(0)
  })

  it('shows the case: the promise in dates, the lawyer\'s name, the appointment with its place and time', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'assigned')
    const slot = await firstSlot(h)
    await h.ok(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })
    const page = openPage('packages/legal/case/index', { caseId })
    await until(() => textOf(page).includes('负责律师'))
    const text = textOf(page)
    expect(text).toContain('1个工作日内受理（12月1日前），7个工作日内答复是否提供援助（12月9日前）')
    expect(text).toContain('负责律师：赵明')
    expect(text).toContain('已受理')
    expect(text).toContain('调解室预约')
    expect(text).toContain('丰门街道人民路商务楼劳动争议调解室')
    expect(text).toContain('14:00–14:30')
    expect(text).toContain('和律师的留言')
    expect(page.querySelectorAll('.navigate')).toHaveLength(1)
  })
})
