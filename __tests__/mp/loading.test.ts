import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp shows loads the one way (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  let call: Harness['call']
  beforeAll(async () => {
    h = await createHarness()
    call = h.call
    installWeapp(h, 'dev-worker')
  })
  afterEach(() => {
    h.call = call
  })
  afterAll(() => h.close())

  it("shows a station when only the worker's reports failed, says that part failed, and 重试 loads it", async () => {
    // The network drops for the reports call only.
    h.call = (async (openid: string, fn: string, action: string, ...rest: unknown[]) =>
      fn === 'stations' && action === 'myReports'
        ? { ok: false, error: { code: 'INTERNAL', message: '网络不给力，请检查网络后重试' } }
        : (call as (...a: unknown[]) => unknown)(openid, fn, action, ...rest)) as Harness['call']
    const page = openPage('packages/stations/detail/index', { id: 'demo-station-00001' })
    await until(() => textOf(page).includes('我对这里的反馈没能加载'))
    expect(page.querySelectorAll('.detail-name')).toHaveLength(1)
    expect(textOf(page)).toContain('导航前往')
    expect(textOf(page)).toContain('网络不太好，没能加载。请检查网络后重试')
    h.call = call
    tap(page, '.load-retry')
    await until(() => page.querySelectorAll('.load-state').length === 0)
    expect(textOf(page)).not.toContain('没能加载')
    expect(page.querySelectorAll('.detail-name')).toHaveLength(1)
  })

  it("says the server's words, with 重试 and no 保存, when the station to edit is not there", async () => {
    const page = openPage('packages/stations/edit/index', { id: 'no-such-station' })
    await until(() => textOf(page).includes('没有找到这个阵地'))
    expect(page.querySelectorAll('.load-failed .load-retry')).toHaveLength(1)
    expect(page.querySelectorAll('.save-station')).toHaveLength(0)
  })
})
