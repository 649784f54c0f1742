import { runHousekeeping } from '../../cloud/functions/housekeeping'
import { addRealNamedParents } from './childcareFixtures'
import { yieldToOthers } from './drivers'
import { createHarness, MONDAY_10AM, type Harness } from './harness'
import { ADMIN, newFair, publishedJob, WORKER } from './jobsFixtures'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000
/** The test fair starts at 9:00 on Monday 7 December 2026. */
const STARTS = MONDAY_10AM + 7 * DAY - HOUR

const housekeepingAt = (h: Harness, at: number) => runHousekeeping({ db: h.db, clock: () => at, removeFile: async () => undefined })

describe('jobs: 春风行动 fairs', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('lists the fairs still to come, with the employers and the jobs at each', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair())
    await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ title: '已经结束的招聘会', startsAt: MONDAY_10AM + HOUR, endsAt: MONDAY_10AM + 90 * 60_000 }))
    h.setNow(MONDAY_10AM + 2 * HOUR)
    const jobId = await publishedJob(h, { title: '会上招的岗位', fairId: fair._id })
    const titles = (await h.ok(WORKER, 'jobs', 'fairs', {})).items.map((f: { title: string }) => f.title)
    expect(titles).toContain('春风行动·测试专场')
    expect(titles).not.toContain('已经结束的招聘会')
    const detail = await h.ok(WORKER, 'jobs', 'fair', { fairId: fair._id })
    expect(detail).toMatchObject({ kindName: '现场招聘会', venue: '鹿城区职工服务中心', capacity: 300, seatsLeft: 300, signedUp: 0, started: false })
    expect(detail.employers.map((e: { name: string }) => e.name)).toEqual(['温州鹿城顺达快递有限公司'])
    expect(detail.jobs.map((j: { _id: string }) => j._id)).toEqual([jobId])
    // As the list's card shows it, without a distance (no one searched from anywhere) or the fair again.
    expect(detail.jobs[0]).toMatchObject({ title: '会上招的岗位', employerName: '温州鹿城顺达快递有限公司' })
    expect(detail.jobs[0].distanceM).toBeUndefined()
    expect(detail.jobs[0].fair).toBeUndefined()
  })

  it('checks what a fair needs: a venue and place on site, a link online, an end after the start', async () => {
    const res = await h.call(ADMIN, 'jobs', 'saveFair', newFair({ kind: 'live', venue: undefined, address: undefined, lat: undefined, lng: undefined }))
    expect(res).toMatchObject({ ok: false, error: { fields: { link: '线上招聘会和直播请填写链接' } } })
    expect(await h.call(ADMIN, 'jobs', 'saveFair', newFair({ venue: undefined }))).toMatchObject({ ok: false, error: { fields: { venue: '现场招聘会请填写场地' } } })
    expect(await h.call(ADMIN, 'jobs', 'saveFair', newFair({ endsAt: STARTS }))).toMatchObject({ ok: false, error: { fields: { endsAt: '结束时间应晚于开始时间' } } })
    expect(await h.call(ADMIN, 'jobs', 'saveFair', newFair({ employerIds: ['no-such-employer'] }))).toMatchObject({ ok: false, error: { fields: { employerIds: '有参会企业不存在，请重新选择' } } })
    const live = await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ kind: 'live', venue: undefined, address: undefined, lat: undefined, lng: undefined, capacity: undefined, link: 'https://live.example.cn/room/1' }))
    expect(live).toMatchObject({ kindName: '直播带岗', link: 'https://live.example.cn/room/1' })
    expect(live.location).toBeUndefined()
  })

  it('signs a real-named worker up once, lets them cancel until it starts, and gives the place back', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ capacity: 2 }))
    expect(await h.call('dev-worker2', 'jobs', 'signUpFair', { fairId: fair._id })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名') } })
    expect(await h.ok(WORKER, 'jobs', 'signUpFair', { fairId: fair._id })).toMatchObject({ status: 'signed', seatsLeft: 1, signedUp: 1 })
    expect(await h.call(WORKER, 'jobs', 'signUpFair', { fairId: fair._id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const row = async () => (await h.ok(WORKER, 'users', 'requests', {})).items.find((r: { service: string }) => r.service === 'jobs')
    expect(await row()).toMatchObject({ title: '招聘会：春风行动·测试专场', statusName: '已报名', open: true, detail: '12月7日 09:00 · 鹿城区职工服务中心' })
    expect(await h.ok(WORKER, 'jobs', 'cancelFairSignUp', { fairId: fair._id })).toMatchObject({ status: 'cancelled', seatsLeft: 2, signedUp: 0 })
    expect(await row()).toMatchObject({ statusName: '已取消', open: false })
    expect(await h.ok(WORKER, 'jobs', 'signUpFair', { fairId: fair._id })).toMatchObject({ status: 'signed', seatsLeft: 1 })
    h.setNow(STARTS)
    expect(await h.call(WORKER, 'jobs', 'cancelFairSignUp', { fairId: fair._id })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    const [late] = await addRealNamedParents(h, 1, 'late')
    expect(await h.call(late, 'jobs', 'signUpFair', { fairId: fair._id })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '招聘会已经开始，不能再报名了' } })
  })

  it('refuses a start already past for a new fair or a moved one, and lets a fair under way be edited', async () => {
    expect(await h.call(ADMIN, 'jobs', 'saveFair', newFair({ startsAt: MONDAY_10AM - DAY }))).toMatchObject({ ok: false, error: { fields: { startsAt: '开始时间已过，请重新选择' } } })
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair())
    h.setNow(STARTS + HOUR)
    expect(await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ id: fair._id, description: '已开始，入口改在东门。' }))).toMatchObject({ startsAt: STARTS })
    const moved = await h.call(ADMIN, 'jobs', 'saveFair', newFair({ id: fair._id, startsAt: STARTS + 30 * 60_000 }))
    expect(moved).toMatchObject({ ok: false, error: { fields: { startsAt: '开始时间已过，请重新选择' } } })
    expect((await h.db.collection('fairs').doc(fair._id).get()).data).toMatchObject({ startsAt: STARTS, description: '已开始，入口改在东门。' })
  })

  it('carries an edit to those signed up: 我的办事 shows the new time and place, and only those still signed up are told', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair())
    const [a, b] = await addRealNamedParents(h, 2, 'fairgoer')
    for (const w of [a, b]) await h.ok(w, 'jobs', 'signUpFair', { fairId: fair._id })
    await h.ok(b, 'jobs', 'cancelFairSignUp', { fairId: fair._id })
    const news = async () => ((await h.all('inbox')) as unknown as Array<{ userId: string; title: string; body: string }>).filter((m) => m.title.startsWith('招聘会有变动'))
    const rowOf = async (w: string) => (await h.ok(w, 'users', 'requests', {})).items.find((r: { service: string }) => r.service === 'jobs')

    await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ id: fair._id, description: '只改了说明。' }))
    expect(await news()).toEqual([])

    await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ id: fair._id, title: '春风行动·改期专场', startsAt: STARTS + 3 * DAY, endsAt: STARTS + 3 * DAY + 3 * HOUR, venue: '鹿城区职工服务中心二楼' }))
    expect(await rowOf(a)).toMatchObject({ title: '招聘会：春风行动·改期专场', detail: '12月10日 09:00 · 鹿城区职工服务中心二楼', open: true })
    expect(await rowOf(b)).toMatchObject({ title: '招聘会：春风行动·改期专场', detail: '12月10日 09:00 · 鹿城区职工服务中心二楼', open: false })
    expect(await news()).toEqual([expect.objectContaining({ userId: a, body: '现在12月10日 09:00开始（鹿城区职工服务中心二楼）。不能参加的话，请在开始前取消报名。' })])
  })

  it('reminds again the day before a fair that was moved after the reminder, and counts it to come for 我的数据', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair())
    await h.ok(WORKER, 'jobs', 'signUpFair', { fairId: fair._id })
    expect((await housekeepingAt(h, STARTS - DAY)).remindFairSignUps).toBe(1)
    h.setNow(STARTS - DAY + HOUR)
    await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ id: fair._id, startsAt: STARTS + 7 * DAY, endsAt: STARTS + 7 * DAY + 3 * HOUR }))
    expect((await housekeepingAt(h, STARTS + 6 * DAY)).remindFairSignUps).toBe(1)
    // Past the old start, the sign-up is still one to cancel when the worker withdraws.
    h.setNow(STARTS + DAY)
    const plan = await h.ok(WORKER, 'mydata', 'closingPlan', {})
    expect(JSON.stringify(plan)).toContain('招聘会报名：春风行动·测试专场')
  })

  it('never lets an edit take the places below the sign-ups already made', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ capacity: 5 }))
    for (const w of await addRealNamedParents(h, 3, 'fairgoer')) await h.ok(w, 'jobs', 'signUpFair', { fairId: fair._id })
    expect(await h.call(ADMIN, 'jobs', 'saveFair', newFair({ id: fair._id, capacity: 2 }))).toMatchObject({ ok: false, error: { fields: { capacity: '已有3人报名，名额不能少于报名人数' } } })
    expect(await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ id: fair._id, capacity: 10 }))).toMatchObject({ capacity: 10, seatsLeft: 7, signedUp: 3 })
  })

  it('reminds each worker signed up once, from 9:00 the day before, however often the work runs', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair())
    const [a, b, c] = await addRealNamedParents(h, 3, 'fairgoer')
    for (const w of [a, b, c]) await h.ok(w, 'jobs', 'signUpFair', { fairId: fair._id })
    await h.ok(c, 'jobs', 'cancelFairSignUp', { fairId: fair._id })
    const reminders = async () => ((await h.all('inbox')) as unknown as Array<{ userId: string; title: string }>).filter((m) => m.title.startsWith('明天有招聘会'))
    expect((await housekeepingAt(h, STARTS - DAY - HOUR)).remindFairSignUps).toBe(0)
    expect((await housekeepingAt(h, STARTS - DAY)).remindFairSignUps).toBe(2)
    expect((await housekeepingAt(h, STARTS - DAY + 10 * 60_000)).remindFairSignUps).toBe(0)
    expect((await reminders()).map((m) => m.userId).sort()).toEqual([a, b].sort())
    expect((await reminders())[0]).toMatchObject({ title: '明天有招聘会：春风行动·测试专场' })
  })

  it('moves a sign-up out of the open part of 我的办事 once the fair is over', async () => {
    const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair())
    await h.ok(WORKER, 'jobs', 'signUpFair', { fairId: fair._id })
    expect((await housekeepingAt(h, STARTS + 3 * HOUR)).finishEndedFairs).toBeGreaterThanOrEqual(1)
    expect((await housekeepingAt(h, STARTS + 3 * HOUR)).finishEndedFairs).toBe(0)
    const row = (await h.ok(WORKER, 'users', 'requests', {})).items.find((r: { service: string }) => r.service === 'jobs')
    expect(row).toMatchObject({ statusName: '已结束', open: false })
  })
})

describe.each([
  ['at once', undefined],
  ['interleaved', yieldToOthers],
])('jobs.signUpFair: 200 workers for 50 places (%s)', (_name, yieldBetween) => {
  it('gives exactly 50 places, refuses the rest plainly, and keeps the counts exact', async () => {
    const h = await createHarness({ yieldBetween })
    try {
      const fair = await h.ok(ADMIN, 'jobs', 'saveFair', newFair({ capacity: 50 }))
      const workers = await addRealNamedParents(h, 200, 'rush')
      const answers = await Promise.all(workers.map((w, i) => h.call(w, 'jobs', 'signUpFair', { fairId: fair._id }, `fair-rush-${i}`)))
      expect(answers.filter((a) => a.ok)).toHaveLength(50)
      const refusals = answers.flatMap((a) => (a.ok ? [] : [a.error.message]))
      expect(new Set(refusals)).toEqual(new Set(['名额已满，欢迎关注下一场招聘会']))
      expect((await h.db.collection('fair_signups').where({ fairId: fair._id, status: 'signed' }).count()).total).toBe(50)
      expect((await h.db.collection('fairs').doc(fair._id).get()).data).toMatchObject({ seatsLeft: 0, signedUp: 50 })
    } finally {
      h.close()
    }
  })
})
