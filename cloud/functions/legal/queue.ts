import { LEGAL_QUEUE_KEYS, LEGAL_QUEUES, LIMIT_WARNING_DAYS, type LegalContract, type LegalQueue } from '../../../types/legal'
import type { CaseRecord } from '../../core/cases/record'
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
  const filters: Record<string, unknown> = { service: 'legal' }
  if (input.category) filters['details.category'] = input.category
  if (input.limitSoon) filters['details.limitDate'] = _.lte(addDays(shanghaiDate(now), LIMIT_WARNING_DAYS - 1))
  const offset = decodeCursor(input.cursor)
  const [data, counts] = await Promise.all([queuePage(ctx, input.queue, filters, offset), queueCounts(ctx, now)])
  return {
    items: data.slice(0, PAGE).map((r) => legalSummary(ctx, r)),
    nextCursor: data.length > PAGE ? encodeCursor(offset + PAGE) : undefined,
    counts,
  }
}

/**
 * One page of a queue and one more case, each read in the order of an index: what waits on the
 * promise by its deadline (only those cases have one, `service_dueAt`), all of it or one state of it;
 * 援助中 by its state; the ended ones, three states, merged from an ordered read of each (a sort of all
 * of them would read every case the desk ever ended).
 */
async function queuePage(ctx: Ctx, queue: LegalQueue, filters: Record<string, unknown>, offset: number): Promise<CaseRecord[]> {
  const _ = ctx.db.command
  if (queue === 'todo' || queue === 'submitted' || queue === 'acknowledged') {
    const onPromise = { ...filters, 'details.dueAt': _.gte(0), ...(queue === 'todo' ? {} : { status: queue }) }
    return (await cases(ctx).where(onPromise).orderBy('details.dueAt', 'asc').skip(offset).limit(PAGE + 1).get()).data
  }
  const order = queue === 'ended' ? 'desc' : 'asc'
  // A read holds at most 1,000 documents (CloudBase): the ended queue pages back through the latest 1,000 of each state.
  const reach = Math.min(offset + PAGE + 1, 1000)
  const each = await Promise.all(
    LEGAL_QUEUES[queue].statuses.map(async (status) => (await cases(ctx).where({ ...filters, status }).orderBy('waitingSince', order).limit(reach).get()).data),
  )
  const merged = each.flat().sort((a, b) => (order === 'asc' ? a.waitingSince - b.waitingSince : b.waitingSince - a.waitingSince))
  return merged.slice(offset, offset + PAGE + 1)
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
