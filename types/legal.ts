import * as v from 'valibot'
import { calendarDate, clockTime, consentVersion, freeText, list, moneyFen, nameText, pageCursor, recordId, wholeNumber, yearNumber } from './fields'
import { POLICIES } from './policies'
import { AttachmentsInput, CaseIdInput, CaseRevealInput, type CaseSummary, type CaseView, type DeskCaseSummary, type TimelineEntry, type CaseAttachment, type CaseDetailRow } from './cases'
import type { RebuildRequestsContract } from './requests'

/** Legal help (DOMAIN.md §5): the categories of a case. */
export const LEGAL_CATEGORIES = ['wage_arrears', 'work_injury', 'contract', 'social_insurance', 'other'] as const
export type LegalCategory = (typeof LEGAL_CATEGORIES)[number]
export const LEGAL_CATEGORY_NAMES: Record<LegalCategory, string> = {
  wage_arrears: '欠薪',
  work_injury: '工伤',
  contract: '劳动合同/解除',
  social_insurance: '社会保险',
  other: '其他',
}

/** A case's title, as 我的办事 and 消息 name it. */
export const LEGAL_CASE_TITLES: Record<LegalCategory, string> = {
  wage_arrears: '欠薪求助',
  work_injury: '工伤求助',
  contract: '劳动合同纠纷',
  social_insurance: '社会保险纠纷',
  other: '其他劳动纠纷',
}

/** How the worker wants to be contacted. */
export const CONTACT_WAYS = ['phone', 'visit', 'video'] as const
export type ContactWay = (typeof CONTACT_WAYS)[number]
export const CONTACT_NAMES: Record<ContactWay, string> = { phone: '电话', visit: '到调解室面谈', video: '视频' }

/** How a case ended. */
export const LEGAL_OUTCOMES = ['mediated', 'arbitration', 'lawsuit', 'withdrawn', 'other'] as const
export type LegalOutcome = (typeof LEGAL_OUTCOMES)[number]
export const OUTCOME_NAMES: Record<LegalOutcome, string> = { mediated: '调解成功', arbitration: '申请仲裁', lawsuit: '提起诉讼', withdrawn: '撤回', other: '其他' }

/** What the worker may hand in with the intake. */
export const LEGAL_MATERIALS = ['contract', 'pay', 'chat', 'other'] as const
export type LegalMaterial = (typeof LEGAL_MATERIALS)[number]
export const LEGAL_MATERIAL_NAMES: Record<LegalMaterial, string> = { contract: '劳动合同', pay: '工资条、欠条', chat: '聊天记录截图', other: '其他材料' }

/** A case filed in these categories by a migrant worker skips the means test (DOMAIN.md §5). */
export const MEANS_TEST_EXEMPT: readonly LegalCategory[] = ['wage_arrears', 'work_injury']

/** The 12348 line and the arbitration commission: where a declined worker may turn. */
export const DEFAULT_REFERRAL = '拨打12348公共法律服务热线，或到鹿城区劳动人事争议仲裁委员会申请仲裁'

export const MAX_MESSAGE_CHARS = 1000
export const MAX_MESSAGE_FILES = 3
/** Booked or kept by the worker or the lawyer up to this long before the appointment. */
export const CANCEL_BEFORE_MS = 2 * 60 * 60 * 1000
/** How far ahead a room's slots are offered. */
export const BOOKING_DAYS = 14

const caseId = recordId('申请编号')
const yuanFen = (label: string) => v.optional(moneyFen(label))

export const AskInput = v.object({
  category: v.picklist(LEGAL_CATEGORIES, '请选择遇到的问题'),
  story: freeText('发生了什么', { min: 20, max: 1000, required: '请把发生的事写清楚，至少20个字' }),
  employer: nameText('用人单位', { min: 2, max: 60 }),
  amountInDisputeFen: yuanFen('涉及金额'),
  /** What the arbitration time limit needs (劳动争议调解仲裁法 art. 27). */
  stillEmployed: v.boolean('请选择是否还在这家单位工作'),
  employmentEndedOn: v.optional(calendarDate('劳动关系结束的日期')),
  learnedOn: v.optional(calendarDate('知道权益受侵害的日期')),
  /** A deadline the worker already knows: a hearing, a reply due. */
  knownDeadline: v.optional(v.object({ date: calendarDate('期限日期'), what: nameText('期限是什么', { min: 2, max: 40 }) })),
  contact: v.picklist(CONTACT_WAYS, '请选择联系方式'),
  preferredTimes: v.optional(nameText('方便联系的时间', { max: 60 })),
  /** 外来务工, by the worker's own declaration, with 户籍所在地. */
  migrant: v.boolean('请选择是否外来务工人员'),
  hometown: v.optional(nameText('户籍所在地', { min: 2, max: 40 })),
  /** The means test (the hardship-aid tier rule), unless the migrant worker's exemption applies. */
  householdSize: v.optional(wholeNumber('家庭人口', 1, 20, '人')),
  annualIncomeFen: yuanFen('家庭年收入'),
  unavoidableSpendingFen: yuanFen('刚性支出'),
  suddenEventCostFen: yuanFen('突发事件支出'),
  attachments: AttachmentsInput,
  consentVersion: consentVersion(POLICIES.legal.title),
  notifyByWeChat: v.optional(v.boolean('是否接收微信通知应为是或否')),
})
export type AskInputValue = v.InferOutput<typeof AskInput>

export const RateInput = v.object({
  caseId,
  stars: wholeNumber('评分', 1, 5, '星'),
  comment: v.optional(freeText('评价', { max: 300 })),
})

export const ThreadInput = v.object({ caseId, cursor: pageCursor })
export const SendInput = v.object({
  caseId,
  text: freeText('留言', { max: MAX_MESSAGE_CHARS }),
  files: v.optional(list(recordId('文件编号'), '文件', { max: MAX_MESSAGE_FILES })),
})

export const BookInput = v.object({
  caseId,
  stationId: recordId('调解室'),
  date: calendarDate('预约日期'),
  start: clockTime('开始时间'),
})

export const AssignInput = v.object({ caseId, assigneeId: recordId('律师') })
export const GrantInput = v.object({ caseId, note: v.optional(freeText('说明', { max: 300 })) })
export const DeclineAidInput = v.object({
  caseId,
  note: freeText('不予援助的原因', { min: 2, max: 300, required: '请写明不予援助的原因' }),
  referral: freeText('还可以去哪里求助', { min: 2, max: 300, required: '请告诉申请人还可以去哪里求助' }),
})
export const CloseInput = v.object({
  caseId,
  outcome: v.picklist(LEGAL_OUTCOMES, '请选择办理结果'),
  recoveredFen: yuanFen('追回金额'),
  note: freeText('办理情况', { min: 2, max: 500, required: '请写一句办理情况' }),
})
export const DeskCancelInput = v.object({ caseId, note: freeText('取消的原因', { min: 2, max: 300, required: '请写明取消的原因' }) })

/** The desk's views of the queue: what waits on the promise, and the rest by state. */
export const LEGAL_QUEUES = {
  todo: { title: '待办', statuses: ['submitted', 'acknowledged'] },
  submitted: { title: '待受理', statuses: ['submitted'] },
  acknowledged: { title: '待答复', statuses: ['acknowledged'] },
  granted: { title: '援助中', statuses: ['granted'] },
  ended: { title: '已结束', statuses: ['closed', 'declined', 'withdrawn'] },
} as const
export type LegalQueue = keyof typeof LEGAL_QUEUES
export const LEGAL_QUEUE_KEYS = Object.keys(LEGAL_QUEUES) as LegalQueue[]
/** "Arbitration limit within 60 days": the filter's span, and when the intake warns. */
export const LIMIT_WARNING_DAYS = 60

export const LegalQueueInput = v.object({
  queue: v.picklist(LEGAL_QUEUE_KEYS, '没有这个队列'),
  category: v.optional(v.picklist(LEGAL_CATEGORIES, '没有这个类别')),
  limitSoon: v.optional(v.boolean('“仲裁时效60天内”应为是或否')),
  cursor: pageCursor,
})
export const AssignedInput = v.object({ ended: v.optional(v.boolean('“已结束”应为是或否')), cursor: pageCursor })

export const PromiseInput = v.object({
  acknowledgeDays: wholeNumber('受理时限', 1, 10, '个工作日'),
  decideDays: wholeNumber('答复时限', 1, 30, '个工作日'),
})
export const CalendarYearInput = v.object({
  year: yearNumber(),
  holidays: list(calendarDate('放假日期'), '放假日期', { min: 1, max: 60 }),
  workdays: list(calendarDate('补班日期'), '补班日期', { max: 20 }),
})
export const RoomTemplateInput = v.object({
  stationId: recordId('调解室'),
  periods: list(
    v.object({
      weekdays: list(wholeNumber('星期', 1, 7), '星期', { min: 1, max: 7 }),
      start: clockTime('开始时间'),
      end: clockTime('结束时间'),
    }),
    '时段',
    { max: 7 },
  ),
  slotMinutes: wholeNumber('每次时长', 15, 240, '分钟'),
})
export const ClosedDatesInput = v.object({ stationId: recordId('调解室'), dates: list(calendarDate('闭室日期'), '闭室日期', { max: 60 }) })

/** The promise of a case in dates (counted at filing), and in words. */
export interface PromiseView {
  acknowledgeDays: number
  acknowledgeBy: string
  decideDays: number
  decideBy: string
  /** A year whose official calendar was not known: weekdays were counted (按常规工作日估算). */
  estimated: boolean
  text: string
}

/** A mediation-room appointment. */
export interface Appointment {
  bookingId: string
  stationId: string
  stationName: string
  address: string
  location: { lat: number; lng: number }
  date: string
  start: string
  end: string
  startAt: number
}

export interface LegalOutcomeView {
  outcome: LegalOutcome
  outcomeName: string
  recoveredFen?: number
  note: string
  at: number
}

export interface LegalRating {
  stars: number
  comment?: string
  at: number
}

/** What the worker reads on their case page. */
export interface LegalCaseView extends CaseView {
  category: LegalCategory
  promise: PromiseView
  /** The arbitration time limit as worked out at filing. */
  limitText: string
  /** The assigned lawyer's name (never their phone). */
  lawyerName?: string
  appointment?: Appointment
  /** Whether the worker may still cancel it (up to 2 hours before). */
  appointmentCancellable: boolean
  /** Messages from the lawyer the worker has not read. */
  unread: number
  outcome?: LegalOutcomeView
  decline?: { reason: string; referral: string }
  rating?: LegalRating
  canBook: boolean
  canRate: boolean
  canWrite: boolean
}

/** A case in the desk's queue or the lawyer's list. */
export interface LegalDeskSummary extends DeskCaseSummary {
  category: LegalCategory
  categoryName: string
  /** The deadline of the promise still to keep (受理, then 答复); absent once aid is decided. */
  dueAt?: number
  dueWhat?: '受理' | '答复'
  estimated: boolean
  /** The arbitration limit's last day, when it runs. */
  limitDate?: string
  assigneeName?: string
  /** Messages from the worker the assignee has not read. */
  unread: number
}

/** A case as the desk or the assigned lawyer works it. */
export interface LegalStaffView extends LegalDeskSummary {
  /** As whom the caller sees it: the legal desk, or the lawyer assigned. */
  as: 'desk' | 'lawyer'
  timeline: TimelineEntry[]
  attachments: CaseAttachment[]
  materials: Array<{ key: string; name: string }>
  rows: CaseDetailRow[]
  promise: PromiseView
  limitText: string
  appointment?: Appointment
  outcome?: LegalOutcomeView
  decline?: { reason: string; referral: string }
  rating?: LegalRating
  /** Which steps the caller may take now. */
  allowed: Array<'acknowledge' | 'assign' | 'grant' | 'decline' | 'close' | 'book' | 'cancelBooking'>
  canWrite: boolean
}

export interface ThreadMessage {
  _id: string
  from: 'owner' | 'assignee'
  mine: boolean
  text: string
  files: string[]
  at: number
}

export interface ThreadPage {
  items: ThreadMessage[]
  nextCursor?: string
}

export interface RoomSlot {
  date: string
  start: string
  end: string
  startAt: number
}

export interface RoomWithSlots {
  stationId: string
  name: string
  address: string
  location: { lat: number; lng: number }
  /** Free slots of the coming days. */
  slots: RoomSlot[]
}

export interface RoomSettings {
  stationId: string
  name: string
  address: string
  periods: Array<{ weekdays: number[]; start: string; end: string }>
  slotMinutes: number
  /** The admin has not set this room: DOMAIN.md's example week (周二、周四 14:00–17:00, 30 minutes). */
  isDefault: boolean
  closedDates: string[]
}

export interface LegalSettings {
  promise: { acknowledgeDays: number; decideDays: number }
  /** The years whose notice the calendar package carries. */
  packageYears: number[]
  notices: Array<{ year: number; holidays: string[]; workdays: string[] }>
  rooms: RoomSettings[]
}

export interface Assignable {
  userId: string
  name: string
  kind: 'lawyer' | 'volunteer'
  /** Cases still open assigned to them. */
  open: number
}

type In<S extends v.GenericSchema> = v.InferInput<S>
type Summary = LegalDeskSummary

export interface LegalContract extends RebuildRequestsContract {
  /** What the intake form needs: the 低保 line of the means test and the promise. */
  intake: { input: Record<string, never>; output: { lowIncomeLineFen: number; promise: { acknowledgeDays: number; decideDays: number } } }
  ask: { input: In<typeof AskInput>; output: CaseSummary }
  mine: { input: Record<string, never>; output: { items: CaseSummary[] } }
  case: { input: In<typeof CaseIdInput>; output: LegalCaseView }
  withdraw: { input: In<typeof CaseIdInput>; output: CaseSummary }
  rate: { input: In<typeof RateInput>; output: CaseSummary }
  /** The worker's side of the messages (marks the lawyer's as read). */
  thread: { input: In<typeof ThreadInput>; output: ThreadPage }
  /** The assigned lawyer's side (marks the worker's as read). */
  caseThread: { input: In<typeof ThreadInput>; output: ThreadPage }
  send: { input: In<typeof SendInput>; output: { _id: string; at: number } }
  rooms: { input: Record<string, never>; output: { rooms: RoomWithSlots[] } }
  book: { input: In<typeof BookInput>; output: CaseSummary }
  cancelBooking: { input: In<typeof CaseIdInput>; output: CaseSummary }

  queue: { input: In<typeof LegalQueueInput>; output: { items: Summary[]; nextCursor?: string; counts: Record<LegalQueue, number> & { overdue: number } } }
  assigned: { input: In<typeof AssignedInput>; output: { items: Summary[]; nextCursor?: string } }
  staffCase: { input: In<typeof CaseIdInput>; output: LegalStaffView }
  lawyers: { input: Record<string, never>; output: { items: Assignable[] } }
  acknowledge: { input: In<typeof CaseIdInput>; output: Summary }
  assign: { input: In<typeof AssignInput>; output: Summary }
  grant: { input: In<typeof GrantInput>; output: Summary }
  decline: { input: In<typeof DeclineAidInput>; output: Summary }
  close: { input: In<typeof CloseInput>; output: Summary }
  deskCancelBooking: { input: In<typeof DeskCancelInput>; output: Summary }
  reveal: { input: In<typeof CaseRevealInput>; output: { field: string; value: string } }

  settings: { input: Record<string, never>; output: LegalSettings }
  setPromise: { input: In<typeof PromiseInput>; output: { acknowledgeDays: number; decideDays: number } }
  setCalendarYear: { input: In<typeof CalendarYearInput>; output: { year: number } }
  setRoomTemplate: { input: In<typeof RoomTemplateInput>; output: RoomSettings }
  setClosedDates: { input: In<typeof ClosedDatesInput>; output: RoomSettings }
}
