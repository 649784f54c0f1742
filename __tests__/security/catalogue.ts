import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { defaultPlan } from '../../cloud/domain/medical/plan'
import { benchIdNumber } from '../../bench/fixtures'
import { winterApplication } from '../cloud/aidFixtures'
import { newClass, signUp } from '../cloud/childcareFixtures'
import { inpatientClaim } from '../cloud/medicalFixtures'
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
}

/** Every catalogued action as `[fn, action, entry]`. */
export const ENTRIES: Array<[string, string, Entry]> = Object.entries(CATALOGUE).flatMap(([fn, actions]) =>
  Object.entries(actions).map(([action, entry]) => [fn, action, entry] as [string, string, Entry]),
)
