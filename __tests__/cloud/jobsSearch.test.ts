import { runHousekeeping } from '../../cloud/functions/housekeeping'
import { createHarness, MONDAY_10AM, type Harness } from './harness'
import { ADMIN, DEMO_EMPLOYER_ID, HR, PLACES, publishedJob, WORKER } from './jobsFixtures'

const DAY = 24 * 60 * 60 * 1000

/** Only the jobs these tests publish: the demo data's are taken off the list. */
async function withoutDemoJobs(h: Harness) {
  await h.db.collection('jobs').where({ demo: true }).update({ data: { listed: false, status: 'closed' } })
}

describe('jobs.search: what a worker finds', () => {
  let h: Harness
  const titles = async (payload: Record<string, unknown>) => {
    const page = await h.ok(WORKER, 'jobs', 'search', { ...PLACES.centre, ...payload })
    return page.items.map((j: { title: string }) => j.title)
  }

  beforeEach(async () => {
    h = await createHarness()
    await withoutDemoJobs(h)
  })
  afterEach(() => h.close())

  it('finds a keyword in the title, the employer or the requirements, literally and in any case', async () => {
    await publishedJob(h, { title: '夜班分拣员', requirements: '能上夜班，会用PDA扫码枪。' })
    await publishedJob(h, { title: '司机（C1）', requirements: '持C1驾照，熟悉鹿城道路即可。' })
    await publishedJob(h, { title: '仓库管理员', requirements: '熟悉Excel表格，细心负责。' })
    expect(await titles({ keyword: '分拣' })).toEqual(['夜班分拣员'])
    // The employer's name: every job of 顺达快递.
    expect((await titles({ keyword: '顺达' })).sort()).toEqual(['仓库管理员', '司机（C1）', '夜班分拣员'].sort())
    expect(await titles({ keyword: 'pda' })).toEqual(['夜班分拣员'])
    expect(await titles({ keyword: 'excel 细心' })).toEqual(['仓库管理员'])
    expect(await titles({ keyword: 'excel 夜班' })).toEqual([])
    // Characters that mean something in an expression are taken as they are.
    expect(await titles({ keyword: '（C1）' })).toEqual(['司机（C1）'])
    expect(await titles({ keyword: '.*' })).toEqual([])
    expect(await titles({ keyword: '(' })).toEqual([])
  })

  it('filters by industry, a salary the range reaches, and every benefit asked for', async () => {
    await publishedJob(h, { title: '甲岗', salaryMinFen: 400_000, salaryMaxFen: 600_000, benefits: ['room_board', 'insurance'] })
    await publishedJob(h, { title: '乙岗', salaryMinFen: 700_000, salaryMaxFen: 900_000, benefits: ['insurance'] })
    expect((await titles({ minSalaryFen: 600_000 })).sort()).toEqual(['乙岗', '甲岗'].sort())
    expect(await titles({ minSalaryFen: 600_100 })).toEqual(['乙岗'])
    expect(await titles({ benefits: ['insurance', 'room_board'] })).toEqual(['甲岗'])
    expect((await titles({ industry: 'G' })).sort()).toEqual(['乙岗', '甲岗'].sort())
    expect(await titles({ industry: 'C' })).toEqual([])
  })

  it('keeps to the radius, nearest first by default, or newest, or best paid, a page at a time without repeats', async () => {
    await publishedJob(h, { title: '近处', ...PLACES.wuma, salaryMinFen: 500_000, salaryMaxFen: 600_000 })
    h.setNow(MONDAY_10AM + 60_000)
    await publishedJob(h, { title: '远处', ...PLACES.tengqiao, salaryMinFen: 800_000, salaryMaxFen: 900_000 })
    h.setNow(MONDAY_10AM + 120_000)
    // At the employer's own place (车站大道), about 0.7 km from the centre.
    await publishedJob(h, { title: '中间', salaryMinFen: 600_000, salaryMaxFen: 700_000 })
    expect(await titles({})).toEqual(['近处', '中间'])
    expect(await titles({ withinKm: 20 })).toEqual(['近处', '中间', '远处'])
    expect(await titles({ withinKm: 20, sort: 'newest' })).toEqual(['中间', '远处', '近处'])
    expect(await titles({ withinKm: 20, sort: 'salary' })).toEqual(['远处', '中间', '近处'])
    expect(await titles({ withinKm: 3, sort: 'salary' })).toEqual(['中间', '近处'])
    for (const sort of ['distance', 'newest', 'salary']) {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = await h.ok(WORKER, 'jobs', 'search', { ...PLACES.centre, withinKm: 20, sort, limit: 1, cursor })
        seen.push(...page.items.map((j: { title: string }) => j.title))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen.sort()).toEqual(['中间', '近处', '远处'].sort())
    }
    const [near] = (await h.ok(WORKER, 'jobs', 'search', { ...PLACES.centre })).items
    expect(near.distanceM).toBeGreaterThan(400)
    expect(near.distanceM).toBeLessThan(600)
  })

  it('never shows a job past the end of its closing day, even before the scheduled work closes it', async () => {
    const jobId = await publishedJob(h, { title: '今天截止', closingDate: '2026-11-30' })
    expect(await titles({})).toEqual(['今天截止'])
    h.setNow(Date.parse('2026-11-30T23:59:59+08:00'))
    expect(await titles({})).toEqual(['今天截止'])
    h.setNow(Date.parse('2026-12-01T00:00:00+08:00'))
    expect(await titles({})).toEqual([])
    expect((await h.call(WORKER, 'jobs', 'job', { jobId })).ok).toBe(false)
    expect(await h.call(WORKER, 'jobs', 'apply', { jobId })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect((await h.db.collection('jobs').doc(jobId).get()).data).toMatchObject({ status: 'published' })
    const rt = { db: h.db, clock: () => Date.parse('2026-12-01T00:05:00+08:00'), removeFile: async () => undefined }
    expect((await runHousekeeping(rt)).closeExpiredJobs).toBe(1)
    expect((await runHousekeeping(rt)).closeExpiredJobs).toBe(0)
    expect((await h.db.collection('jobs').doc(jobId).get()).data).toMatchObject({ status: 'closed', listed: false, closedReason: 'expired' })
  })

  it('shows no draft, and hides a suspended employer\'s jobs at once, until it is verified again', async () => {
    await h.ok(HR, 'jobs', 'saveJob', { ...(await import('./jobsFixtures')).newJob({ title: '草稿岗位' }) })
    const jobId = await publishedJob(h, { title: '已发布' })
    expect(await titles({})).toEqual(['已发布'])
    await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: DEMO_EMPLOYER_ID, status: 'suspended', reason: '营业执照过期' })
    expect(await titles({})).toEqual([])
    expect(await h.call(WORKER, 'jobs', 'job', { jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: DEMO_EMPLOYER_ID, status: 'verified' })
    expect(await titles({})).toEqual(['已发布'])
  })

  it('checks the employer of every job it shows, whatever the list says', async () => {
    const jobId = await publishedJob(h, { title: '已发布' })
    await h.db.collection('employers').doc(DEMO_EMPLOYER_ID).update({ data: { status: 'suspended' } })
    expect((await h.db.collection('jobs').doc(jobId).get()).data).toMatchObject({ listed: true })
    expect(await titles({})).toEqual([])
  })

  it('lists a job with only what its card shows, the employer named as it is now', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', (await import('./jobsFixtures')).newFair())
    const jobId = await publishedJob(h, { title: '带招聘会', fairId: fair._id })
    await h.db.collection('employers').doc(DEMO_EMPLOYER_ID).update({ data: { name: '温州鹿城顺达物流有限公司' } })
    const [item] = (await h.ok(WORKER, 'jobs', 'search', { ...PLACES.centre })).items
    expect(item).toEqual({
      _id: jobId,
      title: '带招聘会',
      employerName: '温州鹿城顺达物流有限公司',
      headcount: expect.any(Number),
      salaryMinFen: 600_000,
      salaryMaxFen: expect.any(Number),
      benefits: ['room_board', 'insurance'],
      address: expect.any(String),
      distanceM: expect.any(Number),
      fair: { _id: fair._id, title: '春风行动·测试专场' },
    })
    expect(item.distanceM).toBeGreaterThan(500)
    expect(item.distanceM).toBeLessThan(900)
  })

  it('opens a job with its employer, salary, benefits, place and fair, and says whether the caller applied', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', (await import('./jobsFixtures')).newFair())
    const jobId = await publishedJob(h, { title: '带招聘会', fairId: fair._id })
    const job = await h.ok(WORKER, 'jobs', 'job', { jobId })
    expect(job).toMatchObject({
      title: '带招聘会',
      employer: { name: '温州鹿城顺达快递有限公司', verified: true, industry: 'G' },
      salaryMinFen: 600_000,
      benefits: ['room_board', 'insurance'],
      fair: { _id: fair._id, title: '春风行动·测试专场' },
      open: true,
    })
    expect(job.location).toEqual({ lat: 28.0125, lng: 120.662 })
    expect(job.myApplication).toBeUndefined()
  })

  it('answers field errors in Chinese and never INTERNAL for odd searches', async () => {
    const res = await h.call(WORKER, 'jobs', 'search', { ...PLACES.centre, withinKm: 7, sort: 'cheapest' })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { withinKm: '距离只能选3、5、10或20公里', sort: '排序方式不正确' } } })
    for (const keyword of ['\\', '[', '*', '(?<x>', '\\p{L}', '$^', 'a{99999}']) {
      expect((await h.call(WORKER, 'jobs', 'search', { ...PLACES.centre, keyword })).ok).toBe(true)
    }
  })

  it('lets the scheduled work close nothing early', async () => {
    await publishedJob(h, { closingDate: '2026-12-01' })
    const rt = { db: h.db, clock: () => MONDAY_10AM + DAY, removeFile: async () => undefined }
    expect((await runHousekeeping(rt)).closeExpiredJobs).toBe(0)
  })
})
