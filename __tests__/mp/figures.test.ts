import { applyForWinter } from '../cloud/aidFixtures'
import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp 数据看板 (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    await applyForWinter(h)
    installWeapp(h, 'dev-admin')
  })
  afterAll(() => h.close())

  it("renders this year's figures of every service against last year, a small number as <5, and each definition on a tap", async () => {
    const page = openPage('packages/figures/dashboard/index')
    await until(() => page.querySelectorAll('.panel').length === 6)
    const text = textOf(page)
    for (const words of ['全年', '季度', '服务阵地', '爱心托班', '困难帮扶', '医疗互助', '法律援助', '就业招聘', '上年同期', '数据截至', '年报摘要', '导出Excel']) expect(text).toContain(words)
    expect(page.querySelector('.figure-aid-applications .figure-value')!.dom?.textContent).toBe('<5')
    expect(page.querySelector('.figure-stations-positions .figure-value')!.dom?.textContent).toBe('64')
    expect(textOf(page)).not.toContain('本期发放了帮扶')
    tap(page, '.figure-aid-households .figure-toggle')
    await until(() => textOf(page).includes('一户多次只计一次'))
  })
})
