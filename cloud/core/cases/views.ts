import { CASE_STATUS_NAMES, type CaseAction, type CaseSummary, type CaseView, type DeskCaseSummary, type DeskCaseView } from '../../../types/cases'
import { availableSteps } from '../../domain/cases/workflow'
import type { Ctx } from '../context'
import { failedPrecondition } from '../errors'
import { CLOSED_NAME } from '../privacy'
import { hasRole, isStaffOf } from '../identity'
import type { CaseRecord } from './record'
import type { CaseServiceSpec } from './workflow'

export function unseal<S>(ctx: Ctx, record: CaseRecord): S {
  if (!record.sealed) throw failedPrecondition(`申请人${CLOSED_NAME}，个人信息已删除`)
  return JSON.parse(ctx.pii.decrypt(record.sealed)) as S
}

/** The particulars' lines: the service's own, or — once the owner closed their account — only that. */
function rowsOf(ctx: Ctx, spec: CaseServiceSpec, record: CaseRecord, forDesk: boolean) {
  if (!record.sealed) return [{ label: '申请人', value: `${CLOSED_NAME}（个人信息已删除）` }]
  return spec.rows(record, unseal(ctx, record), forDesk)
}

/** What every view of a case starts from. */
const basics = (record: CaseRecord) => ({
  _id: record._id,
  service: record.service,
  title: record.title,
  status: record.status,
  statusName: CASE_STATUS_NAMES[record.status],
  submittedAt: record.submittedAt,
})

export function caseSummary(record: CaseRecord): CaseSummary {
  return { ...basics(record), updatedAt: record.updatedAt, amountFen: record.amountFen }
}

const materialsOf = (spec: CaseServiceSpec, record: CaseRecord) => record.materials.map((key) => ({ key, name: spec.materialName(key) }))

/** A case as its owner reads it: their own particulars in full. */
export function caseView(ctx: Ctx, spec: CaseServiceSpec, record: CaseRecord): CaseView {
  return {
    ...caseSummary(record),
    timeline: record.timeline,
    attachments: record.attachments,
    materials: materialsOf(spec, record),
    rows: rowsOf(ctx, spec, record, false),
    askedFor: record.status === 'needs_info' ? record.askedFor : undefined,
    rejectReason: record.rejectReason,
    paymentRef: record.paymentRef,
  }
}

export function deskSummary(ctx: Ctx, record: CaseRecord): DeskCaseSummary {
  return {
    ...basics(record),
    applicantMasked: record.applicantMasked,
    waitingSince: record.waitingSince,
    assigneeId: record.assigneeId,
    assignedToMe: record.assigneeId === ctx.user._id,
  }
}

const DESK_ACTIONS: CaseAction[] = ['claim', 'askInfo', 'approve', 'reject', 'markPaid']

/** A case on the desk: personal data masked (each field can be revealed, audited). */
export function deskView(ctx: Ctx, spec: CaseServiceSpec, record: CaseRecord): DeskCaseView {
  const actor = { id: ctx.user._id, kind: isStaffOf(ctx.user, spec.service) ? ('staff' as const) : ('owner' as const), admin: hasRole(ctx.user, 'admin') }
  const ownCase = record.ownerId === ctx.user._id
  return {
    ...deskSummary(ctx, record),
    timeline: record.timeline,
    attachments: record.attachments,
    materials: materialsOf(spec, record),
    rows: rowsOf(ctx, spec, record, true),
    suggestedFen: record.suggestedFen,
    maxFen: record.maxFen,
    amountFen: record.amountFen,
    paymentRef: record.paymentRef,
    allowed: ownCase ? [] : availableSteps(record, actor, DESK_ACTIONS),
  }
}
