import * as v from 'valibot'
import type { Page } from './users'

export const SEASONS = ['summer', 'winter'] as const
export type Season = (typeof SEASONS)[number]
export const SEASON_NAMES: Record<Season, string> = { summer: '暑期', winter: '寒假' }

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]
export const GENDER_NAMES: Record<Gender, string> = { male: '男', female: '女' }

export const ENROLLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number]
export const ENROLLMENT_STATUS_NAMES: Record<EnrollmentStatus, string> = {
  enrolled: '已录取',
  waitlisted: '候补中',
  cancelled: '已取消',
}

/** The guardian's consent for a child's data (PIPL art. 31), with the version in force. */
export const CHILD_DATA_POLICY = { version: '2026.11', title: '儿童个人信息保护说明' } as const

const id = v.pipe(v.string('缺少编号'), v.minLength(1, '缺少编号'), v.maxLength(64, '编号不正确'))
const date = v.pipe(v.string('请选择日期'), v.isoDate('日期格式应为 2027-01-25'))
const hhmm = v.pipe(v.string('请填写时间'), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 08:30'))
const mobile = v.pipe(v.string('请填写手机号'), v.trim(), v.regex(/^1[3-9]\d{9}$/, '手机号应为1开头的11位数字'))
const text = (field: string, min: number, max: number) =>
  v.pipe(v.string(`请填写${field}`), v.trim(), v.minLength(min, `${field}至少${min}个字`), v.maxLength(max, `${field}最多${max}个字`))

export const ClassUpsertInput = v.pipe(
  v.object({
    id: v.optional(id),
    title: text('班级名称', 2, 40),
    year: v.pipe(v.number('请填写年份'), v.integer('年份不正确'), v.minValue(2024, '年份不正确'), v.maxValue(2100, '年份不正确')),
    season: v.picklist(SEASONS, '请选择暑期或寒假'),
    stationId: v.optional(id),
    siteName: text('上课地点', 2, 60),
    siteAddress: text('地址', 4, 100),
    lat: v.pipe(v.number('纬度应为数字'), v.minValue(-90, '纬度不正确'), v.maxValue(90, '纬度不正确')),
    lng: v.pipe(v.number('经度应为数字'), v.minValue(-180, '经度不正确'), v.maxValue(180, '经度不正确')),
    startDate: date,
    endDate: date,
    weekdays: v.pipe(
      v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7)), '请选择上课的星期'),
      v.minLength(1, '请选择上课的星期'),
    ),
    dailyStart: hhmm,
    dailyEnd: hhmm,
    minAge: v.pipe(v.number('请填写最小年龄'), v.integer('年龄应为整数'), v.minValue(3, '年龄不正确'), v.maxValue(17, '年龄不正确')),
    maxAge: v.pipe(v.number('请填写最大年龄'), v.integer('年龄应为整数'), v.minValue(3, '年龄不正确'), v.maxValue(17, '年龄不正确')),
    capacity: v.pipe(v.number('请填写名额'), v.integer('名额应为整数'), v.minValue(1, '名额至少1个'), v.maxValue(500, '名额最多500个')),
    feeFen: v.pipe(v.number('请填写费用'), v.integer('费用以分为单位'), v.minValue(0, '费用不能为负'), v.maxValue(1_000_000, '费用过高')),
    opensAt: v.pipe(v.number('请选择报名开始时间'), v.integer(), v.minValue(0)),
    closesAt: v.pipe(v.number('请选择报名截止时间'), v.integer(), v.minValue(0)),
    cancelDaysBefore: v.pipe(v.number('请填写取消期限'), v.integer(), v.minValue(0, '取消期限不能为负'), v.maxValue(30, '取消期限最多30天')),
  }),
  v.forward(v.check((c) => c.startDate <= c.endDate, '结束日期不能早于开始日期'), ['endDate']),
  v.forward(v.check((c) => c.minAge <= c.maxAge, '最大年龄不能小于最小年龄'), ['maxAge']),
  v.forward(v.check((c) => c.opensAt < c.closesAt, '报名截止时间应晚于开始时间'), ['closesAt']),
  v.forward(v.check((c) => c.dailyStart < c.dailyEnd, '放学时间应晚于上课时间'), ['dailyEnd']),
)

export const ClassIdInput = v.object({ classId: id })

export const SetClassStatusInput = v.object({ classId: id, status: v.picklist(['open', 'closed'] as const, '状态不正确') })

/** The sign-up form; the ID number's GB 11643 check is added by `cloud/domain/identity`. */
export const enrollSchema = (isValidIdNumber: (id: string) => boolean) =>
  v.object({
    classId: id,
    child: v.object({
      name: text('孩子姓名', 2, 20),
      idNumber: v.pipe(
        v.string('请填写孩子的身份证号'),
        v.trim(),
        v.toUpperCase(),
        v.regex(/^\d{17}[\dX]$/, '身份证号应为18位，最后一位可以是X'),
        v.check(isValidIdNumber, '身份证号不正确，请核对（校验位或出生日期有误）'),
      ),
      gender: v.picklist(GENDERS, '请选择孩子性别'),
      school: text('学校', 2, 40),
      grade: v.pipe(v.number('请选择年级'), v.integer('请选择年级'), v.minValue(1, '请选择年级'), v.maxValue(9, '请选择年级')),
      healthNotes: v.pipe(v.string('健康情况应为文字'), v.trim(), v.maxLength(300, '健康情况最多300个字')),
    }),
    emergencyContact: v.object({ name: text('紧急联系人', 2, 20), mobile }),
    consentVersion: v.literal(CHILD_DATA_POLICY.version, '请阅读并同意儿童个人信息保护说明'),
    /** The worker agreed on the submit tap to a WeChat subscribe message when a seat frees up. */
    notifyByWeChat: v.optional(v.boolean()),
  })

export const EnrollmentIdInput = v.object({ enrollmentId: id })

export const CheckInInput = v.object({
  classId: id,
  date,
  presentEnrollmentIds: v.pipe(v.array(id, '请选择到班的孩子'), v.maxLength(500)),
})

export const RevealInput = v.object({ enrollmentId: id })

export interface ClassSummary {
  _id: string
  title: string
  termKey: string
  termName: string
  siteName: string
  siteAddress: string
  stationId?: string
  location: { lat: number; lng: number }
  startDate: string
  endDate: string
  weekdays: number[]
  dailyStart: string
  dailyEnd: string
  minAge: number
  maxAge: number
  capacity: number
  feeFen: number
  opensAt: number
  closesAt: number
  cancelDeadline: number
  status: 'open' | 'closed'
  /** 'upcoming': sign-up not open yet; 'open': taking sign-ups; 'closed': no more. */
  signUp: 'upcoming' | 'open' | 'closed'
  seatsLeft: number
  waitlistLength: number
  demo?: boolean
}

export interface ClassDetail extends ClassSummary {
  cancelDaysBefore: number
}

export interface Enrollment {
  _id: string
  classId: string
  classTitle: string
  termName: string
  childName: string
  status: EnrollmentStatus
  /** 1 for the first in line; only while waitlisted. */
  waitlistPosition?: number
  createdAt: number
  promotedAt?: number
  cancelledAt?: number
  cancelDeadline: number
  startDate: string
}

export interface RosterEntry {
  enrollmentId: string
  status: EnrollmentStatus
  waitlistPosition?: number
  childName: string
  gender: Gender
  age: number
  school: string
  grade: number
  healthNotes: string
  idNumberMasked: string
  guardianName: string
  guardianMobileMasked: string
  emergencyContact: { name: string; mobileMasked: string }
}

export interface AttendanceEntry {
  enrollmentId: string
  childName: string
  attendedDays: number
  sessions: number
  /** Attended ÷ sessions held, 0…1; null before any session. */
  rate: number | null
  /** Under 70 %: the family loses priority next term. */
  losesPriority: boolean
}

export interface ChildcareContract {
  classes: { input: Record<string, never>; output: Page<ClassSummary> }
  classDetail: { input: v.InferInput<typeof ClassIdInput>; output: ClassDetail }
  enroll: { input: v.InferInput<ReturnType<typeof enrollSchema>>; output: Enrollment }
  cancel: { input: v.InferInput<typeof EnrollmentIdInput>; output: Enrollment }
  mine: { input: Record<string, never>; output: Page<Enrollment> }
  allClasses: { input: Record<string, never>; output: Page<ClassDetail> }
  upsertClass: { input: v.InferInput<typeof ClassUpsertInput>; output: ClassDetail }
  setClassStatus: { input: v.InferInput<typeof SetClassStatusInput>; output: ClassDetail }
  roster: { input: v.InferInput<typeof ClassIdInput>; output: { class: ClassDetail; entries: RosterEntry[] } }
  revealIdNumber: { input: v.InferInput<typeof RevealInput>; output: { idNumber: string } }
  checkIn: { input: v.InferInput<typeof CheckInInput>; output: { date: string; present: number } }
  attendance: { input: v.InferInput<typeof ClassIdInput>; output: { sessions: string[]; entries: AttendanceEntry[] } }
}
