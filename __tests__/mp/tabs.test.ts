import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'
import { SERVICE_KEYS, SERVICE_MANIFEST } from '../../types/services'

/** The services the manifest does not open yet (none, since jobs and legal help opened). */
const NOT_OPEN = SERVICE_KEYS.filter((s) => !SERVICE_MANIFEST[s].open).length

jest.setTimeout(30_000)

describe('the built weapp tab pages (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-worker')
  })
  afterAll(() => h.close())

  it('首页 shows the six services, those not built marked 即将开放, and a tap on an open one opens its page', async () => {
    const page = openPage('pages/index/index')
    await until(() => page.querySelectorAll('.service-tile').length === 6)
    expect(textOf(page)).toContain('服务阵地')
    expect(page.querySelectorAll('.tile-soon').length).toBe(NOT_OPEN)
    await until(() => textOf(page).includes('张建国'))
    const legal = page.querySelectorAll('.service-tile')[SERVICE_KEYS.indexOf('legal')]
    legal.dispatchEvent('tap')
    await until(() => wxCalls.some((c) => c.api === 'navigateTo' && JSON.stringify(c.arg).includes('/packages/legal/')))
  })

  it('驿站 lists the nearest stations from the district centre when location is refused', async () => {
    const page = openPage('pages/stations/index')
    await until(() => page.querySelectorAll('.station-card').length > 0)
    expect(textOf(page)).toContain('未获取到您的位置')
    expect(page.querySelector('.station-map')).toBeTruthy()
    tap(page, '.station-card')
    await until(() => wxCalls.some((c) => c.api === 'navigateTo'))
    expect(JSON.stringify(wxCalls.filter((c) => c.api === 'navigateTo').pop()!.arg)).toContain('/packages/stations/detail/index?id=demo-station-')
  })

  it('消息 shows the inbox, and 全部已读 marks it read', async () => {
    await h.db.collection('inbox').add({ data: { userId: 'dev-worker', title: '您反馈的问题已处理', body: '已更换微波炉', read: false, createdAt: 1 } })
    const page = openPage('pages/inbox/index')
    await until(() => textOf(page).includes('您反馈的问题已处理'))
    tap(page, '.mark-all')
    await until(() => page.querySelectorAll('.is-unread').length === 0)
    expect((await h.db.collection('inbox').where({ userId: 'dev-worker', read: false }).count()).total).toBe(0)
  })

  it('我的 shows the real-name profile masked and switches care mode on', async () => {
    const page = openPage('pages/me/index')
    await until(() => textOf(page).includes('138****2345'))
    expect(textOf(page)).toContain('已实名')
    expect(page.querySelector('.page.care')).toBeFalsy()
    tap(page, '.care-switch')
    await until(() => Boolean(page.querySelector('.page.care')))
  })
})
