import { CANCEL_BEFORE_MS, CONTACT_NAMES, LEGAL_CATEGORY_NAMES, OUTCOME_NAMES, type LegalCaseView, type LegalDeskSummary, type LegalStaffView, type PromiseView } from '../../../types/legal'
import type { CaseRecord } from '../../core/cases/record'
import { caseView, deskSummary, unseal } from '../../core/cases/views'
import type { Ctx } from '../../core/context'
import { CLOSED_NAME } from '../../core/privacy'
import { hasRole, isStaffOf } from '../../core/identity'
import { maskName } from '../../domain/identity/mask'
import { actorFor, availableSteps } from '../../domain/cases/workflow'
import { promiseText } from '../../domain/legal/promiseText'
import { shanghaiDate } from '../../domain/workdays'
import { formatYuan } from '../../domain/money'
import { COLLECTIONS, detailsOf, type LegalSealed, type ThreadRecord } from './records'
import { legalCaseSpec } from './spec'

const OPEN_FOR_APPOINTMENTS = ['acknowledged', 'granted']

function promiseView(record: CaseRecord): PromiseView {
  const p = detailsOf(record).promise
  return {
    acknowledgeDays: p.acknowledgeDays,
    acknowledgeBy: p.acknowledgeBy,
    decideDays: p.decideDays,
    decideBy: p.decideBy,
    estimated: p.acknowledgeEstimated || p.decideEstimated,
    text: promiseText(p, shanghaiDate(record.submittedAt)),
  }
}

function endings(record: CaseRecord) {
  const d = detailsOf(record)
  return {
    outcome: d.outcome ? { ...d.outcome, outcomeName: OUTCOME_NAMES[d.outcome.outcome] } : undefined,
    decline: d.decline,
    rating: d.rating,
  }
}

export async function threadOf(ctx: Ctx, caseId: string): Promise<ThreadRecord | null> {
  return (await ctx.db.collection<ThreadRecord>(COLLECTIONS.threads).doc(caseId).get()).data
}

const canWrite = (record: CaseRecord) => Boolean(record.assigneeId) && OPEN_FOR_APPOINTMENTS.includes(record.status)

/** The worker's case page: the promise in dates, the lawyer's name, the appointment, the outcome. */
export async function workerView(ctx: Ctx, record: CaseRecord): Promise<LegalCaseView> {
  const d = detailsOf(record)
  const now = ctx.now()
  const upcoming = d.appointment && d.appointment.startAt > now ? d.appointment : undefined
  return {
    ...caseView(ctx, legalCaseSpec, record),
    category: d.category,
    promise: promiseView(record),
    limitText: d.limitText,
    lawyerName: d.assigneeName,
    appointment: d.appointment,
    appointmentCancellable: Boolean(upcoming && upcoming.startAt - now >= CANCEL_BEFORE_MS && OPEN_FOR_APPOINTMENTS.includes(record.status)),
    unread: (await threadOf(ctx, record._id))?.ownerUnread ?? 0,
    ...endings(record),
    canBook: canWrite(record) && !upcoming,
    canRate: record.status === 'closed' && !d.rating,
    canWrite: canWrite(record),
  }
}

/** A case in the desk's queue and the lawyer's list: its category, the promise's clock, the arbitration limit. */
export function legalSummary(ctx: Ctx, record: CaseRecord, unread = 0): LegalDeskSummary {
  const d = detailsOf(record)
  const pending = d.dueAt !== undefined
  return {
    ...deskSummary(ctx, record),
    category: d.category,
    categoryName: LEGAL_CATEGORY_NAMES[d.category],
    dueAt: d.dueAt,
    dueWhat: pending ? (record.status === 'submitted' ? '受理' : '答复') : undefined,
    estimated: pending && (record.status === 'submitted' ? d.promise.acknowledgeEstimated : d.promise.decideEstimated),
    limitDate: d.limitDate,
    assigneeName: d.assigneeName,
    unread,
  }
}

const STAFF_STEPS = ['acknowledge', 'assign', 'grant', 'decline', 'close', 'book', 'cancelBooking'] as const

/** The lawyer's lines: the worker's name (they work with them), never the ID number; the phone only on a reveal, and only when the worker chose 电话. */
function lawyerRows(record: CaseRecord, sealed: LegalSealed) {
  const d = detailsOf(record)
  return legalCaseSpec.rows(record, sealed, false).flatMap((row) => {
    if (row.label !== '申请人') return [row]
    return [
      row,
      d.contact === 'phone'
        ? { label: '手机号', value: record.masked.mobile, revealable: 'mobile' }
        : { label: '手机号', value: `申请人选择${CONTACT_NAMES[d.contact]}联系，不提供电话` },
    ]
  })
}

/** A case as the desk or the lawyer assigned works it; opening it is audited by the caller. */
export async function staffView(ctx: Ctx, record: CaseRecord, as: 'desk' | 'lawyer'): Promise<LegalStaffView> {
  const d = detailsOf(record)
  // Its owner closed the account: the case stays as a record of service, with nobody's data in it.
  const sealed = record.sealed ? unseal<LegalSealed>(ctx, record) : null
  const who = { id: ctx.user._id, staff: isStaffOf(ctx.user, 'legal'), admin: hasRole(ctx.user, 'admin') }
  const state = { ...record, ...legalCaseSpec.stateOf!(record, ctx.now()) }
  const ownCase = record.ownerId === ctx.user._id
  const allowed = ownCase ? [] : STAFF_STEPS.filter((action) => availableSteps(state, actorFor(state, action, who), [action]).length > 0)
  const thread = await threadOf(ctx, record._id)
  return {
    ...legalSummary(ctx, record, record.assigneeId === ctx.user._id ? (thread?.assigneeUnread ?? 0) : 0),
    // The lawyer works with the person; the desk reads the name masked, as in every desk list.
    applicantMasked: !sealed ? CLOSED_NAME : as === 'lawyer' ? sealed.applicant.name : maskName(sealed.applicant.name),
    as,
    timeline: record.timeline,
    attachments: record.attachments,
    materials: record.materials.map((key) => ({ key, name: legalCaseSpec.materialName(key) })),
    rows: !sealed ? [{ label: '申请人', value: `${CLOSED_NAME}（个人信息已删除）` }] : as === 'desk' ? legalCaseSpec.rows(record, sealed, true) : lawyerRows(record, sealed),
    promise: promiseView(record),
    limitText: d.limitText,
    appointment: d.appointment,
    ...endings(record),
    allowed: [...allowed],
    canWrite: record.assigneeId === ctx.user._id && canWrite(record),
  }
}

/** The audit summary of opening a case, with the amount in dispute (no personal value). */
export const openedSummary = (record: CaseRecord) => {
  const amount = detailsOf(record).amountInDisputeFen
  return `查看法律援助案件${amount !== undefined ? `（涉及 ${formatYuan(amount)}）` : ''}`
}
