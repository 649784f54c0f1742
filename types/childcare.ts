import * as v from 'valibot'
import { consentVersion, calendarDate, clockTime, epochMs, freeText, latitude, list, longitude, mobileNumber, moneyFen, nameText, recordId, residentIdNumber, wholeNumber, yearNumber } from './fields'
import { POLICIES } from './policies'
import type { RebuildRequestsContract } from './requests'
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


const id = recordId()
const date = (label: string) => calendarDate(label)

export const ClassUpsertInput = v.pipe(
  v.object({
    id: v.optional(id),
    title: nameText('班级名称', { min: 2, max: 40 }),
    year: yearNumber(),
    season: v.picklist(SEASONS, '请选择暑期或寒假'),
    stationId: v.optional(id),
    siteName: nameText('上课地点', { min: 2, max: 60 }),
    siteAddress: nameText('地址', { min: 4, max: 100 }),
    lat: latitude,
    lng: longitude,
    startDate: date('开班日期'),
    endDate: date('结束日期'),
    weekdays: list(wholeNumber('星期', 1, 7), '上课的星期', { min: 1, max: 7 }),
    dailyStart: clockTime('上课时间'),
    dailyEnd: clockTime('放学时间'),
    minAge: wholeNumber('最小年龄', 3, 17, '岁'),
    maxAge: wholeNumber('最大年龄', 3, 17, '岁'),
    capacity: wholeNumber('名额', 1, 500, '个'),
    feeFen: moneyFen('费用', { max: 1_000_000 }),
    opensAt: epochMs('报名开始时间'),
    closesAt: epochMs('报名截止时间'),
    cancelDaysBefore: wholeNumber('取消期限', 0, 30, '天'),
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
      name: nameText('孩子姓名', { min: 2, max: 20 }),
      idNumber: residentIdNumber(isValidIdNumber, '孩子的身份证号'),
      gender: v.picklist(GENDERS, '请选择孩子性别'),
      school: nameText('学校', { min: 2, max: 40 }),
      grade: v.pipe(v.number('请选择年级'), v.integer('请选择年级'), v.minValue(1, '请选择年级'), v.maxValue(9, '请选择年级')),
      healthNotes: freeText('健康情况', { max: 300 }),
    }),
    emergencyContact: v.object({ name: nameText('紧急联系人', { min: 2, max: 20 }), mobile: mobileNumber('紧急联系人手机号') }),
    // The guardian's consent for a child's data (PIPL art. 31), to the version in force.
    consentVersion: consentVersion(POLICIES.child.title),
    /** The worker agreed on the submit tap to a WeChat subscribe message when a seat frees up. */
    notifyByWeChat: v.optional(v.boolean('是否接收微信通知应为是或否')),
  })

export const EnrollmentIdInput = v.object({ enrollmentId: id })

export const CheckInInput = v.object({
  classId: id,
  date: date('签到日期'),
  presentEnrollmentIds: list(id, '到班的孩子', { max: 500 }),
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

export interface ChildcareContract extends RebuildRequestsContract {
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
