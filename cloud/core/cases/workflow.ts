import { CASE_STATUS_NAMES, type CaseAction, type CaseAttachment, type CaseDetailRow, type CaseService, type TimelineEntry } from '../../../types/cases'
import { step, type Actor, type StepInput } from '../../domain/cases/workflow'
import type { Ctx } from '../context'
import { AppError, conflict, forbidden, notFound } from '../errors'
import { hasRole } from '../identity'
import type { CaseRecord } from './record'

/** What a service tells the shared case code about its cases. */
export interface CaseServiceSpec<S = unknown> {
  service: CaseService
  /** The worker's page of a case, for inbox messages. */
  caseLink(caseId: string): string
  /** The material keys of a checklist, in words. */
  materialName(key: string): string
  /** The particulars, for the worker (`reveal` everything of their own) or the desk (masked). */
  rows(record: CaseRecord, sealed: S, forDesk: boolean): CaseDetailRow[]
  /** The fields the desk may reveal, and their plain values. */
  revealable: Record<string, { label: string; value(record: CaseRecord, sealed: S): string }>
  /**
   * What the rules would approve now, when it can change after submission (medical: approvals made
   * since count against the caps). The desk fills its amount from this.
   */
  currentSuggestion?(ctx: Ctx, record: CaseRecord): Promise<{ suggestedFen: number; maxFen: number; why?: string }>
  /** A service's own limit on an approval (medical: never above the estimate recomputed now). */
  checkApproval?(ctx: Ctx, record: CaseRecord, input: { amountFen: number; note?: string }): void | Promise<void>
}

export const cases = (ctx: Ctx) => ctx.db.collection<CaseRecord>('cases')

export async function loadCase(ctx: Ctx, service: CaseService, caseId: string): Promise<CaseRecord> {
  const { data } = await cases(ctx).doc(caseId).get()
  if (!data || data.service !== service) throw notFound('没有找到这份申请')
  return data
}

export const isStaffOf = (ctx: Ctx, service: CaseService) => hasRole(ctx.user, 'admin') || hasRole(ctx.user, `volunteer:${service}`)

/** The owner reads their own case; staff of its service read any of that service. */
export async function loadOwnCase(ctx: Ctx, service: CaseService, caseId: string): Promise<CaseRecord> {
  const record = await loadCase(ctx, service, caseId)
  if (record.ownerId !== ctx.user._id) throw forbidden('只能查看自己的申请')
  return record
}

export async function loadStaffCase(ctx: Ctx, service: CaseService, caseId: string): Promise<CaseRecord> {
  const record = await loadCase(ctx, service, caseId)
  if (!isStaffOf(ctx, service)) throw forbidden('只有负责这项服务的工作人员可以查看')
  return record
}

const NEWS: Record<CaseAction, (r: CaseRecord, entry: TimelineEntry) => string> = {
  submit: () => '申请已提交，工作人员会尽快受理。',
  claim: () => '工作人员已受理，正在审核。',
  askInfo: (_r, e) => `需要补充材料：${e.note ?? ''}`,
  resubmit: () => '补充的材料已提交，等待工作人员审核。',
  approve: (_r, e) => `已批准，金额 ${((e.amountFen ?? 0) / 100).toFixed(2)} 元。${e.note ? `说明：${e.note}` : ''}`,
  reject: (_r, e) => `未通过：${e.note ?? ''}`,
  markPaid: (_r, e) => `已发放，付款凭证号 ${e.paymentRef ?? ''}。`,
  withdraw: () => '您已撤回这份申请。',
}

/** Tells the worker about a step: the inbox always, WeChat when they agreed and staff took it. */
export async function tellOwner(ctx: Ctx, spec: CaseServiceSpec, record: CaseRecord, entry: TimelineEntry) {
  await ctx.notify(
    record.ownerId,
    { title: `${record.title}：${CASE_STATUS_NAMES[entry.status]}`, body: NEWS[entry.action](record, entry), link: spec.caseLink(record._id) },
    { viaWeChat: record.notifyByWeChat && entry.by === 'staff' },
  )
}

export interface StepExtras {
  attachments?: CaseAttachment[]
}

/**
 * Takes one step of the workflow on a stored case: the domain rule decides whether it is allowed;
 * the write is conditional on the state it was read in, so two volunteers cannot both take it.
 * Writes the timeline entry and tells the worker.
 */
export async function takeStep(
  ctx: Ctx,
  spec: CaseServiceSpec,
  record: CaseRecord,
  action: CaseAction,
  input: StepInput & StepExtras = {},
): Promise<CaseRecord> {
  const staffStep = isStaffAction(action)
  if (staffStep && record.ownerId === ctx.user._id) throw forbidden('不能处理自己提交的申请')
  const actor: Actor = staffStep
    ? { id: ctx.user._id, kind: isStaffOf(ctx, spec.service) ? 'staff' : 'owner', admin: hasRole(ctx.user, 'admin') }
    : { id: ctx.user._id, kind: 'owner' }
  const decision = step(record, action, actor, input)
  if (!decision.ok) throw new AppError(decision.code, decision.message, decision.fields)
  if (action === 'approve') await spec.checkApproval?.(ctx, record, { amountFen: input.amountFen ?? 0, note: input.note })

  const now = ctx.now()
  const entry: TimelineEntry = { at: now, action, status: decision.status, by: staffStep ? 'staff' : 'owner' }
  if (input.note) entry.note = input.note
  if (action === 'approve') entry.amountFen = input.amountFen
  if (action === 'markPaid') entry.paymentRef = input.paymentRef
  if (input.attachments?.length) entry.files = input.attachments.length

  const change: Partial<CaseRecord> = { status: decision.status, updatedAt: now, waitingSince: now }
  if (decision.assigneeId) change.assigneeId = decision.assigneeId
  if (action === 'askInfo') change.askedFor = input.note
  if (action === 'reject') change.rejectReason = input.note
  if (action === 'approve') change.amountFen = input.amountFen
  if (action === 'markPaid') change.paymentRef = input.paymentRef
  if (input.attachments?.length) change.attachments = [...record.attachments, ...input.attachments]
  // A rejected or withdrawn application no longer stops the worker from applying again.
  if (decision.status === 'rejected' || decision.status === 'withdrawn') change.openKey = `closed:${record._id}`

  const _ = ctx.db.command
  const { stats } = await cases(ctx)
    .where({ _id: record._id, status: record.status, updatedAt: record.updatedAt })
    .update({ data: { ...change, timeline: _.push(entry) } })
  if (stats.updated !== 1) throw conflict('这份申请刚刚有了变化，请刷新后再看')

  const next: CaseRecord = { ...record, ...change, timeline: [...record.timeline, entry] }
  await tellOwner(ctx, spec, next, entry)
  return next
}

const isStaffAction = (action: CaseAction) => ['claim', 'askInfo', 'approve', 'reject', 'markPaid'].includes(action)
