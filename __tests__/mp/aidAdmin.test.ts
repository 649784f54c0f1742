import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp programme settings (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-admin')
  })
  afterAll(() => h.close())

  it("shows this year's programmes with DOMAIN.md's defaults and the 低保 line, and saves one", async () => {
    const page = openPage('packages/aid/programmes/index')
    await until(() => page.querySelectorAll('.programme').length === 4)
    for (const words of ['春送岗位', '夏送清凉', '金秋助学', '冬送温暖', '保存低保线']) expect(textOf(page)).toContain(words)
    tap(page, '.programme-winter_warmth .save-programme')
    await until(() => wxCalls.some((c) => c.api === 'showToast' && JSON.stringify(c.arg).includes('已保存')))
    expect(await h.all('aid_programmes')).toMatchObject([{ kind: 'winter_warmth', deepFen: 200_000, relativeFen: 100_000, accidentMaxFen: 500_000 }])
  })
})
