import { addRealNamedWorkers } from '../../bench/fixtures'
import type { DashboardView } from '../../types/figures'
import { applyForWinter } from './aidFixtures'
import { createHarness, MONDAY_10AM, type Harness } from './harness'
import { applyTo, HR, publishedJob } from './jobsFixtures'
import { askForHelp, walk } from './legalFixtures'
import { fileClaim } from './medicalFixtures'

const DAY = 86_400_000
const YEAR_2026 = { period: { kind: 'year', year: 2026 } }

/** What the page shows, without when it was counted. */
const figuresOf = (view: DashboardView) => ({ panels: view.panels.map(({ computedAt: _c, ...panel }) => panel), summary: view.summary })

/**
 * DOMAIN.md, "Across all services": closing an account erases or anonymises the person, but what was
 * paid stays as a record of service — so the figures of past years do not move when people leave.
 */
describe('closing accounts leaves the figures of past years as they were', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
  })
  afterAll(() => h.close())

  it('counts the same 2026 before and after everyone who was helped closed their account', async () => {
    // 2026: six households get 冬送温暖; 张建国 has a claim paid, wages recovered through legal help, a job.
    const workers = await addRealNamedWorkers(h.db, h.pii, 6, 'leaving')
    const cases: string[] = []
    for (const worker of workers) cases.push(await applyForWinter(h, worker))
    const claim = await fileClaim(h)
    const legal = await askForHelp(h)
    const jobId = await publishedJob(h)
    const application = await applyTo(h, jobId)
    for (const caseId of cases) {
      await h.ok('dev-volunteer', 'aid', 'claim', { caseId })
      await h.ok('dev-volunteer', 'aid', 'approve', { caseId, amountFen: 200_000 })
    }
    await h.ok('dev-volunteer', 'medical', 'claim', { caseId: claim })
    await h.ok('dev-volunteer', 'medical', 'approve', { caseId: claim, amountFen: (await h.ok('dev-volunteer', 'medical', 'deskCase', { caseId: claim })).suggestedFen })
    await walk(h, legal, 'closed')
    await h.ok(HR, 'jobs', 'invite', { applicationId: application, at: MONDAY_10AM + 2 * DAY, mode: 'onsite', place: '公司三楼会议室' })
    await h.ok(HR, 'jobs', 'hire', { applicationId: application })
    h.setNow(MONDAY_10AM + 3 * DAY)
    for (const caseId of cases) await h.ok('dev-volunteer', 'aid', 'markPaid', { caseId, paymentRef: `WZ${caseId.slice(0, 6)}` })
    await h.ok('dev-volunteer', 'medical', 'markPaid', { caseId: claim, paymentRef: 'WZMED001' })

    // February 2027: the union reads its 2026, and then everyone it helped leaves.
    h.setNow(Date.parse('2027-02-01T10:00:00+08:00'))
    const before: DashboardView = await h.ok('dev-admin', 'figures', 'dashboard', YEAR_2026)
    expect(before.panels.find((p) => p.service === 'aid')!.figures.find((f) => f.key === 'aid.households')!.now.text).toBe('6')
    for (const openid of [...workers, 'dev-worker']) await h.ok(openid, 'mydata', 'closeAccount', { confirm: '确认注销' })
    expect(await h.db.collection('cases').where({ ownerId: h.db.command.in([...workers, 'dev-worker']) }).count()).toEqual({ total: 0 })
    expect(await h.db.collection('job_applications').where({ workerId: 'dev-worker' }).count()).toEqual({ total: 0 })

    h.setNow(Date.parse('2027-02-01T10:10:00+08:00'))
    const after: DashboardView = await h.ok('dev-admin', 'figures', 'dashboard', YEAR_2026)
    expect(after.computedAt).toBeGreaterThan(before.computedAt)
    expect(figuresOf(after)).toEqual(figuresOf(before))
  })
})
