import { applyForWinter } from '../cloud/aidFixtures'
import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp desk queue (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    await applyForWinter(h)
    installWeapp(h, 'dev-volunteer')
  })
  afterAll(() => h.close())

  it('lists the waiting case oldest first with who applied and how long it has waited', async () => {
    const page = openPage('packages/desk/queue/index')
    await until(() => page.querySelectorAll('.queue-item').length === 1)
    expect(textOf(page)).toContain('2026年冬送温暖 · 张*国')
    expect(textOf(page)).toContain('已等待')
    expect(textOf(page)).toContain('待受理(1)')
    tap(page, '.queue-item')
    await until(() => wxCalls.some((c) => c.api === 'navigateTo' && JSON.stringify(c.arg).includes('packages/desk/case/index?service=aid')))
  })

  it('opens a case on the desk masked, with the step the volunteer may take', async () => {
    const [record] = await h.all('cases')
    const page = openPage('packages/desk/case/index', { service: 'aid', caseId: (record as { _id: string })._id })
    await until(() => textOf(page).includes('受理这份申请'))
    expect(textOf(page)).toContain('温州银行 6222 **** 0123')
    expect(textOf(page)).not.toContain('6222021234567890123')
    expect(page.querySelectorAll('.reveal-bankAccount')).toHaveLength(1)
  })
})
