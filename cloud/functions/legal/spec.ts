import { caseUrl, pageUrl } from '../../../types/services'
import { CONTACT_NAMES, LEGAL_CATEGORY_NAMES, LEGAL_MATERIAL_NAMES, OUTCOME_NAMES, type Appointment, type LegalMaterial, type LegalOutcome } from '../../../types/legal'
import { APPLICANT_REVEALABLE, applicantRows } from '../../core/cases/open'
import type { CaseRecord } from '../../core/cases/record'
import type { CaseServiceSpec, StepEffects } from '../../core/cases/workflow'
import type { Ctx, Notice, TransactionStep } from '../../core/context'
import { forbidden, invalid } from '../../core/errors'
import { isStaffOf } from '../../core/identity'
import type { UserRecord } from '../../core/records'
import { monthDay } from '../../domain/legal/promiseText'
import { formatYuan } from '../../domain/money'
import { COLLECTIONS, detailsOf, type BookingRecord, type LegalDetails, type LegalSealed } from './records'

/** Where the assigned lawyer (or the desk) works a case. */
export const workLink = (caseId: string) => pageUrl('legal', 'work', { caseId })

/** An appointment in words: `12月1日（周二）14:00–14:30，鹿城区劳动争议调解室`. */
export function appointmentWords(a: Pick<Appointment, 'date' | 'start' | 'end' | 'stationName'>): string {
  const weekday = '一二三四五六日'[((new Date(`${a.date}T00:00:00Z`).getUTCDay() + 6) % 7)]
  return `${monthDay(a.date)}（周${weekday}）${a.start}–${a.end}，${a.stationName}`
}

/** The particulars of a case, for the worker (their own, in full) and the desk (the applicant masked, revealable). */
function rows(record: CaseRecord, sealed: LegalSealed, forDesk: boolean) {
  const d = detailsOf(record)
  const list = [
    ...applicantRows(record, sealed.applicant, forDesk),
    { label: '问题类别', value: LEGAL_CATEGORY_NAMES[d.category] },
    { label: '用人单位', value: d.employer },
    ...(d.amountInDisputeFen !== undefined ? [{ label: '涉及金额', value: formatYuan(d.amountInDisputeFen) }] : []),
    { label: '发生了什么', value: sealed.story },
    { label: '还在这家单位工作', value: d.stillEmployed ? '是' : `否${d.employmentEndedOn ? `，${d.employmentEndedOn}结束` : ''}` },
    ...(d.learnedOn ? [{ label: '知道权益受侵害的日期', value: d.learnedOn }] : []),
    { label: '仲裁时效', value: d.limitText },
    ...(d.knownDeadline ? [{ label: '已知期限', value: `${d.knownDeadline.date} ${d.knownDeadline.what}` }] : []),
    { label: '联系方式', value: `${CONTACT_NAMES[d.contact]}${d.preferredTimes ? `（${d.preferredTimes}）` : ''}` },
    { label: '外来务工', value: d.migrant ? `是${sealed.hometown ? `，户籍${sealed.hometown}` : ''}` : '否' },
    { label: '经济状况', value: d.means.text },
  ]
  return list
}

const tell = (userId: string, notice: Notice) => ({ userId, notice })

/** Frees a case's appointment: cancelled when it is still to come, released (kept as history) once past. */
export async function releaseBooking(t: TransactionStep, appointment: Appointment, now: number, by: string): Promise<'cancelled' | 'released'> {
  const ref = t.tx.collection<BookingRecord>(COLLECTIONS.bookings).doc(appointment.bookingId)
  const { data: booking } = await ref.get()
  if (!booking || booking.status !== 'active') return 'released'
  if (appointment.startAt > now) {
    await ref.update({ data: { status: 'cancelled', slotKey: `cancelled:${booking._id}`, caseKey: `cancelled:${booking._id}`, cancelledAt: now, cancelledBy: by } })
    return 'cancelled'
  }
  await ref.update({ data: { caseKey: `held:${booking._id}` } })
  return 'released'
}

/** An appointment still to come is cancelled with the case's end, and the lawyer told. */
async function endAppointment(ctx: Ctx, t: TransactionStep, record: CaseRecord): Promise<StepEffects> {
  const d = detailsOf(record)
  if (!d.appointment || d.appointment.startAt <= ctx.now()) return {}
  await releaseBooking(t, d.appointment, ctx.now(), ctx.user._id)
  const words = appointmentWords(d.appointment)
  const notices = record.assigneeId && record.assigneeId !== ctx.user._id
    ? [tell(record.assigneeId, { title: '调解室预约已取消', body: `您负责的一件${record.title}已结束，${words}的预约已取消。`, link: workLink(record._id) })]
    : []
  return { details: { appointment: undefined }, notices }
}

/** The person a case is assigned to: a lawyer of the panel, or a volunteer of legal help, real-named, not the worker. */
async function assigneeOf(t: TransactionStep, record: CaseRecord, userId: string): Promise<UserRecord> {
  if (userId === record.ownerId) throw invalid({ assigneeId: '不能指派给申请人本人' })
  const { data: user } = await t.tx.collection<UserRecord>('users').doc(userId).get()
  if (!user || !(user.roles.includes('lawyer') || (user.roles.includes('volunteer') && user.services.includes('legal')))) {
    throw invalid({ assigneeId: '只能指派给法援律师团的律师或法律援助志愿者' })
  }
  if (!user.profile) throw invalid({ assigneeId: '这位律师还没有实名，请先请对方在“我的”里实名认证' })
  return user
}

/** Legal help's own part of each step of the shared workflow, inside the step's transaction. */
async function onStep(ctx: Ctx, t: TransactionStep, record: CaseRecord, action: string, input: { note?: string; amountFen?: number; assigneeId?: string; referral?: string; outcome?: string; stars?: number }): Promise<StepEffects> {
  const d = detailsOf(record)
  const now = ctx.now()
  switch (action) {
    case 'acknowledge':
      // The next clock of the promise: a decision on aid.
      return { details: { dueAt: d.promise.decideDueAt } }
    case 'assign': {
      const user = await assigneeOf(t, record, input.assigneeId!)
      const name = user.profile!.name
      const notices = [
        tell(user._id, { title: '新的法律援助案件', body: `工会指派您负责一件${record.title}，请打开案件，尽快联系申请人。`, link: workLink(record._id) }),
        ...(record.assigneeId && record.assigneeId !== user._id
          ? [tell(record.assigneeId, { title: '案件已改由其他律师负责', body: `您负责的一件${record.title}已改由其他律师负责。` })]
          : []),
      ]
      const assignees = [...new Set([...(d.assignees ?? []), user._id])]
      return { details: { assigneeName: name, assignees }, entry: { assigneeName: name }, notices }
    }
    case 'grant':
      return { details: { dueAt: undefined } }
    case 'decline': {
      const ended = await endAppointment(ctx, t, record)
      return { ...ended, details: { ...ended.details, dueAt: undefined, decline: { reason: input.note!, referral: input.referral! } }, entry: { referral: input.referral } }
    }
    case 'withdraw': {
      const ended = await endAppointment(ctx, t, record)
      const told = record.assigneeId ? [tell(record.assigneeId, { title: '申请人撤回了案件', body: `您负责的一件${record.title}已由申请人撤回。`, link: workLink(record._id) })] : []
      return { ...ended, details: { ...ended.details, dueAt: undefined }, notices: [...(ended.notices ?? []), ...told] }
    }
    case 'close': {
      const ended = await endAppointment(ctx, t, record)
      const outcome = { outcome: input.outcome as LegalOutcome, note: input.note!, at: now, ...(input.amountFen !== undefined ? { recoveredFen: input.amountFen } : {}) }
      const told = record.assigneeId && record.assigneeId !== ctx.user._id
        ? [tell(record.assigneeId, { title: '案件已结案', body: `您负责的一件${record.title}已由工会结案：${OUTCOME_NAMES[outcome.outcome]}。`, link: workLink(record._id) })]
        : []
      return {
        ...ended,
        details: { ...ended.details, outcome },
        entry: { outcome: OUTCOME_NAMES[outcome.outcome] },
        amountFen: input.amountFen,
        notices: [...(ended.notices ?? []), ...told],
      }
    }
    case 'rate': {
      const rating = { stars: input.stars!, at: now, ...(input.note ? { comment: input.note } : {}) }
      const notices = record.assigneeId ? [tell(record.assigneeId, { title: '职工评价了您的案件', body: `您负责的一件${record.title}：${rating.stars}星。`, link: workLink(record._id) })] : []
      return { details: { rating }, entry: { stars: rating.stars }, notices }
    }
    default:
      return {}
  }
}

export const legalCaseSpec: CaseServiceSpec<LegalSealed> = {
  service: 'legal',
  caseLink: (caseId) => caseUrl('legal', caseId),
  materialName: (key) => LEGAL_MATERIAL_NAMES[key as LegalMaterial] ?? key,
  rows,
  revealable: APPLICANT_REVEALABLE,
  stateOf: (record, now) => {
    const d = detailsOf(record)
    return { rated: d.rating !== undefined, booked: d.appointment !== undefined && d.appointment.startAt > now }
  },
  onStep: (ctx, t, record, action, input) => onStep(ctx, t, record, action, input),
}

/** The spec with a step of its own for one call (a booking, a cancellation), the rest as always. */
export function withStep(own: (ctx: Ctx, t: TransactionStep, record: CaseRecord) => Promise<StepEffects>): CaseServiceSpec<LegalSealed> {
  return { ...legalCaseSpec, onStep: (ctx, t, record) => own(ctx, t, record) }
}

/** Who of the case the caller is: the desk (staff of legal help), the lawyer assigned, or neither. */
export function sideOf(ctx: Ctx, record: CaseRecord): 'desk' | 'lawyer' | null {
  if (isStaffOf(ctx.user, 'legal')) return 'desk'
  if (record.assigneeId === ctx.user._id) return 'lawyer'
  return null
}

export function mustBeOnCase(ctx: Ctx, record: CaseRecord): 'owner' | 'assignee' {
  if (record.ownerId === ctx.user._id) return 'owner'
  if (record.assigneeId === ctx.user._id) return 'assignee'
  throw forbidden('只有申请人和负责的律师可以在这里留言')
}

export type { LegalDetails }
