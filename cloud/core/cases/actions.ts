import {
  ApproveInput,
  AskInfoInput,
  CaseIdInput,
  MarkPaidInput,
  QUEUE_FILTERS,
  QueueInput,
  RejectInput,
  ResubmitInput,
  CaseRevealInput,
  type CaseContract,
  type CaseService,
  type QueueFilter,
} from '../../../types/cases'
import type { RoleRequirement } from '../../../types/roles'
import { Empty } from '../../../types/users'
import type { Ctx } from '../context'
import type { ActionDef } from '../defineFunction'
import { invalid } from '../errors'
import { checkAttachments } from '../files'
import { decodeCursor, encodeCursor } from '../paging'
import { SERVICE_MANIFEST } from '../../../types/services'
import { rebuildRequestsAction } from '../requests/rebuild'
import { rebuildCaseRequests } from './requestRow'
import { caseSummary, caseView, deskSummary, deskView, unseal } from './views'
import { cases, loadOwnCase, loadStaffCase, takeStep, type CaseServiceSpec } from './workflow'

const DAY_MS = 24 * 60 * 60 * 1000
const QUEUE_PAGE = 20
const OPEN_QUEUES: QueueFilter[] = ['waiting', 'in_review', 'needs_info', 'approved']

type CaseActions = { [K in keyof CaseContract]: ActionDef<CaseContract[K]['input'], CaseContract[K]['output']> }

/** The worker's own cases of a service, latest first (legal help has its own table, and this action in it). */
export function myCasesAction(service: CaseService): CaseActions['mine'] {
  return {
    roles: ['worker'],
    input: Empty,
    access: 'read',
    audited: false,
    async run(ctx) {
      const { data } = await cases(ctx).where({ ownerId: ctx.user._id, service }).orderBy('submittedAt', 'desc').limit(50).get()
      return { items: data.map(caseSummary) }
    },
  }
}

/** The worker withdraws their own case, as the service's workflow allows. */
export function withdrawAction<S>(spec: CaseServiceSpec<S>): CaseActions['withdraw'] {
  return {
    roles: ['worker'],
    input: CaseIdInput,
    access: 'write',
    remember: true,
    audited: false,
    run: async (ctx, input) => caseSummary(await takeStep(ctx, spec, input.caseId, 'withdraw')),
  }
}

/**
 * The actions every case service shares, built once (the issue: "build the case workflow once"):
 * the worker's (`mine`, `case`, `resubmit`, `withdraw`) and the desk's (`queue`, `deskCase`,
 * `claim`, `askInfo`, `approve`, `reject`, `markPaid`, `reveal`). The service adds its own submit.
 */
export function caseActions<S>(spec: CaseServiceSpec<S>): CaseActions {
  const staff: RoleRequirement[] = [`volunteer:${spec.service}`, 'admin']
  const staffStep =
    <I extends { caseId: string }>(action: 'claim' | 'askInfo' | 'approve' | 'reject' | 'markPaid') =>
    async (ctx: Ctx, input: I) =>
      deskSummary(ctx, await takeStep(ctx, spec, input.caseId, action, input))
  /** A desk step: audited in its own transaction; a repeat of its requestId gets the same summary. */
  const deskStep = { roles: staff, access: 'write', remember: true, audited: true } as const

  return {
    mine: myCasesAction(spec.service),

    case: {
      roles: ['worker'],
      input: CaseIdInput,
      access: 'read',
      audited: false,
      run: async (ctx, input) => caseView(ctx, spec, await loadOwnCase(ctx, spec.service, input.caseId)),
    },

    resubmit: {
      roles: ['worker'],
      input: ResubmitInput,
      access: 'write',
      remember: true,
      audited: false,
      async run(ctx, input) {
        const record = await loadOwnCase(ctx, spec.service, input.caseId)
        if (input.attachments.length === 0 && !input.note) {
          throw invalid({ attachments: '请上传补充的材料或写明情况' })
        }
        const attachments = await checkAttachments(ctx, spec.service, input.attachments, record.materials, record.attachments)
        return caseSummary(await takeStep(ctx, spec, record._id, 'resubmit', { note: input.note || undefined, attachments }))
      },
    },

    withdraw: withdrawAction(spec),

    queue: {
      roles: staff,
      input: QueueInput,
      access: 'read',
      audited: false,
      async run(ctx, input) {
        const _ = ctx.db.command
        const query: Record<string, unknown> = queueQuery(ctx, spec, input.filter)
        if (input.minWaitDays) query.waitingSince = _.lte(ctx.now() - input.minWaitDays * DAY_MS)
        if (input.mineOnly) query.assigneeId = ctx.user._id
        const offset = decodeCursor(input.cursor)
        // Queues to work are oldest first; the finished ones, latest first.
        const order = input.filter === 'closed' ? 'desc' : 'asc'
        const [{ data }, counts] = await Promise.all([
          cases(ctx).where(query).orderBy('waitingSince', order).skip(offset).limit(QUEUE_PAGE + 1).get(),
          queueCounts(ctx, spec),
        ])
        return {
          items: data.slice(0, QUEUE_PAGE).map((r) => deskSummary(ctx, r)),
          nextCursor: data.length > QUEUE_PAGE ? encodeCursor(offset + QUEUE_PAGE) : undefined,
          counts,
        }
      },
    },

    deskCase: {
      roles: staff,
      input: CaseIdInput,
      access: 'read',
      // Reading a case shows the household and what happened to them: recorded like a reveal.
      audited: true,
      async run(ctx, input) {
        const record = await loadStaffCase(ctx, spec.service, input.caseId)
        await ctx.audit({ target: record._id, subjects: [record.ownerId], summary: '查看申请' })
        const view = deskView(ctx, spec, record)
        const open = record.status === 'in_review' || record.status === 'submitted' || record.status === 'resubmitted'
        if (!open || !spec.currentSuggestion) return view
        const now = await spec.currentSuggestion(ctx, record)
        return { ...view, suggestedFen: now.suggestedFen, maxFen: now.maxFen, suggestionNote: now.why }
      },
    },

    claim: { ...deskStep, input: CaseIdInput, run: staffStep('claim') },
    askInfo: { ...deskStep, input: AskInfoInput, run: staffStep('askInfo') },
    approve: { ...deskStep, input: ApproveInput, run: staffStep('approve') },
    reject: { ...deskStep, input: RejectInput, run: staffStep('reject') },
    markPaid: { ...deskStep, input: MarkPaidInput, run: staffStep('markPaid') },

    reveal: {
      roles: staff,
      input: CaseRevealInput,
      // A read: the answer is personal data in the clear, so its requestId is never remembered.
      access: 'read',
      audited: true,
      async run(ctx, input) {
        const record = await loadStaffCase(ctx, spec.service, input.caseId)
        const field = Object.hasOwn(spec.revealable, input.field) ? spec.revealable[input.field] : undefined
        if (!field) throw invalid({ field: '这项信息不能查看' })
        await ctx.audit({ target: record._id, subjects: [record.ownerId], summary: `查看${field.label}`, fields: [input.field] })
        return { field: input.field, value: field.value(record, unseal(ctx, record)) }
      },
    },

    rebuildRequests: rebuildRequestsAction(`${SERVICE_MANIFEST[spec.service].name}申请`, (db) => rebuildCaseRequests(db, spec.service, spec.caseLink)),
  }
}

/** The cases of one service in the states of one queue. */
function queueQuery(ctx: Ctx, spec: CaseServiceSpec, filter: QueueFilter) {
  const statuses = QUEUE_FILTERS[filter].statuses
  return { service: spec.service, status: statuses.length === 1 ? statuses[0] : ctx.db.command.in([...statuses]) }
}

async function queueCounts(ctx: Ctx, spec: CaseServiceSpec) {
  const totals = await Promise.all(OPEN_QUEUES.map((filter) => cases(ctx).where(queueQuery(ctx, spec, filter)).count()))
  return Object.fromEntries(OPEN_QUEUES.map((filter, i) => [filter, totals[i].total])) as Partial<Record<QueueFilter, number>>
}
