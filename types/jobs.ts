import * as v from 'valibot'
import { calendarDate, codeText, epochMs, freeText, latitude, list, longitude, mobileNumber, moneyFen, nameText, pageCursor, pageLimit, recordId, wholeNumber } from './fields'

/**
 * 就业招聘 (DOMAIN.md §6): employers an admin verifies, jobs their HR contacts publish, workers'
 * applications with a résumé snapshot, and the union's 春风行动 fairs. The input schemas; what the
 * function answers is in `jobsViews.ts`.
 */

/** The 20 sections of GB/T 4754-2017 (国民经济行业分类), by their letter. */
export const INDUSTRY_NAMES = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
} as const
export type Industry = keyof typeof INDUSTRY_NAMES
export const INDUSTRIES = Object.keys(INDUSTRY_NAMES) as Industry[]

export const BENEFIT_NAMES = {
  room_board: '包吃住',
  housing: '包住',
  meals: '餐补',
  insurance: '五险一金',
  weekends: '双休',
  transport: '交通补贴',
  bonus: '年终奖',
  overtime_pay: '加班费',
  paid_leave: '带薪年假',
  training: '岗前培训',
} as const
export type Benefit = keyof typeof BENEFIT_NAMES
export const BENEFITS = Object.keys(BENEFIT_NAMES) as Benefit[]

export const EMPLOYER_STATUS_NAMES = { pending: '待认证', verified: '已认证', suspended: '已暂停' } as const
export type EmployerStatus = keyof typeof EMPLOYER_STATUS_NAMES

export const JOB_STATUS_NAMES = { draft: '草稿', published: '招聘中', closed: '已结束' } as const
export type JobStatus = keyof typeof JOB_STATUS_NAMES

export const APPLICATION_STATUS_NAMES = {
  submitted: '已投递',
  viewed: '已查看',
  interview: '邀请面试',
  hired: '已录用',
  declined: '不合适',
  withdrawn: '已撤回',
} as const
export type ApplicationStatus = keyof typeof APPLICATION_STATUS_NAMES
export const APPLICATION_STATUSES = Object.keys(APPLICATION_STATUS_NAMES) as ApplicationStatus[]

export const INTERVIEW_MODE_NAMES = { onsite: '现场面试', video: '视频面试' } as const
export type InterviewMode = keyof typeof INTERVIEW_MODE_NAMES

export const FAIR_KIND_NAMES = { onsite: '现场招聘会', online: '线上招聘会', live: '直播带岗' } as const
export type FairKind = keyof typeof FAIR_KIND_NAMES

export const AVAILABILITY_NAMES = { now: '随时到岗', week: '一周内到岗', month: '一个月内到岗', later: '到岗时间可商量' } as const
export type Availability = keyof typeof AVAILABILITY_NAMES

/** How far "near me" reaches, in km; 10 unless the worker picks another. */
export const SEARCH_RADII_KM = [3, 5, 10, 20] as const
export const DEFAULT_RADIUS_KM = 10
export const JOB_SORTS = ['distance', 'newest', 'salary'] as const
export type JobSort = (typeof JOB_SORTS)[number]
export const JOB_SORT_NAMES: Record<JobSort, string> = { distance: '离我最近', newest: '最新发布', salary: '工资最高' }

/** The highest a range may reach: three times its lowest (a bait range like 3,000–30,000 is refused). */
export const SALARY_SPREAD = 3

const id = recordId()
const employerId = recordId('企业编号')
const jobId = recordId('岗位编号')
const applicationId = recordId('申请编号')
const fairId = recordId('招聘会编号')
const phone = (label: string) => codeText(label, /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, `${label}应为手机号或区号加座机号`, 13)
/** A web link the worker opens or copies: https only. */
const webLink = (label: string) =>
  v.pipe(v.string(`请填写${label}`), v.trim(), v.maxLength(300, `${label}最多300个字符`), v.regex(/^https:\/\/[^\s<>"]+$/, `${label}不正确，请粘贴完整的网页地址`))

/** A monthly salary: whole yuan, at least 100 yuan, at most a million. */
const monthlySalary = (label: string) =>
  v.pipe(moneyFen(label, { min: 10_000, max: 100_000_000 }), v.check((fen) => fen % 100 === 0, `${label}请填写整数元`))

/** The employer form; the GB 32100 check character is a domain rule, passed in by `cloud/domain/jobs`. */
export const employerSchema = (isValidCreditCode: (code: string) => boolean) =>
  v.object({
    id: v.optional(id),
    name: nameText('企业名称', { min: 4, max: 60 }),
    creditCode: v.pipe(
      v.string('请填写统一社会信用代码'),
      v.trim(),
      v.toUpperCase(),
      v.maxLength(18, '统一社会信用代码应为18位'),
      v.regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为18位数字或大写字母'),
      v.check(isValidCreditCode, '统一社会信用代码不正确，请核对（校验位有误）'),
    ),
    industry: v.picklist(INDUSTRIES, '请选择所属行业'),
    address: nameText('地址', { min: 4, max: 100 }),
    lat: latitude,
    lng: longitude,
    contactName: nameText('联系人', { min: 2, max: 20 }),
    contactPhone: phone('联系电话'),
  })
export type EmployerInput = v.InferOutput<ReturnType<typeof employerSchema>>

export const EmployerIdInput = v.object({ employerId })
export const EmployersInput = v.object({
  status: v.optional(v.picklist(Object.keys(EMPLOYER_STATUS_NAMES) as EmployerStatus[], '状态不正确')),
  limit: pageLimit(50),
  cursor: pageCursor,
})
export const SetEmployerStatusInput = v.pipe(
  v.object({
    employerId,
    status: v.picklist(['verified', 'suspended'] as const, '请选择认证或暂停'),
    reason: v.optional(freeText('暂停原因', { max: 200 })),
  }),
  v.forward(v.check((s) => s.status !== 'suspended' || (s.reason ?? '').length >= 2, '请写明暂停的原因'), ['reason']),
)
export const InvitationIdInput = v.object({ invitationId: recordId('邀请码编号') })

/**
 * An invitation code as typed: eight of the letters and digits a code is made of (none that can be
 * misread: I, O, 0, 1), spaces and dashes ignored; each way it can be wrong says so.
 */
export const JoinEmployerInput = v.object({
  code: v.pipe(
    v.string('请填写邀请码'),
    v.maxLength(20, '邀请码是8位，请核对'),
    v.transform((s: string) => s.replace(/[\s-]/g, '').toUpperCase()),
    v.minLength(1, '请填写邀请码'),
    v.length(8, '邀请码是8位，请核对'),
    v.regex(/^[A-HJ-NP-Z2-9]{8}$/, '邀请码里没有I、O、0、1，请核对'),
  ),
})

const jobFields = v.object({
  id: v.optional(id),
  title: nameText('岗位名称', { min: 2, max: 30 }),
  headcount: wholeNumber('招聘人数', 1, 999, '人'),
  salaryMinFen: monthlySalary('最低月薪'),
  salaryMaxFen: monthlySalary('最高月薪'),
  requirements: freeText('岗位要求', { min: 10, max: 1000, required: '请写明岗位要求，至少10个字' }),
  benefits: list(v.picklist(BENEFITS, '没有这项福利'), '福利', { max: BENEFITS.length }),
  /** Where the work is; the employer's address and place when left out. */
  address: v.optional(nameText('工作地址', { min: 4, max: 100 })),
  lat: v.optional(latitude),
  lng: v.optional(longitude),
  fairId: v.optional(fairId),
  /** Open through the end of this day, Asia/Shanghai. */
  closingDate: calendarDate('截止日期'),
})

export const JobUpsertInput = v.pipe(
  jobFields,
  v.forward(v.check((j) => j.salaryMinFen <= j.salaryMaxFen, '最高月薪不能低于最低月薪'), ['salaryMaxFen']),
  v.forward(v.check((j) => j.salaryMaxFen <= j.salaryMinFen * SALARY_SPREAD, `工资范围过宽：最高月薪不能超过最低月薪的${SALARY_SPREAD}倍`), ['salaryMaxFen']),
  v.forward(v.check((j) => j.lat !== undefined || j.lng === undefined, '请同时填写纬度和经度'), ['lat']),
  v.forward(v.check((j) => j.lng !== undefined || j.lat === undefined, '请同时填写纬度和经度'), ['lng']),
)
export type JobInput = v.InferOutput<typeof JobUpsertInput>

export const JobIdInput = v.object({ jobId })
export const HrJobsInput = v.object({
  status: v.optional(v.picklist(Object.keys(JOB_STATUS_NAMES) as JobStatus[], '状态不正确')),
  limit: pageLimit(50),
  cursor: pageCursor,
})

export const JobSearchInput = v.object({
  /** Words the title, the employer or the requirements hold (all of them, at most 3). */
  keyword: v.optional(nameText('关键词', { min: 0, max: 30 })),
  industry: v.optional(v.picklist(INDUSTRIES, '没有这个行业')),
  /** The range reaches at least this much a month. */
  minSalaryFen: v.optional(moneyFen('最低月薪', { max: 100_000_000 })),
  benefits: v.optional(list(v.picklist(BENEFITS, '没有这项福利'), '福利', { max: BENEFITS.length })),
  /** The phone's place, or the district centre when it was refused. */
  lat: latitude,
  lng: longitude,
  withinKm: v.optional(v.picklist(SEARCH_RADII_KM, '距离只能选3、5、10或20公里')),
  sort: v.optional(v.picklist(JOB_SORTS, '排序方式不正确')),
  limit: pageLimit(20),
  cursor: pageCursor,
})
export type JobSearch = v.InferOutput<typeof JobSearchInput>

export const ResumeInput = v.object({
  phone: mobileNumber('联系手机'),
  experience: freeText('工作经历', { max: 1000 }),
  skills: freeText('技能', { max: 300 }),
  certificates: freeText('证书', { max: 300 }),
  expectedSalaryFen: v.optional(monthlySalary('期望月薪')),
  availability: v.picklist(Object.keys(AVAILABILITY_NAMES) as Availability[], '请选择到岗时间'),
})
export type ResumeFields = v.InferOutput<typeof ResumeInput>

export const JobApplyInput = v.object({
  jobId,
  /** The worker agreed on the tap to a WeChat subscribe message when the application moves. */
  notifyByWeChat: v.optional(v.boolean('是否接收微信通知应为是或否')),
})
export const ApplicationIdInput = v.object({ applicationId })
export const MyApplicationsInput = v.object({ limit: pageLimit(50), cursor: pageCursor })
export const ApplicantsInput = v.object({
  jobId,
  status: v.optional(v.picklist(APPLICATION_STATUSES, '状态不正确')),
  limit: pageLimit(50),
  cursor: pageCursor,
})

export const InviteInput = v.pipe(
  v.object({
    applicationId,
    at: epochMs('面试时间'),
    mode: v.picklist(Object.keys(INTERVIEW_MODE_NAMES) as InterviewMode[], '请选择现场面试或视频面试'),
    place: v.optional(nameText('面试地点', { min: 4, max: 100 })),
    link: v.optional(webLink('视频链接')),
    note: v.optional(freeText('说明', { max: 200 })),
  }),
  v.forward(v.check((i) => i.mode !== 'onsite' || i.place !== undefined, '现场面试请填写面试地点'), ['place']),
)
export type InviteFields = v.InferOutput<typeof InviteInput>

export const HireInput = v.object({ applicationId, note: v.optional(freeText('说明', { max: 200 })) })
export const DeclineInput = v.object({ applicationId, reason: v.optional(freeText('原因', { max: 200 })) })

export const FairUpsertInput = v.pipe(
  v.object({
    id: v.optional(id),
    title: nameText('招聘会名称', { min: 4, max: 40 }),
    kind: v.picklist(Object.keys(FAIR_KIND_NAMES) as FairKind[], '请选择招聘会形式'),
    startsAt: epochMs('开始时间'),
    endsAt: epochMs('结束时间'),
    organiser: nameText('主办单位', { min: 2, max: 60 }),
    description: freeText('介绍', { max: 500 }),
    venue: v.optional(nameText('场地', { min: 2, max: 60 })),
    address: v.optional(nameText('地址', { min: 4, max: 100 })),
    lat: v.optional(latitude),
    lng: v.optional(longitude),
    link: v.optional(webLink('链接')),
    /** Places at the venue, when it has a limit. */
    capacity: v.optional(wholeNumber('名额', 1, 100_000, '人')),
    employerIds: list(recordId('参会企业编号'), '参会企业', { max: 100 }),
  }),
  v.forward(v.check((f) => f.startsAt < f.endsAt, '结束时间应晚于开始时间'), ['endsAt']),
  v.forward(v.check((f) => f.kind !== 'onsite' || f.venue !== undefined, '现场招聘会请填写场地'), ['venue']),
  v.forward(v.check((f) => f.kind !== 'onsite' || f.address !== undefined, '现场招聘会请填写地址'), ['address']),
  v.forward(v.check((f) => f.kind !== 'onsite' || f.lat !== undefined, '现场招聘会请填写场地的经纬度'), ['lat']),
  v.forward(v.check((f) => f.kind !== 'onsite' || f.lng !== undefined, '现场招聘会请填写场地的经纬度'), ['lng']),
  v.forward(v.check((f) => f.kind === 'onsite' || f.link !== undefined, '线上招聘会和直播请填写链接'), ['link']),
)
export type FairInput = v.InferOutput<typeof FairUpsertInput>

export const FairIdInput = v.object({ fairId })
export const FairsInput = v.object({ limit: pageLimit(50), cursor: pageCursor })
