import { rebuildAllRequests } from '../../cloud/functions/registry'
import { applyForWinter } from './aidFixtures'
import { newClass, signUp } from './childcareFixtures'
import { createHarness, type Harness } from './harness'
import { fileClaim } from './medicalFixtures'

const WORKER = 'dev-worker'
const VOLUNTEER = 'dev-volunteer'

/** 我的办事: one `requests` projection across services, updated with every step, rebuilt to the same rows. */
describe('我的办事 from the server', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  async function requestsOf(openid: string) {
    return (await h.ok(openid, 'users', 'requests', {})).items as Array<{ title: string; statusName: string; waitsForWorker: boolean; link: string; open: boolean }>
  }

  it("lists a worker's requests of every service in one call, what waits for them first, each opening its own page", async () => {
    await h.ok(WORKER, 'stations', 'report', { stationId: 'demo-station-00001', kind: 'broken', text: '微波炉坏了，不能加热' })
    const classId = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass()))._id
    await h.ok(WORKER, 'childcare', 'enroll', signUp(classId, 1))
    const aidCase = await applyForWinter(h)
    const claim = await fileClaim(h)
    await h.ok(VOLUNTEER, 'aid', 'claim', { caseId: aidCase })
    await h.ok(VOLUNTEER, 'aid', 'askInfo', { caseId: aidCase, note: '请补充户口本' })

    const rows = await requestsOf(WORKER)
    expect(rows).toHaveLength(4)
    expect(rows[0]).toMatchObject({ title: '困难帮扶：2026年冬送温暖', statusName: '待补充材料', waitsForWorker: true, link: `/packages/aid/case/index?caseId=${aidCase}` })
    expect(rows.slice(1).every((r) => !r.waitsForWorker)).toBe(true)
    expect(rows.map((r) => r.link)).toEqual(
      expect.arrayContaining([
        `/packages/medical/case/index?caseId=${claim}`,
        '/packages/childcare/mine/index',
        '/packages/stations/detail/index?id=demo-station-00001',
      ]),
    )
    expect(await requestsOf('dev-worker2')).toEqual([])
  })

  it('follows each step: the state changes, and a finished request goes after the open ones', async () => {
    const aidCase = await applyForWinter(h)
    await h.ok(WORKER, 'stations', 'report', { stationId: 'demo-station-00002', kind: 'broken', text: '充电口坏了两个' })
    await h.ok(WORKER, 'aid', 'withdraw', { caseId: aidCase })
    const rows = await requestsOf(WORKER)
    expect(rows.map((r) => [r.title, r.statusName, r.open])).toEqual([
      ['驿站反馈：设施损坏', '处理中', true],
      ['困难帮扶：2026年冬送温暖', '已撤回', false],
    ])
  })

  it('rebuilds to exactly the same rows from the source records, as often as it runs', async () => {
    await applyForWinter(h)
    await fileClaim(h)
    await h.ok(WORKER, 'stations', 'report', { stationId: 'demo-station-00001', kind: 'other', text: '门口台阶太滑了' })
    const rows = async () => (await h.all('requests')).sort((a: any, b: any) => a._id.localeCompare(b._id))
    const before = await rows()
    expect(before).toHaveLength(3)
    await h.db.collection('requests').where({ userId: WORKER }).remove()
    await rebuildAllRequests(h.db)
    await rebuildAllRequests(h.db)
    expect(await rows()).toEqual(before)
  })

  it('lets only an admin rebuild a service’s rows, and audits it', async () => {
    await applyForWinter(h)
    expect(await h.call(WORKER, 'aid', 'rebuildRequests', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call(VOLUNTEER, 'aid', 'rebuildRequests', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.ok('dev-admin', 'aid', 'rebuildRequests', {})).toEqual({ rows: 1 })
    expect(await h.all('audit')).toEqual(expect.arrayContaining([expect.objectContaining({ who: 'dev-admin', action: 'rebuildRequests' })]))
  })
})
