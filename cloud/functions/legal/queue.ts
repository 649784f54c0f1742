import { LEGAL_QUEUE_KEYS, LEGAL_QUEUES, LIMIT_WARNING_DAYS, type LegalContract, type LegalQueue } from '../../../types/legal'
import { cases } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { addDays, shanghaiDate } from '../../domain/workdays'
import { COLLECTIONS, type ThreadRecord } from './records'
import { legalSummary } from './views'

const PAGE = 20

type QueueInput = LegalContract['queue']['input']
type QueueOutput = LegalContract['queue']['output']

/** The states of a queue, as a query value. */
function statusOf(ctx: Ctx, queue: LegalQueue) {
  const statuses = LEGAL_QUEUES[queue].statuses
  return statuses.length === 1 ? statuses[0] : ctx.db.command.in([...statuses])
}

/**
 * The legal desk's queue. What waits on the promise (待受理, 待答复) is sorted by the deadline still
 * to keep — overdue first, then the least time left; cases helped already by how long they have
 * waited, the ended ones newest first. Filters: the category, and "the arbitration limit ends within
 * 60 days" (or has ended). The counts are of each whole queue, and of the overdue.
 */
export async function legalQueue(ctx: Ctx, input: QueueInput): Promise<QueueOutput> {
  const _ = ctx.db.command
  const now = ctx.now()
  const query: Record<string, unknown> = { service: 'legal', status: statusOf(ctx, input.queue) }
  if (input.category) query['details.category'] = input.category
  if (input.limitSoon) query['details.limitDate'] = _.lte(addDays(shanghaiDate(now), LIMIT_WARNING_DAYS - 1))
  const onPromise = input.queue === 'todo' || input.queue === 'submitted' || input.queue === 'acknowledged'
  const offset = decodeCursor(input.cursor)
  const ordered = onPromise
    ? cases(ctx).where(query).orderBy('details.dueAt', 'asc')
    : cases(ctx).where(query).orderBy('waitingSince', input.queue === 'ended' ? 'desc' : 'asc')
  const [{ data }, counts] = await Promise.all([ordered.skip(offset).limit(PAGE + 1).get(), queueCounts(ctx, now)])
  return {
    items: data.slice(0, PAGE).map((r) => legalSummary(ctx, r)),
    nextCursor: data.length > PAGE ? encodeCursor(offset + PAGE) : undefined,
    counts,
  }
}

async function queueCounts(ctx: Ctx, now: number): Promise<QueueOutput['counts']> {
  const _ = ctx.db.command
  const totals = await Promise.all([
    ...LEGAL_QUEUE_KEYS.map((queue) => cases(ctx).where({ service: 'legal', status: statusOf(ctx, queue) }).count()),
    // Only a case still on the promise has a deadline.
    cases(ctx).where({ service: 'legal', 'details.dueAt': _.lt(now) }).count(),
  ])
  const counts = Object.fromEntries(LEGAL_QUEUE_KEYS.map((queue, i) => [queue, totals[i].total])) as Record<LegalQueue, number>
  return { ...counts, overdue: totals[LEGAL_QUEUE_KEYS.length].total }
}

/** The lawyer's own list: the cases assigned to them, open ones first (longest waiting first), with their unread messages. */
export async function assignedCases(ctx: Ctx, input: LegalContract['assigned']['input']): Promise<LegalContract['assigned']['output']> {
  const _ = ctx.db.command
  const statuses = input.ended ? LEGAL_QUEUES.ended.statuses : (['acknowledged', 'granted'] as const)
  const offset = decodeCursor(input.cursor)
  const { data } = await cases(ctx)
    .where({ service: 'legal', assigneeId: ctx.user._id, status: _.in([...statuses]) })
    .orderBy('waitingSince', input.ended ? 'desc' : 'asc')
    .skip(offset)
    .limit(PAGE + 1)
    .get()
  const page = data.slice(0, PAGE)
  const threads = await Promise.all(page.map((r) => ctx.db.collection<ThreadRecord>(COLLECTIONS.threads).doc(r._id).get()))
  return {
    items: page.map((r, i) => legalSummary(ctx, r, threads[i].data?.assigneeUnread ?? 0)),
    nextCursor: data.length > PAGE ? encodeCursor(offset + PAGE) : undefined,
  }
}
