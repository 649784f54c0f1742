import { CASE_STATUS_NAMES, type CaseAction, type CaseAttachment, type CaseDetailRow, type CaseService, type CaseStatus, type TimelineEntry } from '../../../types/cases'
import { actorFor, isUnionStep, step, type ActorKind, type CaseState, type StepInput } from '../../domain/cases/workflow'
import { formatYuan } from '../../domain/money'
import type { Ctx, Notice, TransactionStep } from '../context'
import { DuplicateKeyError } from '../../db/types'
import { AppError, forbidden, notFound } from '../errors'
import { attachFiles } from '../files'
import { hasRole, isStaffOf } from '../identity'
import type { CaseRecord } from './record'
import { writeRequestRow } from '../requests/row'
import { requestRowOfCase } from './requestRow'

/** What a service tells the shared case code about its cases. */
export interface CaseServiceSpec<S = unknown> {
  service: CaseService
  /** The worker's page of a case, for inbox messages. */
  caseLink(caseId: string): string
  /** The material keys of a checklist, in words. */
  materialName(key: string): string
  /**
   * What of a case's particulars stays once its owner closed their account (no personal data: the
   * figures of past years need them); the case's kind alone unless a service says more.
   */
  keptOnClosing?(record: CaseRecord): Record<string, unknown>
  /** The particulars, for the worker (`reveal` everything of their own) or the desk (masked). */
  rows(record: CaseRecord, sealed: S, forDesk: boolean): CaseDetailRow[]
  /** The fields the desk may reveal, and their plain values. */
  revealable: Record<string, { label: string; value(record: CaseRecord, sealed: S): string }>
  /**
   * What the rules would approve now, when it can change after submission (medical: approvals made
   * since count against the caps). The desk fills its amount from this.
   */
  currentSuggestion?(ctx: Ctx, record: CaseRecord): Promise<{ suggestedFen: number; maxFen: number; why?: string }>
  /**
   * Reads what an approval's transaction will need, before it starts (queries cannot run inside one);
   * it writes nothing, so a refused approval changes nothing.
   */
  prepareApproval?(ctx: Ctx, record: CaseRecord): Promise<unknown>
  /**
   * A service's own limit on an approval, checked and recorded inside the step's transaction, so a
   * concurrent approval cannot slip past it (medical: the yearly caps, held by a ledger document).
   */
  approveInTransaction?(ctx: Ctx, step: TransactionStep, record: CaseRecord, input: { amountFen: number; note?: string }, prepared: unknown): Promise<void>
  /** What the workflow's rules need to know of a case beyond its state (legal: rated already, an appointment held). */
  stateOf?(record: CaseRecord, now: number): Partial<CaseState>
  /**
   * The service's own part of any step, inside the step's transaction once the rule allowed it
   * (single-document operations only): it may refuse (throw), write its own documents (a
   * mediation-room booking) and say what else the case records and who else is told.
   */
  onStep?(ctx: Ctx, step: TransactionStep, record: CaseRecord, action: CaseAction, input: StepInput & StepExtras): Promise<StepEffects | void>
}

/** What a service's `onStep` adds to a step. */
export interface StepEffects {
  /** Top-level fields of `details` the case sets (undefined: removes it). */
  details?: Record<string, unknown>
  /** More of the timeline entry: the lawyer's name, the outcome, the appointment. */
  entry?: Partial<TimelineEntry>
  /** The amount the case now shows (legal: what was recovered). */
  amountFen?: number
  /** Others who are told besides the owner (the lawyer assigned), in the same transaction. */
  notices?: Array<{ userId: string; notice: Notice }>
  /** What the owner is told instead of the workflow's words for the step. */
  news?: string
}

export const cases = (ctx: Ctx) => ctx.db.collection<CaseRecord>('cases')

export async function loadCase(ctx: Ctx, service: CaseService, caseId: string): Promise<CaseRecord> {
  const { data } = await cases(ctx).doc(caseId).get()
  if (!data || data.service !== service) throw notFound('没有找到这份申请')
  return data
}

/** The owner reads their own case; staff of its service read any of that service. */
export async function loadOwnCase(ctx: Ctx, service: CaseService, caseId: string): Promise<CaseRecord> {
  const record = await loadCase(ctx, service, caseId)
  if (record.ownerId !== ctx.user._id) throw forbidden('只能查看自己的申请')
  return record
}

export async function loadStaffCase(ctx: Ctx, service: CaseService, caseId: string): Promise<CaseRecord> {
  const record = await loadCase(ctx, service, caseId)
  if (!isStaffOf(ctx.user, service)) throw forbidden('只有负责这项服务的工作人员可以查看')
  return record
}

const NEWS: Record<CaseAction, (entry: TimelineEntry) => string> = {
  submit: () => '申请已提交，工作人员会尽快受理。',
  claim: () => '工作人员已受理，正在审核。',
  askInfo: (e) => `需要补充材料：${e.note ?? ''}`,
  resubmit: () => '补充的材料已提交，等待工作人员审核。',
  approve: (e) => `已批准，金额 ${formatYuan(e.amountFen ?? 0)}。${e.note ? `说明：${e.note}` : ''}`,
  reject: (e) => `未通过：${e.note ?? ''}`,
  markPaid: (e) => `已发放，付款凭证号 ${e.paymentRef ?? ''}。`,
  withdraw: () => '您已撤回这份申请。',
  acknowledge: () => '工会已受理您的法律援助申请，会在承诺的时间内答复是否提供援助。',
  // The lawyer's name is on the case page, not in the message: a message outlives the lawyer's account.
  assign: () => '已为您指派律师，律师的姓名在申请页面上；律师会通过案件留言或您选择的方式联系您。',
  grant: (e) => `工会决定为您提供法律援助。${e.note ? `说明：${e.note}` : ''}`,
  decline: (e) => `不予援助：${e.note ?? ''}。您还可以：${e.referral ?? ''}`,
  close: (e) => `已结案：${e.note ?? ''}${e.amountFen ? `（为您追回 ${formatYuan(e.amountFen)}）` : ''}。欢迎对这次服务评价。`,
  rate: (e) => `感谢您的评价（${e.stars ?? 0}星）。`,
  book: (e) => `已预约调解室：${e.appointment ?? ''}。`,
  cancelBooking: (e) => `调解室预约已取消：${e.appointment ?? ''}${e.note ? `。原因：${e.note}` : ''}。`,
}

/** The title of a step that leaves the case where it was (its state's name would say nothing new). */
const STEP_TITLES: Partial<Record<CaseAction, string>> = { assign: '已指派律师', rate: '已评价', book: '已预约调解室', cancelBooking: '调解室预约已取消' }

/** What the worker is told about a step: the inbox always, WeChat when they agreed and staff took it. */
export function noticeOf(spec: CaseServiceSpec, record: CaseRecord, entry: TimelineEntry, news?: string): [Notice, { viaWeChat: boolean }] {
  return [
    { title: `${record.title}：${STEP_TITLES[entry.action] ?? CASE_STATUS_NAMES[entry.status]}`, body: news ?? NEWS[entry.action](entry), link: spec.caseLink(record._id) },
    { viaWeChat: record.notifyByWeChat && entry.by === 'staff' },
  ]
}

/** The audit summary of a staff step: the step and its amount or reference, never the notes' words. */
const STEP_SUMMARY: Record<CaseAction, (entry: TimelineEntry) => string> = {
  submit: () => '提交',
  claim: () => '受理',
  askInfo: () => '要求补充材料',
  resubmit: () => '补充材料',
  approve: (e) => `批准 ${formatYuan(e.amountFen ?? 0)}`,
  reject: () => '不通过',
  markPaid: () => '登记发放',
  withdraw: () => '撤回',
  acknowledge: () => '受理',
  assign: () => '指派律师',
  grant: () => '决定提供援助',
  decline: () => '不予援助',
  close: (e) => `结案：${e.outcome ?? ''}${e.amountFen ? ` 追回 ${formatYuan(e.amountFen)}` : ''}`,
  rate: () => '评价',
  book: () => '预约调解室',
  cancelBooking: () => '取消调解室预约',
}

export interface StepExtras {
  attachments?: CaseAttachment[]
}

/** The steps that answer a case (受理), decide it, and record its payment: when each first happened is kept on it. */
const ANSWERS: readonly CaseAction[] = ['claim', 'acknowledge', 'approve', 'reject', 'grant', 'decline']
const DECISIONS: readonly CaseAction[] = ['approve', 'reject', 'grant', 'decline']

/** A case leaves "one open application" once it ends without help given. */
const RELEASES_OPEN_KEY: readonly CaseStatus[] = ['rejected', 'withdrawn', 'declined']

/**
 * Takes one step of the workflow on a stored case, as one transaction of single-document
 * operations (what CloudBase allows in one): the case is read inside it, the domain rule decides,
 * the case is written with its timeline entry, and — in the same transaction — the audit record
 * of a staff step, the worker's inbox message and their row of 我的办事. Two volunteers claiming at
 * once: the second reads the claimed case and is refused.
 */
export async function takeStep(
  ctx: Ctx,
  spec: CaseServiceSpec,
  caseId: string,
  action: CaseAction,
  input: StepInput & StepExtras = {},
  /** The sides this call acts for, when a person could act for more than one (the desk's cancel, the worker's). */
  as?: readonly ActorKind[],
): Promise<CaseRecord> {
  const prepared = action === 'approve' && spec.prepareApproval ? await spec.prepareApproval(ctx, await loadCase(ctx, spec.service, caseId)) : undefined

  const attempt = () => ctx.transaction(async (t) => {
    const ref = t.tx.collection<CaseRecord>('cases').doc(caseId)
    const { data: record } = await ref.get()
    if (!record || record.service !== spec.service) throw notFound('没有找到这份申请')
    const actor = actorFor(record, action, { id: ctx.user._id, staff: isStaffOf(ctx.user, spec.service), admin: hasRole(ctx.user, 'admin') }, as)
    // Someone else acting as the owner is refused by the rule; the owner never acts for the union on their own case.
    if (actor.kind !== 'owner' && record.ownerId === ctx.user._id) throw forbidden('不能处理自己提交的申请')
    const decision = step({ ...record, ...spec.stateOf?.(record, ctx.now()) }, action, actor, input)
    if (!decision.ok) throw new AppError(decision.code, decision.message, decision.fields)
    if (action === 'approve') await spec.approveInTransaction?.(ctx, t, record, { amountFen: input.amountFen ?? 0, note: input.note }, prepared)
    const effects = (await spec.onStep?.(ctx, t, record, action, input)) ?? {}

    const now = ctx.now()
    const entry: TimelineEntry = { at: now, action, status: decision.status, by: isUnionStep(actor) ? 'staff' : 'owner' }
    if (input.note) entry.note = input.note
    if (action === 'approve') entry.amountFen = input.amountFen
    if (effects.amountFen !== undefined) entry.amountFen = effects.amountFen
    if (action === 'markPaid') entry.paymentRef = input.paymentRef
    if (input.attachments?.length) entry.files = input.attachments.length
    Object.assign(entry, effects.entry)

    const change: Partial<CaseRecord> = { status: decision.status, updatedAt: now, timeline: [...record.timeline, entry] }
    // "Waited" counts from when the case entered its present state: a step that leaves it there does not reset it.
    if (decision.status !== record.status) change.waitingSince = now
    if (decision.assigneeId) change.assigneeId = decision.assigneeId
    if (action === 'askInfo') change.askedFor = input.note
    if (action === 'reject') change.rejectReason = input.note
    if (action === 'approve') change.amountFen = input.amountFen
    if (effects.amountFen !== undefined) change.amountFen = effects.amountFen
    if (action === 'markPaid') change.paymentRef = input.paymentRef
    if (ANSWERS.includes(action) && record.acknowledgedAt === undefined) change.acknowledgedAt = now
    if (DECISIONS.includes(action)) change.decidedAt = now
    if (action === 'markPaid') change.paidAt = now
    if (input.attachments?.length) change.attachments = [...record.attachments, ...input.attachments]
    // A rejected, declined or withdrawn application no longer stops the worker from applying again.
    if (RELEASES_OPEN_KEY.includes(decision.status)) change.openKey = `closed:${record._id}`

    const _ = ctx.db.command
    const details = Object.entries(effects.details ?? {})
    await ref.update({
      data: {
        ...change,
        timeline: _.set(change.timeline),
        attachments: _.set(change.attachments ?? record.attachments),
        ...(details.length ? { details: Object.fromEntries(details.map(([k, v]) => [k, v === undefined ? _.remove() : _.set(v)])) } : {}),
      },
    })
    if (input.attachments?.length) await attachFiles(t.tx, input.attachments.map((a) => a.fileId), { collection: 'cases', id: record._id })
    const next: CaseRecord = { ...record, ...change, details: { ...record.details, ...effects.details } }
    for (const [k, v] of details) if (v === undefined) delete next.details[k]
    if (isUnionStep(actor)) await t.audit({ target: record._id, subjects: [record.ownerId], summary: STEP_SUMMARY[action](entry) })
    await t.notify(record.ownerId, ...noticeOf(spec, next, entry, effects.news))
    for (const { userId, notice } of effects.notices ?? []) if (userId !== record.ownerId) await t.notify(userId, notice)
    await writeRequestRow(t.tx, requestRowOfCase(next, spec.caseLink(next._id)))
    return next
  })
  try {
    return await attempt()
  } catch (error) {
    // A document the step creates (medical: the year's ledger) was created at the same moment by a
    // concurrent step: nothing of this one was written; once more, it reads the other's.
    if (error instanceof DuplicateKeyError) return attempt()
    throw error
  }
}
