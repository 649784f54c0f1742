import type { FileRecord } from '../../cloud/core/files'
import { intentOf } from '../../cloud/core/idempotency'
import { EXPORTS_PER_DAY } from '../../cloud/core/exports'
import { FUNCTIONS } from '../../cloud/functions/registry'
import { addRealNamedParents, newClass, signUp } from './childcareFixtures'
import { createHarness, MONDAY_10AM, type Harness } from './harness'

/** Where records a service keeps meet a closing account: what stays, and what must not come back. */
const AFTER_THE_CLASS = Date.parse('2027-03-01T10:00:00+08:00')
const CLOSE = { confirm: '确认注销' }

describe('a closed parent and the sign-ups kept', () => {
  let h: Harness
  let classId: string
  let parents: string[]
  beforeEach(async () => {
    h = await createHarness()
    classId = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ capacity: 1 })))._id
    parents = await addRealNamedParents(h, 3)
  })
  afterEach(() => h.close())

  it('a sign-up made with a requestId is keyed by nothing anyone could compute from the openid', async () => {
    const made = await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1), 'intent-close-1')
    expect(made._id).not.toBe(intentOf('childcare.enroll', parents[0], 'intent-close-1', undefined).key)
    // Still one sign-up for a repeat.
    expect((await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1), 'intent-close-1'))._id).toBe(made._id)
  })

  it('the line of a class that is over stays as it was when a parent in it closes, so its term counts the same', async () => {
    await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1))
    const waiting = await h.ok(parents[1], 'childcare', 'enroll', signUp(classId, 2))
    expect(waiting.status).toBe('waitlisted')
    h.setNow(AFTER_THE_CLASS)
    const plan = await h.ok(parents[1], 'mydata', 'closingPlan', {})
    expect(plan.withdrawn).toEqual([])
    await h.ok(parents[1], 'mydata', 'closeAccount', CLOSE)
    const kept = (await h.db.collection<{ status: string; guardianId: string }>('childcare_enrollments').doc(waiting._id).get()).data!
    expect(kept).toMatchObject({ status: 'waitlisted', guardianId: expect.stringMatching(/^closed-/) })
  })

  it('a rebuild of 我的办事 brings back no row for a closed account', async () => {
    await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1))
    await h.ok(parents[1], 'childcare', 'enroll', signUp(classId, 2))
    h.setNow(AFTER_THE_CLASS)
    await h.ok(parents[0], 'mydata', 'closeAccount', CLOSE)
    await h.ok('dev-admin', 'childcare', 'rebuildRequests', {})
    expect((await h.all('requests')).map((r) => r.userId)).toEqual([parents[1]])
  })
})

describe('files made for their caller', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  const runtimeOf = (openid: string) => ({
    db: h.db,
    pii: h.pii,
    openid,
    clock: () => MONDAY_10AM,
    fileStore: { put: async () => ({}), remove: async () => undefined },
    fileLink: async (file: FileRecord) => `/files/${file._id}`,
  })

  it("the figures' exports have their own allowance and leave the volunteer's copies of their own data alone", async () => {
    const runtime = runtimeOf('dev-volunteer')
    const exportFigures = (month: number) => FUNCTIONS.figures.handle({ action: 'exportXlsx', payload: { period: { kind: 'month', year: 2026, month } } }, runtime)
    for (let i = 0; i < EXPORTS_PER_DAY.figures; i++) expect(await exportFigures(1 + (i % 12))).toMatchObject({ ok: true })
    expect(await exportFigures(1)).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } })

    expect(await FUNCTIONS.mydata.handle({ action: 'exportMine', payload: {} }, runtime)).toMatchObject({ ok: true })
    const view = (await FUNCTIONS.mydata.handle({ action: 'view', payload: {} }, runtime)) as { ok: true; data: { sections: Array<{ key: string; items: Array<{ title: string; rows: Array<{ value: string }> }> }> } }
    const files = view.data.sections.find((s) => s.key === 'files')!.items
    expect(files.filter((f) => f.title.startsWith('Excel表格') && f.rows[0].value === '已用于数据看板导出')).toHaveLength(EXPORTS_PER_DAY.figures)
    expect(files.filter((f) => f.rows[0].value === '已用于我的数据导出')).toHaveLength(2)
  })
})
