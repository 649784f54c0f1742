import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'

jest.setTimeout(30_000)

describe('the 消息 tab badge in the built weapp (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-worker')
  })
  afterAll(() => h.close())

  it('the 消息 tab shows the unread count as its badge, and none once everything is read', async () => {
    await h.db.collection('inbox').add({ data: { userId: 'dev-worker', title: '您的申请需要补充材料', body: '请补充户口本', read: false, createdAt: 2 } })
    await h.db.collection('inbox').add({ data: { userId: 'dev-worker', title: '托班报名成功', body: '已获得名额', read: false, createdAt: 3 } })
    const unread = (await h.db.collection('inbox').where({ userId: 'dev-worker', read: false }).count()).total
    expect(unread).toBe(2)
    const badges = () => wxCalls.filter((c) => c.api === 'setTabBarBadge' || c.api === 'removeTabBarBadge')
    const before = badges().length
    openPage('pages/index/index')
    await until(() => badges().length > before)
    // 消息 is the third tab (app.config.ts), its badge the server's unread count.
    expect(badges().at(-1)).toEqual({ api: 'setTabBarBadge', arg: expect.objectContaining({ index: 2, text: '2' }) })
    const inbox = openPage('pages/inbox/index')
    await until(() => textOf(inbox).includes('您的申请需要补充材料'))
    tap(inbox, '.mark-all')
    await until(() => badges().at(-1)?.api === 'removeTabBarBadge')
    expect(badges().at(-1)).toEqual({ api: 'removeTabBarBadge', arg: expect.objectContaining({ index: 2 }) })
  })

})
