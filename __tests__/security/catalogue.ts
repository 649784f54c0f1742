import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { defaultPlan } from '../../cloud/domain/medical/plan'
import { benchIdNumber } from '../../bench/fixtures'
import { winterApplication } from '../cloud/aidFixtures'
import { newClass, signUp } from '../cloud/childcareFixtures'
import { inpatientClaim } from '../cloud/medicalFixtures'
import { newEmployer, newFair, newJob, resume } from '../cloud/jobsFixtures'
import { DEMO_EMPLOYER_ID } from '../../cloud/local/seed/personas'
import { unpaidWages } from '../cloud/legalFixtures'
import { ownerId, PEOPLE, type Identity, type Owner, type WorldIds } from './world'

/**
 * Every action of every cloud function, with a payload that is valid in the world the setup
 * builds and who may call it. `catalogue.test.ts` fails when an action of `FUNCTIONS` has no entry
 * here, so an action added later is probed as soon as it exists.
 *
 * Who may call an action (ARCHITECTURE.md "Identity", "Inside a function"; DOMAIN.md "People"):
 * - `public`: everyone, signed in or not (a policy's text, which the login page links);
 * - `anyone`: every signed-in user (every user is a worker);
 * - `owner`: only the worker whose record it is (a sign-up, a case, their upload folder);
 * - `ownerOrStaff:<service>`: the owner, volunteers of the service, admins (a private upload);
 * - `staff:<service>`: volunteers of the service, admins;
 * - `assignee`: the volunteer who claimed the case (`dev-volunteer` here), or an admin — the steps
 *   after a claim (DOMAIN.md §3: "in review (a volunteer claims it)");
 * - `admin`: admins.
 * - `hr`: the HR contact of the employer whose record it is (`dev-hr` here; no one else, admins
 *   neither — HR of another employer is refused on every record, `hrOfAnotherEmployer.test.ts`).
 * - `admin`: admins;
 * - `staff:legal`: the legal desk (volunteers of legal help, admins) — and for the lawyer's side of an
 *   action, the person assigned to the case, who in this world is the desk's `dev-volunteer`;
 * - `assignee:legal`: only the person assigned to the legal case (a lawyer of the panel or a legal
 *   volunteer; `dev-volunteer` here) — not the desk's admin (DOMAIN.md: a lawyer sees only the cases assigned to them);
 * - `ownerOrAssignee:legal`: the worker whose case it is, or the person assigned (messages, appointments).
 * - `staffOfAny`: volunteers of any service (who see their own services' figures) and admins (every service's).
 */
export type Who =
  | 'public'
  | 'anyone'
  | 'owner'
  | 'ownerOrStaff:aid'
  | 'staff:stations'
  | 'staff:childcare'
  | 'staff:aid'
  | 'staff:medical'
  | 'assignee'
  | 'admin'
  | 'hr'
  | 'staff:legal'
  | 'assignee:legal'
  | 'ownerOrAssignee:legal'
  | 'staffOfAny'

export interface PayloadContext {
  /** Whose record the probe aims at (for an action on someone's record). */
  owner: Owner
  /** Who calls. */
  caller: Exclude<Identity, 'nobody'>
}

export interface Entry {
  who: Who
  /** Aims at a record of a worker: probed once on the worker's own and once on another worker's. */
  owned?: boolean
  /** An identity that may call it with the valid payload and be answered `ok` (the bad-input tests call as it). */
  caller: Exclude<Identity, 'nobody'>
  payload(ids: WorldIds, ctx: PayloadContext): Record<string, unknown>
  /**
   * Fields a check across fields may name when this one is wrong (`opensAt` → `closesAt`): what
   * the bad-input test accepts besides the field itself and its parents.
   */
  crossFields?: Record<string, string[]>
}

const NEW_ID_NUMBER = benchIdNumber(500, '19800101')

const profile = () => ({ name: '张建国', mobile: '13957700001', idNumber: NEW_ID_NUMBER, employer: '温州鹿城顺达快递有限公司', unionMember: true })

const station = (ids: WorldIds) => ({
  id: ids.station,
  name: '安全测试驿站',
  type: 'rest_stop',
  address: '温州市鹿城区解放路1号',
  lat: 28.0156,
  lng: 120.6554,
  facilities: ['ac', 'water', 'microwave'],
  hours: { open24h: false, periods: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' }] },
  phone: '0577-88001234',
  photos: ['/files/0123456789abcdef0123456789abcdef.png'],
})

/** The actions every case service shares, for `aid` or `medical`. */
function caseEntries(service: 'aid' | 'medical', material: string): Record<string, Entry> {
  const staff = `staff:${service}` as const
  const deskCaller = service === 'aid' ? 'aidVolunteer' : 'volunteer'
  const cases = (ids: WorldIds, owner: Owner) => ids[service][owner]
  return {
    mine: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    case: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ caseId: cases(ids, owner).submitted }) },
    resubmit: {
      who: 'owner',
      owned: true,
      caller: 'worker',
      payload: (ids, { owner }) => ({ caseId: cases(ids, owner).needsInfo, note: '已补充户口本', attachments: [{ fileId: ids.uploads[owner][service], material }] }),
    },
    withdraw: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ caseId: cases(ids, owner).submitted }) },
    queue: { who: staff, caller: deskCaller, payload: () => ({ filter: 'waiting', minWaitDays: 0, mineOnly: false, cursor: '0' }) },
    deskCase: { who: staff, owned: true, caller: deskCaller, payload: (ids, { owner }) => ({ caseId: cases(ids, owner).submitted }) },
    claim: { who: staff, owned: true, caller: deskCaller, payload: (ids, { owner }) => ({ caseId: cases(ids, owner).submitted }) },
    askInfo: { who: 'assignee', owned: true, caller: 'volunteer', payload: (ids, { owner }) => ({ caseId: cases(ids, owner).inReview, note: '请补充收入证明' }) },
    approve: {
      who: 'assignee',
      owned: true,
      caller: 'volunteer',
      payload: (ids, { owner }) => ({ caseId: cases(ids, owner).inReview, amountFen: cases(ids, owner).inReviewSuggestedFen, note: '按规则批准' }),
      crossFields: { amountFen: ['note'] },
    },
    reject: { who: 'assignee', owned: true, caller: 'volunteer', payload: (ids, { owner }) => ({ caseId: cases(ids, owner).inReview, note: '家庭收入超过标准' }) },
    markPaid: { who: staff, owned: true, caller: deskCaller, payload: (ids, { owner }) => ({ caseId: cases(ids, owner).approved, paymentRef: 'WZB20261130001' }) },
    reveal: { who: staff, owned: true, caller: deskCaller, payload: (ids, { owner }) => ({ caseId: cases(ids, owner).submitted, field: 'idNumber' }) },
    rebuildRequests: { who: 'admin', caller: 'admin', payload: () => ({}) },
  }
}

export const CATALOGUE: Record<string, Record<string, Entry>> = {
  users: {
    me: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    updateProfile: { who: 'anyone', caller: 'worker', payload: profile },
    consent: { who: 'anyone', caller: 'worker', payload: () => ({ policy: 'privacy', version: FIRST_VERSION }) },
    inbox: { who: 'anyone', caller: 'worker', payload: () => ({ limit: 20, cursor: '0' }) },
    markRead: { who: 'anyone', caller: 'worker', payload: (ids) => ({ ids: [ids.inbox.worker] }) },
    requests: { who: 'anyone', caller: 'worker', payload: () => ({ limit: 20, cursor: '0' }) },
    grantRole: { who: 'admin', caller: 'admin', payload: () => ({ userId: PEOPLE.unnamedWorker, role: 'volunteer', services: ['aid'] }) },
    revokeRole: { who: 'admin', caller: 'admin', payload: () => ({ userId: PEOPLE.aidVolunteer, role: 'volunteer' }) },
    policy: { who: 'public', caller: 'worker', payload: () => ({ key: 'aid', version: FIRST_VERSION }) },
    policies: { who: 'public', caller: 'worker', payload: () => ({}) },
    setPolicy: {
      who: 'admin',
      caller: 'admin',
      payload: () => ({ key: 'aid', version: '2027.1', title: '困难帮扶敏感信息收集说明', draft: true, sections: [{ heading: '我们收集什么', body: '家庭收入和银行卡。' }] }),
    },
  },

  mydata: {
    view: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    revealMine: { who: 'anyone', caller: 'worker', payload: () => ({ field: 'idNumber' }) },
    exportMine: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    closingPlan: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    withdrawalPlan: { who: 'anyone', caller: 'worker', payload: () => ({ policy: 'aid' }) },
    // Whoever never agreed is refused by state (nothing to withdraw), not by who they are.
    withdrawConsent: { who: 'anyone', caller: 'worker', payload: () => ({ policy: 'aid' }) },
    // Both workers of the world have an approved case not yet paid (closing refused by state, not by
    // who); the worker who is not real-named has nothing that stops it.
    closeAccount: { who: 'anyone', caller: 'unnamedWorker', payload: () => ({ confirm: '确认注销' }) },
    requestClosing: { who: 'anyone', caller: 'worker', payload: () => ({ reason: '不再使用' }) },
    // Whoever has not asked is refused by state, not by who they are.
    withdrawClosingRequest: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    closingRequests: { who: 'admin', caller: 'admin', payload: () => ({}) },
    closeFor: { who: 'admin', caller: 'admin', payload: () => ({ userId: PEOPLE.unnamedWorker }) },
  },

  figures: {
    dashboard: { who: 'staffOfAny', caller: 'admin', payload: () => ({ period: { kind: 'year', year: 2026 } }) },
    exportXlsx: { who: 'staffOfAny', caller: 'admin', payload: () => ({ period: { kind: 'quarter', year: 2026, quarter: 4 } }) },
  },

  files: {
    url: { who: 'ownerOrStaff:aid', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ fileId: ids.attachedUpload[owner] }) },
    // The phone uploads into the caller's own folder of CloudBase storage; the folder's owner registers it.
    register: {
      who: 'owner',
      owned: true,
      caller: 'worker',
      payload: (_ids, { owner }) => ({ cloudFileId: `cloud://lugong-test.6c75-lugong-test/uploads/aid/${ownerId(owner)}/proof.png`, service: 'aid' }),
    },
  },

  stations: {
    nearby: {
      who: 'anyone',
      caller: 'worker',
      payload: () => ({ lat: 28.0156, lng: 120.6554, facilities: ['microwave'], types: ['rest_stop'], openNow: false, limit: 20, cursor: '0' }),
    },
    get: { who: 'anyone', caller: 'worker', payload: (ids) => ({ id: ids.station }) },
    report: { who: 'anyone', caller: 'worker', payload: (ids) => ({ stationId: ids.station, kind: 'broken', text: '微波炉坏了，加热没有反应' }) },
    myReports: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    // The manifest's station desk: "新建、编辑、暂停驿站，处理问题反馈", for station staff.
    upsert: { who: 'staff:stations', caller: 'stationsVolunteer', payload: station },
    setStatus: { who: 'staff:stations', caller: 'stationsVolunteer', payload: (ids) => ({ id: ids.station, status: 'closed' }) },
    reports: { who: 'staff:stations', caller: 'stationsVolunteer', payload: () => ({ status: 'open', limit: 20, cursor: '0' }) },
    resolveReport: { who: 'staff:stations', owned: true, caller: 'stationsVolunteer', payload: (ids, { owner }) => ({ id: ids.report[owner], reply: '已经修好了，谢谢反馈' }) },
    rebuildRequests: { who: 'admin', caller: 'admin', payload: () => ({}) },
  },

  childcare: {
    classes: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    classDetail: { who: 'anyone', caller: 'worker', payload: (ids) => ({ classId: ids.futureClass }) },
    enroll: { who: 'anyone', caller: 'worker', payload: (ids) => signUp(ids.futureClass, 30, { notifyByWeChat: false }) },
    // Someone else's sign-up is answered as if it did not exist (NOT_FOUND).
    cancel: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ enrollmentId: ids.enrollment[owner] }) },
    mine: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    allClasses: { who: 'staff:childcare', caller: 'volunteer', payload: () => ({}) },
    upsertClass: {
      who: 'admin',
      caller: 'admin',
      payload: (ids) => newClass({ id: ids.futureClass, stationId: ids.station }),
      // The checks across fields name the later of the two (ClassUpsertInput's `forward`s).
      crossFields: { startDate: ['endDate'], minAge: ['maxAge'], opensAt: ['closesAt'], dailyStart: ['dailyEnd'] },
    },
    setClassStatus: { who: 'admin', caller: 'admin', payload: (ids) => ({ classId: ids.futureClass, status: 'closed' }) },
    roster: { who: 'staff:childcare', caller: 'volunteer', payload: (ids) => ({ classId: ids.runningClass }) },
    revealIdNumber: { who: 'staff:childcare', owned: true, caller: 'volunteer', payload: (ids, { owner }) => ({ enrollmentId: ids.runningEnrollment[owner] }) },
    checkIn: {
      who: 'staff:childcare',
      caller: 'volunteer',
      payload: (ids) => ({ classId: ids.runningClass, date: '2026-11-30', presentEnrollmentIds: [ids.runningEnrollment.worker] }),
    },
    attendance: { who: 'staff:childcare', caller: 'volunteer', payload: (ids) => ({ classId: ids.runningClass }) },
    rebuildRequests: { who: 'admin', caller: 'admin', payload: () => ({}) },
  },

  aid: {
    ...caseEntries('aid', 'household_register'),
    // 金秋助学: means-tested and paid to a bank card, so every field of the form counts.
    apply: {
      who: 'anyone',
      caller: 'worker',
      payload: (ids, { caller }) => ({
        ...winterApplication(ids.uploads[caller].aid, { programme: 'autumn_education' }),
        suddenEventCostFen: 0,
        monthsWorkedInCity: 24,
        notifyByWeChat: true,
        consentVersion: FIRST_VERSION,
      }),
    },
    programmes: { who: 'anyone', caller: 'worker', payload: () => ({ year: 2026 }) },
    selfCheck: {
      who: 'anyone',
      caller: 'worker',
      payload: () => ({ householdSize: 3, annualIncomeFen: 4_800_000, unavoidableSpendingFen: 1_200_000, suddenEventCostFen: 0, monthsWorkedInCity: 24 }),
    },
    upsertProgramme: {
      who: 'admin',
      caller: 'admin',
      payload: () => ({
        year: 2026,
        kind: 'winter_warmth',
        description: '冬季送温暖慰问金：深度困难2000元，相对困难1000元。',
        meansTested: true,
        deepFen: 200_000,
        relativeFen: 100_000,
        accidentMaxFen: 500_000,
        materials: ['id_card', 'household_register', 'income_proof', 'diagnosis_or_accident', 'bank_card'],
      }),
    },
    setConfig: { who: 'admin', caller: 'admin', payload: () => ({ lowIncomeLineFen: 120_000 }) },
  },

  medical: {
    ...caseEntries('medical', 'invoice'),
    plan: { who: 'anyone', caller: 'worker', payload: () => ({ year: 2026 }) },
    upsertPlan: {
      who: 'admin',
      caller: 'admin',
      payload: () => {
        const { _id, ...plan } = defaultPlan(2026)
        void _id
        return plan
      },
      // Each category's cap must stay under the overall cap: that check names the category.
      crossFields: { overallCapFen: ['categories'] },
    },
    importMembers: {
      who: 'admin',
      caller: 'admin',
      payload: () => ({ csv: `姓名,身份证号,单位,年份\n王五,${benchIdNumber(7, '19900101')},鹿城区快递网点,2026`, commit: true }),
    },
    coverage: { who: 'anyone', caller: 'worker', payload: () => ({ year: 2026 }) },
    submitClaim: {
      who: 'anyone',
      caller: 'worker',
      payload: (ids, { caller }) => inpatientClaim(ids.uploads[caller].medical, { notifyByWeChat: true }),
      crossFields: { admissionDate: ['dischargeDate'] },
    },
  },

  jobs: {
    search: {
      who: 'anyone',
      caller: 'worker',
      payload: () => ({ keyword: '快递 分拣', industry: 'G', minSalaryFen: 500_000, benefits: ['insurance'], lat: 28.0156, lng: 120.6554, withinKm: 10, sort: 'distance', limit: 20, cursor: '0' }),
    },
    job: { who: 'anyone', caller: 'worker', payload: (ids) => ({ jobId: ids.jobs.job }) },
    myResume: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    saveResume: { who: 'anyone', caller: 'worker', payload: () => resume() },
    apply: { who: 'anyone', caller: 'worker', payload: (ids) => ({ jobId: ids.jobs.freshJob, notifyByWeChat: true }) },
    myApplications: { who: 'anyone', caller: 'worker', payload: () => ({ limit: 20, cursor: '0' }) },
    // Someone else's application is answered as if it did not exist (NOT_FOUND).
    myApplication: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ applicationId: ids.jobs.application[owner] }) },
    withdrawApplication: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ applicationId: ids.jobs.application[owner] }) },
    confirmInterview: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ applicationId: ids.jobs.interviewApplication[owner] }) },
    fairs: { who: 'anyone', caller: 'worker', payload: () => ({ limit: 20, cursor: '0' }) },
    fair: { who: 'anyone', caller: 'worker', payload: (ids) => ({ fairId: ids.jobs.fair }) },
    signUpFair: { who: 'anyone', caller: 'worker', payload: (ids) => ({ fairId: ids.jobs.fair }) },
    // The caller's own sign-up, whoever calls: one who has none is told so.
    cancelFairSignUp: { who: 'anyone', caller: 'worker', payload: (ids) => ({ fairId: ids.jobs.signedFair }) },
    joinEmployer: { who: 'anyone', caller: 'worker', payload: (ids) => ({ code: ids.jobs.invitationCode }) },
    hrJobs: { who: 'hr', caller: 'hr', payload: () => ({ status: 'published', limit: 20, cursor: '0' }) },
    hrJob: { who: 'hr', caller: 'hr', payload: (ids) => ({ jobId: ids.jobs.job }) },
    saveJob: {
      who: 'hr',
      caller: 'hr',
      payload: (ids) => ({ ...newJob(), id: ids.jobs.job, address: '温州市鹿城区车站大道577号', lat: 28.0125, lng: 120.662 }),
      crossFields: { salaryMinFen: ['salaryMaxFen'], lat: ['lng'], lng: ['lat'] },
    },
    publishJob: { who: 'hr', caller: 'hr', payload: (ids) => ({ jobId: ids.jobs.draftJob }) },
    closeJob: { who: 'hr', caller: 'hr', payload: (ids) => ({ jobId: ids.jobs.job }) },
    applicants: { who: 'hr', caller: 'hr', payload: (ids) => ({ jobId: ids.jobs.job, status: 'submitted', limit: 20, cursor: '0' }) },
    hrApplication: { who: 'hr', owned: true, caller: 'hr', payload: (ids, { owner }) => ({ applicationId: ids.jobs.application[owner] }) },
    invite: {
      who: 'hr',
      owned: true,
      caller: 'hr',
      payload: (ids, { owner }) => ({ applicationId: ids.jobs.application[owner], at: Date.parse('2026-12-02T14:00:00+08:00'), mode: 'onsite', place: '温州市鹿城区车站大道577号三楼', link: 'https://meeting.example.cn/r/1' }),
    },
    hire: { who: 'hr', owned: true, caller: 'hr', payload: (ids, { owner }) => ({ applicationId: ids.jobs.interviewApplication[owner], note: '下周一报到' }) },
    decline: { who: 'hr', owned: true, caller: 'hr', payload: (ids, { owner }) => ({ applicationId: ids.jobs.application[owner], reason: '需要叉车证' }) },
    employers: { who: 'admin', caller: 'admin', payload: () => ({ status: 'verified', limit: 20, cursor: '0' }) },
    employer: { who: 'admin', caller: 'admin', payload: () => ({ employerId: DEMO_EMPLOYER_ID }) },
    saveEmployer: { who: 'admin', caller: 'admin', payload: (ids) => newEmployer({ id: ids.jobs.pendingEmployer, name: '改过名字的测试企业' }) },
    setEmployerStatus: { who: 'admin', caller: 'admin', payload: (ids) => ({ employerId: ids.jobs.pendingEmployer, status: 'verified' }) },
    createInvitation: { who: 'admin', caller: 'admin', payload: (ids) => ({ employerId: ids.jobs.pendingEmployer }) },
    revokeInvitation: { who: 'admin', caller: 'admin', payload: (ids) => ({ invitationId: ids.jobs.openInvitation }) },
    allFairs: { who: 'admin', caller: 'admin', payload: () => ({ limit: 20, cursor: '0' }) },
    saveFair: {
      who: 'admin',
      caller: 'admin',
      payload: (ids) => newFair({ id: ids.jobs.fair, link: 'https://live.example.cn/room/2' }),
      crossFields: { startsAt: ['endsAt'], lat: ['lng'], lng: ['lat'] },
    },
    rebuildRequests: { who: 'admin', caller: 'admin', payload: () => ({}) },
  },
  legal: legalEntries(),
}

const withoutHometown = ({ hometown: _hometown, ...rest }: Record<string, unknown>) => rest

/** Legal help: the worker's side, the desk's, the lawyer's (the person assigned), the admin's. */
function legalEntries(): Record<string, Entry> {
  const legal = (ids: WorldIds, owner: Owner) => ids.legal[owner]
  const desk = { who: 'staff:legal', owned: true, caller: 'volunteer' } as const
  return {
    intake: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    ask: {
      who: 'anyone',
      caller: 'worker',
      // Every field of the form: a local worker's dismissal, means-tested, with a deadline and a file.
      payload: (ids, { caller }) => ({
        ...withoutHometown(unpaidWages()),
        category: 'contract',
        learnedOn: '2026-11-02',
        migrant: false,
        householdSize: 3,
        annualIncomeFen: 4_800_000,
        unavoidableSpendingFen: 1_200_000,
        suddenEventCostFen: 0,
        knownDeadline: { date: '2026-12-20', what: '劳动仲裁开庭' },
        attachments: [{ fileId: ids.uploads[caller].legal, material: 'contract' }],
        notifyByWeChat: true,
      }),
      // Declared a migrant worker: the 户籍所在地 is then asked for.
      crossFields: { migrant: ['hometown'] },
    },
    mine: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    case: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ caseId: legal(ids, owner).submitted }) },
    withdraw: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ caseId: legal(ids, owner).submitted }) },
    rate: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ caseId: legal(ids, owner).closed, stars: 5, comment: '律师很耐心' }) },
    thread: { who: 'owner', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ caseId: legal(ids, owner).assigned, cursor: '0' }) },
    caseThread: { who: 'assignee:legal', owned: true, caller: 'volunteer', payload: (ids, { owner }) => ({ caseId: legal(ids, owner).assigned, cursor: '0' }) },
    send: {
      who: 'ownerOrAssignee:legal',
      owned: true,
      caller: 'worker',
      payload: (ids, { owner }) => ({ caseId: legal(ids, owner).assigned, text: '律师您好，老板说月底再给工资。', files: [] }),
    },
    rooms: { who: 'anyone', caller: 'worker', payload: () => ({}) },
    book: {
      who: 'ownerOrAssignee:legal',
      owned: true,
      caller: 'worker',
      payload: (ids, { owner }) => ({ caseId: legal(ids, owner).assigned, ...ids.legalSlot }),
    },
    cancelBooking: { who: 'ownerOrAssignee:legal', owned: true, caller: 'worker', payload: (ids, { owner }) => ({ caseId: legal(ids, owner).booked }) },
    queue: { who: 'staff:legal', caller: 'volunteer', payload: () => ({ queue: 'todo', category: 'wage_arrears', limitSoon: false, cursor: '0' }) },
    assigned: { who: 'staff:legal', caller: 'volunteer', payload: () => ({ ended: false, cursor: '0' }) },
    staffCase: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).submitted }) },
    lawyers: { who: 'staff:legal', caller: 'volunteer', payload: () => ({}) },
    acknowledge: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).submitted }) },
    assign: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).assigned, assigneeId: PEOPLE.volunteer }) },
    grant: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).assigned, note: '符合援助条件' }) },
    decline: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).submitted, note: '不属于劳动争议', referral: '拨打12348公共法律服务热线' }) },
    // The note in words of its own (the audit names the outcome, 调解成功, never the note).
    close: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).granted, outcome: 'mediated', recoveredFen: 300_000, note: '双方达成协议，公司当场支付' }) },
    deskCancelBooking: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).booked, note: '调解室临时停电' }) },
    reveal: { ...desk, payload: (ids, { owner }) => ({ caseId: legal(ids, owner).submitted, field: 'idNumber' }) },
    settings: { who: 'admin', caller: 'admin', payload: () => ({}) },
    setPromise: { who: 'admin', caller: 'admin', payload: () => ({ acknowledgeDays: 1, decideDays: 7 }), crossFields: { acknowledgeDays: ['decideDays'] } },
    setCalendarYear: {
      who: 'admin',
      caller: 'admin',
      payload: () => ({ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-02-06'] }),
      crossFields: { year: ['holidays', 'workdays'], holidays: ['workdays'] },
    },
    setRoomTemplate: {
      who: 'admin',
      caller: 'admin',
      payload: (ids) => ({ stationId: ids.legalSlot.stationId, periods: [{ weekdays: [2, 4], start: '14:00', end: '17:00' }], slotMinutes: 30 }),
      crossFields: { slotMinutes: ['periods.0.end'], 'periods.0.start': ['periods.0.end'] },
    },
    setClosedDates: { who: 'admin', caller: 'admin', payload: (ids) => ({ stationId: ids.legalSlot.stationId, dates: ['2026-12-24'] }) },
    rebuildRequests: { who: 'admin', caller: 'admin', payload: () => ({}) },
  }
}

/** Every catalogued action as `[fn, action, entry]`. */
export const ENTRIES: Array<[string, string, Entry]> = Object.entries(CATALOGUE).flatMap(([fn, actions]) =>
  Object.entries(actions).map(([action, entry]) => [fn, action, entry] as [string, string, Entry]),
)
