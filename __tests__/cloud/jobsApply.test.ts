import { yieldToOthers } from './drivers'
import { createHarness, MONDAY_10AM, type Harness } from './harness'
import { ADMIN, applyTo, DEMO_EMPLOYER_ID, HR, publishedJob, resume, WORKER, WORKER_RESUME_PHONE } from './jobsFixtures'

const HOUR = 60 * 60 * 1000
const TOMORROW_3PM = Date.parse('2026-12-01T15:00:00+08:00')

describe('jobs: the résumé, an application and its steps', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('keeps the résumé with the phone sealed, answers it masked, and shows it in full to its owner only', async () => {
    const saved = await h.ok(WORKER, 'jobs', 'saveResume', resume(), 'resume-intent-1')
    expect(saved).toMatchObject({ phoneMasked: '139****5678', availability: 'week', expectedSalaryFen: 700_000 })
    expect(JSON.stringify(saved)).not.toContain(WORKER_RESUME_PHONE)
    const stored = JSON.stringify(await h.all('resumes')) + JSON.stringify(await h.all('idempotency'))
    expect(stored).not.toContain(WORKER_RESUME_PHONE)
    const mine = await h.ok(WORKER, 'jobs', 'myResume', {})
    // Name and age come from the real-name profile (born 15 March 1985).
    expect(mine).toMatchObject({ name: '张建国', age: 41, resume: { phone: WORKER_RESUME_PHONE } })
    expect(await h.ok('dev-worker2', 'jobs', 'myResume', {})).toEqual({ name: null, age: null, resume: null })
  })

  it('needs a real name and a résumé to apply', async () => {
    const jobId = await publishedJob(h)
    expect(await h.call('dev-worker2', 'jobs', 'apply', { jobId })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名') } })
    expect(await h.call(WORKER, 'jobs', 'apply', { jobId })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('我的简历') } })
    expect(await h.all('job_applications')).toEqual([])
  })

  it('sends a snapshot: a later change of the résumé does not change what the employer read', async () => {
    const jobId = await publishedJob(h)
    const applicationId = await applyTo(h, jobId)
    await h.ok(WORKER, 'jobs', 'saveResume', resume({ experience: '改过的经历' }))
    const opened = await h.ok(HR, 'jobs', 'hrApplication', { applicationId })
    expect(opened.resume).toMatchObject({ name: '张建国', age: 41, experience: '2019年至今在鹿城区顺丰网点做快递员。' })
  })

  it('shows HR the phone masked until the invitation, then to that employer, and records every look with the worker as subject', async () => {
    const jobId = await publishedJob(h)
    const applicationId = await applyTo(h, jobId)
    const before = await h.ok(HR, 'jobs', 'hrApplication', { applicationId })
    expect(before).toMatchObject({ status: 'viewed', phoneShown: false, resume: { phone: '139****5678' } })
    expect(JSON.stringify(before)).not.toContain(WORKER_RESUME_PHONE)
    const list = await h.ok(HR, 'jobs', 'applicants', { jobId })
    expect(list.items[0]).toMatchObject({ nameMasked: '张*国', phoneMasked: '139****5678', status: 'viewed' })
    expect(JSON.stringify(list)).not.toContain(WORKER_RESUME_PHONE)
    expect(list.counts).toMatchObject({ submitted: 0, viewed: 1, interview: 0 })

    await h.ok(HR, 'jobs', 'invite', { applicationId, at: TOMORROW_3PM, mode: 'onsite', place: '温州市鹿城区车站大道577号三楼', note: '请带身份证' })
    const after = await h.ok(HR, 'jobs', 'hrApplication', { applicationId })
    expect(after).toMatchObject({ status: 'interview', phoneShown: true, resume: { phone: WORKER_RESUME_PHONE } })

    const audit = (await h.all('audit')) as unknown as Array<{ action: string; subjects?: string[]; fields?: string[]; summary: string }>
    const looks = audit.filter((a) => a.action === 'hrApplication')
    expect(looks.map((a) => a.fields)).toEqual([['resume'], ['resume', 'phone']])
    expect(looks.every((a) => a.subjects?.includes(WORKER))).toBe(true)
    expect(audit.find((a) => a.action === 'invite')).toMatchObject({ summary: '邀请面试，向本企业公开手机号', subjects: [WORKER], fields: ['interview', 'phone'] })
    expect(JSON.stringify(audit)).not.toContain(WORKER_RESUME_PHONE)
    expect(JSON.stringify(await h.all('idempotency'))).not.toContain(WORKER_RESUME_PHONE)
  })

  it('shows HR no phone once the worker has closed their account, and records no look at one', async () => {
    const jobId = await publishedJob(h)
    const applicationId = await applyTo(h, jobId)
    await h.ok(HR, 'jobs', 'invite', { applicationId, at: TOMORROW_3PM, mode: 'video', link: 'https://meeting.example.cn/abc' })
    await h.ok(WORKER, 'mydata', 'closeAccount', { confirm: '确认注销' })
    const opened = await h.ok(HR, 'jobs', 'hrApplication', { applicationId })
    expect(opened).toMatchObject({ status: 'withdrawn', phoneShown: false, resume: { phone: '' } })
    const audit = (await h.all('audit')) as unknown as Array<{ action: string; fields?: string[] }>
    expect(audit.filter((a) => a.action === 'hrApplication').map((a) => a.fields)).toEqual([['resume']])
  })

  it('lets the HR contact of a suspended employer read and decline, but not invite, hire or see a phone', async () => {
    const jobId = await publishedJob(h)
    const invited = await applyTo(h, jobId)
    await h.ok(HR, 'jobs', 'invite', { applicationId: invited, at: TOMORROW_3PM, mode: 'video', link: 'https://meeting.example.cn/abc' })
    const waiting = await applyTo(h, await publishedJob(h, { title: '包装工' }))
    await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: DEMO_EMPLOYER_ID, status: 'suspended', reason: '核查中' })

    const opened = await h.ok(HR, 'jobs', 'hrApplication', { applicationId: invited })
    expect(opened).toMatchObject({ phoneShown: false, resume: { phone: '139****5678' } })
    expect(JSON.stringify(opened)).not.toContain(WORKER_RESUME_PHONE)
    const refusedHire = await h.call(HR, 'jobs', 'hire', { applicationId: invited })
    expect(refusedHire).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '企业已被工会暂停，暂时不能录用，请联系工会' } })
    expect((await h.db.collection('job_applications').doc(invited).get()).data).toMatchObject({ status: 'interview' })
    const refusedInvite = await h.call(HR, 'jobs', 'invite', { applicationId: waiting, at: TOMORROW_3PM, mode: 'video', link: 'https://meeting.example.cn/abc' })
    expect(refusedInvite).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '企业已被工会暂停，暂时不能邀请面试，请联系工会' } })
    expect((await h.db.collection('job_applications').doc(waiting).get()).data).not.toHaveProperty('phoneRevealedAt')
    await h.ok(HR, 'jobs', 'decline', { applicationId: invited, reason: '企业暂停招聘' })
  })

  it('puts each step on the timeline, in 消息 and in 我的办事, where an invitation waits for the worker until confirmed', async () => {
    const jobId = await publishedJob(h, { title: '快递员' })
    const applicationId = await applyTo(h, jobId)
    const row = async () => (await h.ok(WORKER, 'users', 'requests', {})).items.find((r: { _id: string }) => r._id === `jobs:${applicationId}`)
    expect(await row()).toMatchObject({ title: '应聘：快递员', statusName: '已投递', waitsForWorker: false, open: true, link: `/packages/jobs/application/index?id=${applicationId}` })

    await h.ok(HR, 'jobs', 'hrApplication', { applicationId })
    expect(await h.ok(WORKER, 'jobs', 'myApplication', { applicationId })).not.toHaveProperty('employerContact')
    await h.ok(HR, 'jobs', 'invite', { applicationId, at: TOMORROW_3PM, mode: 'video', link: 'https://meeting.example.cn/abc', note: '用微信视频也可以' })
    expect(await row()).toMatchObject({ statusName: '邀请面试', waitsForWorker: true, detail: '温州鹿城顺达快递有限公司 · 面试 12月1日 15:00' })
    const first = (await h.ok(WORKER, 'users', 'requests', {})).items[0]
    expect(first._id).toBe(`jobs:${applicationId}`)

    const contact = (await h.ok(WORKER, 'jobs', 'myApplication', { applicationId })).employerContact
    expect(contact).toEqual({ name: expect.any(String), phone: expect.stringMatching(/^[\d-]{7,}$/) })
    const confirmed = await h.ok(WORKER, 'jobs', 'confirmInterview', { applicationId })
    expect(confirmed.employerContact).toEqual(contact)
    expect(confirmed).toMatchObject({ waitsForMe: false, interview: { confirmedAt: MONDAY_10AM } })
    expect(await row()).toMatchObject({ waitsForWorker: false })
    expect(confirmed.timeline.at(-1)).toEqual({ status: 'interview', at: MONDAY_10AM, confirmed: true })
    const hrInbox = (await h.ok(HR, 'users', 'inbox', { limit: 50 })).items
    expect(hrInbox).toEqual(expect.arrayContaining([expect.objectContaining({ title: '快递员：求职者已确认面试', body: '张*国确认参加12月1日 15:00的面试。' })]))
    expect((await h.ok('dev-worker2', 'users', 'inbox', { limit: 50 })).items.map((m: { title: string }) => m.title)).not.toContain('快递员：求职者已确认面试')

    h.setNow(TOMORROW_3PM + 2 * HOUR)
    await h.ok(HR, 'jobs', 'hire', { applicationId, note: '下周一来报到' })
    expect(await row()).toMatchObject({ statusName: '已录用', open: false })

    const mine = await h.ok(WORKER, 'jobs', 'myApplication', { applicationId })
    expect(mine.timeline.map((s: { status: string }) => s.status)).toEqual(['submitted', 'viewed', 'interview', 'interview', 'hired'])
    expect(mine.canWithdraw).toBe(false)
    const inbox = (await h.ok(WORKER, 'users', 'inbox', { limit: 50 })).items.map((m: { title: string }) => m.title)
    expect(inbox).toEqual(expect.arrayContaining(['快递员：已投递', '快递员：已查看', '快递员：邀请面试', '快递员：已确认面试', '快递员：已录用']))
    const invitation = (await h.ok(WORKER, 'users', 'inbox', { limit: 50 })).items.find((m: { title: string }) => m.title === '快递员：邀请面试')
    expect(invitation.body).toContain('12月1日 15:00，视频面试，链接：https://meeting.example.cn/abc')
  })

  it('lets the worker read why it was declined, and withdraw only while nothing is decided', async () => {
    const jobId = await publishedJob(h)
    const first = await applyTo(h, jobId)
    await h.ok(WORKER, 'jobs', 'withdrawApplication', { applicationId: first })
    // Withdrawn, the worker may apply again.
    const second = (await h.ok(WORKER, 'jobs', 'apply', { jobId }))._id
    await h.ok(HR, 'jobs', 'decline', { applicationId: second, reason: '需要有叉车证' })
    const mine = await h.ok(WORKER, 'jobs', 'myApplication', { applicationId: second })
    expect(mine).toMatchObject({ status: 'declined', declineReason: '需要有叉车证', canWithdraw: false })
    expect(await h.call(WORKER, 'jobs', 'withdrawApplication', { applicationId: second })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect(await h.call(WORKER, 'jobs', 'apply', { jobId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('refuses steps out of order: hiring before an interview, inviting in the past, acting on a withdrawn application', async () => {
    const jobId = await publishedJob(h)
    const applicationId = await applyTo(h, jobId)
    expect(await h.call(HR, 'jobs', 'hire', { applicationId })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '请先邀请面试，再决定录用' } })
    expect(await h.call(HR, 'jobs', 'invite', { applicationId, at: MONDAY_10AM - HOUR, mode: 'video' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { at: '面试时间应晚于现在' } } })
    expect(await h.call(HR, 'jobs', 'invite', { applicationId, at: TOMORROW_3PM, mode: 'onsite' })).toMatchObject({ ok: false, error: { fields: { place: '现场面试请填写面试地点' } } })
    await h.ok(WORKER, 'jobs', 'withdrawApplication', { applicationId })
    expect(await h.call(HR, 'jobs', 'decline', { applicationId })).toMatchObject({ ok: false, error: { message: '求职者已撤回这份申请' } })
  })

  it('says which field is wrong: a salary below the floor, an empty or odd record number', async () => {
    const { newJob } = await import('./jobsFixtures')
    expect(await h.call(HR, 'jobs', 'saveJob', newJob({ salaryMinFen: 9_900 }))).toMatchObject({ ok: false, error: { fields: { salaryMinFen: '最低月薪不能低于100元' } } })
    expect(await h.call(HR, 'jobs', 'saveJob', newJob({ salaryMaxFen: undefined }))).toMatchObject({ ok: false, error: { fields: { salaryMaxFen: '请填写最高月薪' } } })
    expect(await h.call(WORKER, 'jobs', 'saveResume', resume({ expectedSalaryFen: 0 }))).toMatchObject({ ok: false, error: { fields: { expectedSalaryFen: '期望月薪不能低于100元' } } })
    expect(await h.call(HR, 'jobs', 'invite', { applicationId: '', at: TOMORROW_3PM, mode: 'video' })).toMatchObject({ ok: false, error: { fields: { applicationId: '缺少申请编号' } } })
    expect(await h.call(WORKER, 'jobs', 'job', { jobId: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { fields: { jobId: '岗位编号不正确' } } })
    expect(await h.call(WORKER, 'jobs', 'signUpFair', { fairId: 'bad id' })).toMatchObject({ ok: false, error: { fields: { fairId: '招聘会编号不正确' } } })
    const join = (code: string) => h.call(WORKER, 'jobs', 'joinEmployer', { code })
    expect(await join(' ')).toMatchObject({ ok: false, error: { fields: { code: '请填写邀请码' } } })
    expect(await join('ABCD-234')).toMatchObject({ ok: false, error: { fields: { code: '邀请码是8位，请核对' } } })
    expect(await join('abcd1234')).toMatchObject({ ok: false, error: { fields: { code: '邀请码里没有I、O、0、1，请核对' } } })
  })

  it('answers a worker only about their own applications', async () => {
    const jobId = await publishedJob(h)
    const applicationId = await applyTo(h, jobId)
    for (const action of ['myApplication', 'withdrawApplication', 'confirmInterview']) {
      expect(await h.call('dev-worker2', 'jobs', action, { applicationId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
  })

  it('keeps a worker out of the HR console, and an employer the union has not verified from publishing', async () => {
    expect(await h.call(WORKER, 'jobs', 'saveJob', { title: '自己发的岗位' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const job = await h.ok(HR, 'jobs', 'saveJob', (await import('./jobsFixtures')).newJob())
    await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: DEMO_EMPLOYER_ID, status: 'suspended', reason: '核查中' })
    const refused = await h.call(HR, 'jobs', 'publishJob', { jobId: job._id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('认证') } })
    expect((await h.db.collection('jobs').doc(job._id).get()).data).toMatchObject({ status: 'draft', listed: false })
  })
})

describe.each([
  ['at once', undefined],
  ['interleaved', yieldToOthers],
])('jobs.apply: one application per job under 20 concurrent submits (%s)', (_name, yieldBetween) => {
  it('answers one ok and 19 CONFLICT, and keeps one application, one row and one message', async () => {
    const h = await createHarness({ yieldBetween })
    try {
      const jobId = await publishedJob(h)
      await h.ok(WORKER, 'jobs', 'saveResume', resume())
      const answers = await Promise.all(Array.from({ length: 20 }, (_v, i) => h.call(WORKER, 'jobs', 'apply', { jobId }, `apply-rush-${i}`)))
      expect(answers.filter((a) => a.ok)).toHaveLength(1)
      expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(Array(19).fill('CONFLICT'))
      expect(await h.all('job_applications')).toHaveLength(1)
      expect((await h.all('requests')).filter((r) => (r as unknown as { service: string }).service === 'jobs')).toHaveLength(1)
      expect((await h.all('inbox')).filter((m) => (m as unknown as { title: string }).title.endsWith('已投递'))).toHaveLength(1)
    } finally {
      h.close()
    }
  })
})
