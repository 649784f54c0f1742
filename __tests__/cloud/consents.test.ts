import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { benchIdNumber } from '../../bench/fixtures'
import { addUpload, applyForWinter, winterApplication } from './aidFixtures'
import { newClass, signUp } from './childcareFixtures'
import { createHarness, type Harness } from './harness'
import { applyTo, publishedJob } from './jobsFixtures'
import { askForHelp, walk } from './legalFixtures'
import { fileClaim, WORKER_ID } from './medicalFixtures'

const WORKER = 'dev-worker'
const OTHER = 'dev-worker2'
const VOLUNTEER = 'dev-volunteer'

const statusOf = async (h: Harness, caseId: string) => (await h.db.collection<{ status: string }>('cases').doc(caseId).get()).data!.status
const consentOf = async (h: Harness, policy: string) => ((await h.ok(WORKER, 'mydata', 'view')).consents as Array<{ policy: string; withdrawnAt?: number }>).find((c) => c.policy === policy)

/**
 * Withdrawing a consent in 我的数据 (PIPL art. 15): the services it carries take no new request until
 * it is given again, and their open requests are withdrawn where the workflow lets the worker
 * withdraw them; what is past that point runs to its end, and nothing the union keeps is erased.
 */
describe('withdrawing a consent', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it("a service's own consent: its open application is withdrawn, a new one is refused until the worker agrees again; other services go on", async () => {
    const aidCase = await applyForWinter(h)
    const claim = await fileClaim(h)
    await h.ok(OTHER, 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
    await h.ok(OTHER, 'users', 'updateProfile', { name: '李秀英', mobile: '13912340077', idNumber: benchIdNumber(77, '19880808'), employer: '鹿城环卫所', unionMember: true })
    const othersCase = await applyForWinter(h, OTHER)

    const plan = await h.ok(WORKER, 'mydata', 'withdrawalPlan', { policy: 'aid' })
    expect(plan.stops).toContain('不能再申请困难帮扶')
    expect(plan.withdrawn).toEqual([expect.stringContaining('困难帮扶：')])
    expect(plan.continuing).toEqual([])
    // Asking what it would do changes nothing.
    expect(await statusOf(h, aidCase)).toBe('submitted')

    await h.ok(WORKER, 'mydata', 'withdrawConsent', { policy: 'aid' })
    expect(await statusOf(h, aidCase)).toBe('withdrawn')
    expect(await statusOf(h, claim)).toBe('submitted')
    expect(await statusOf(h, othersCase)).toBe('submitted')
    expect((await consentOf(h, 'aid'))?.withdrawnAt).toEqual(expect.any(Number))
    const audit = (await h.all('audit')) as unknown as Array<{ who: string; summary: string; subjects?: string[] }>
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ who: WORKER, summary: '撤回同意《困难帮扶敏感信息收集说明》，撤回1件申请', subjects: [WORKER] })]))
    // The worker's row of 我的办事 says so.
    expect((await h.ok(WORKER, 'users', 'requests', {})).items).toEqual(expect.arrayContaining([expect.objectContaining({ service: 'aid', statusName: '已撤回' })]))

    const cases = (await h.all('cases')).length
    const again = await h.call(WORKER, 'aid', 'apply', winterApplication(await addUpload(h, WORKER)))
    expect(again.ok).toBe(false)
    expect(!again.ok && again.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('您已撤回对《困难帮扶敏感信息收集说明》的同意') })
    expect(await h.all('cases')).toHaveLength(cases)
    // Ticking the form's box again is not enough: the worker agrees again knowingly, in 我的数据.
    await h.ok(WORKER, 'users', 'consent', { policy: 'aid', version: FIRST_VERSION })
    expect((await consentOf(h, 'aid'))?.withdrawnAt).toBeUndefined()
    await h.ok(WORKER, 'aid', 'apply', winterApplication(await addUpload(h, WORKER)))
  })

  it('an application already approved goes on to be paid: it is named as continuing, not withdrawn', async () => {
    const aidCase = await applyForWinter(h)
    await h.ok(VOLUNTEER, 'aid', 'claim', { caseId: aidCase })
    await h.ok(VOLUNTEER, 'aid', 'approve', { caseId: aidCase, amountFen: 200_000 })
    const done = await h.ok(WORKER, 'mydata', 'withdrawConsent', { policy: 'aid' })
    expect(done.withdrawn).toEqual([])
    expect(done.continuing).toEqual([expect.stringContaining('困难帮扶：')])
    expect(await statusOf(h, aidCase)).toBe('approved')
    await h.ok(VOLUNTEER, 'aid', 'markPaid', { caseId: aidCase, paymentRef: 'WZB20261130001' })
    expect(await statusOf(h, aidCase)).toBe('paid')
  })

  it('the privacy consent: every new request, sign-up and report is refused; reading, copying and agreeing again go on', async () => {
    await h.ok(WORKER, 'users', 'consent', { policy: 'privacy', version: FIRST_VERSION })
    await h.ok(WORKER, 'mydata', 'withdrawConsent', { policy: 'privacy' })
    const reports = (await h.all('station_reports')).length
    const report = await h.call(WORKER, 'stations', 'report', { stationId: 'demo-station-00001', kind: 'broken', text: '微波炉坏了' })
    expect(!report.ok && report.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('《鹿工之家隐私政策》') })
    expect(await h.all('station_reports')).toHaveLength(reports)
    const claim = await h.call(WORKER, 'medical', 'submitClaim', {})
    expect(!claim.ok && claim.error.code).toBe('FAILED_PRECONDITION')
    // Another worker is not touched by it.
    await h.ok(OTHER, 'stations', 'report', { stationId: 'demo-station-00001', kind: 'broken', text: '充电口坏了' })

    expect((await h.ok(WORKER, 'users', 'me', {})).consentsDue).toContain('privacy')
    await h.ok(WORKER, 'mydata', 'view')
    await h.ok(WORKER, 'stations', 'nearby', { lat: 28.0, lng: 120.65 })
    await h.ok(WORKER, 'users', 'consent', { policy: 'privacy', version: FIRST_VERSION })
    expect((await h.ok(WORKER, 'users', 'me', {})).consentsDue).not.toContain('privacy')
    await h.ok(WORKER, 'stations', 'report', { stationId: 'demo-station-00001', kind: 'broken', text: '微波炉坏了' })
  })

  it('the real-name consent: the profile and its claim on the ID number are erased, open requests withdrawn, real-name services refused until real-named again', async () => {
    const legalCase = await askForHelp(h)
    const application = await applyTo(h, await publishedJob(h))
    const granted = await askForHelp(h, WORKER, { category: 'work_injury', employer: '温州某某机械有限公司' })
    await walk(h, granted, 'granted')
    const { data: before } = await h.db.collection<{ pii?: { idNumberBlind: string } }>('users').doc(WORKER).get()
    const blind = before!.pii!.idNumberBlind

    const done = await h.ok(WORKER, 'mydata', 'withdrawConsent', { policy: 'realname' })
    expect(done.stops).toContain('实名信息（姓名、手机号、身份证号、单位）会被删除')
    const { data: after } = await h.db.collection<Record<string, unknown>>('users').doc(WORKER).get()
    expect(after!.profile).toBeUndefined()
    expect(after!.pii).toBeUndefined()
    expect((await h.db.collection('realname_claims').doc(blind).get()).data).toBeNull()
    expect(await statusOf(h, legalCase)).toBe('withdrawn')
    expect(await statusOf(h, granted)).toBe('granted')
    expect((await h.db.collection<{ status: string }>('job_applications').doc(application).get()).data?.status).toBe('withdrawn')
    expect((await h.ok(WORKER, 'users', 'me', {})).realNamed).toBe(false)

    const aid = await h.call(WORKER, 'aid', 'apply', winterApplication(await addUpload(h, WORKER)))
    expect(!aid.ok && aid.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名认证') })
    const profile = { name: '张建国', mobile: '13812345678', idNumber: WORKER_ID, employer: '鹿城快递', unionMember: true }
    const refused = await h.call(WORKER, 'users', 'updateProfile', profile)
    expect(!refused.ok && refused.error.code).toBe('FAILED_PRECONDITION')
    await h.ok(WORKER, 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
    expect((await h.ok(WORKER, 'users', 'updateProfile', profile)).realNamed).toBe(true)
  })

  it("the children's consent: a sign-up before the deadline is cancelled and its seat goes to the next in line; a new sign-up is refused", async () => {
    const classId = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ capacity: 1 })))._id
    const mine = await h.ok(WORKER, 'childcare', 'enroll', signUp(classId, 1))
    expect(mine.status).toBe('enrolled')
    await h.ok(WORKER, 'mydata', 'withdrawConsent', { policy: 'child' })
    expect((await h.db.collection<{ status: string }>('childcare_enrollments').doc(mine._id).get()).data?.status).toBe('cancelled')
    const again = await h.call(WORKER, 'childcare', 'enroll', signUp(classId, 2))
    expect(!again.ok && again.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringContaining('《儿童个人信息保护说明》') })
  })

  it('refuses to withdraw what was never given, and names an unknown policy in Chinese, changing nothing', async () => {
    const never = await h.call(WORKER, 'mydata', 'withdrawConsent', { policy: 'legal' })
    expect(!never.ok && never.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '您没有同意过《法律援助个人信息收集说明》，不用撤回' })
    const unknown = await h.call(WORKER, 'mydata', 'withdrawConsent', { policy: 'ads' })
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { policy: '没有这项协议' } })
    expect((await h.all('audit')).filter((a: any) => a.fn === 'mydata')).toHaveLength(0)
  })
})
