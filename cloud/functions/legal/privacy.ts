import type { DataSection } from '../../../types/mydata'
import { casePrivacyPart } from '../../core/cases/privacy'
import type { CaseRecord } from '../../core/cases/record'
import type { Ctx } from '../../core/context'
import { CLOSED_NAME, type PersonalDataPart } from '../../core/privacy'
import type { UserRecord } from '../../core/records'
import { formatShanghai } from '../../domain/time'
import { COLLECTIONS, detailsOf, type BookingRecord, type MessageRecord } from './records'
import { legalCaseSpec } from './spec'

/**
 * What stays of a legal case once its owner closed the account: its category, the promise's dates,
 * the outcome and the amount recovered, the stars given — the union's figures of legal help — and no
 * words of anyone's (the employer named, what happened, notes and comments go).
 */
function keptOnClosing(record: CaseRecord) {
  const d = detailsOf(record)
  return {
    kind: record.kind,
    category: d.category,
    promise: d.promise,
    means: { exempt: d.means.exempt, eligible: d.means.eligible },
    ...(d.outcome ? { outcome: { outcome: d.outcome.outcome, recoveredFen: d.outcome.recoveredFen, at: d.outcome.at } } : {}),
    ...(d.rating ? { rating: { stars: d.rating.stars, at: d.rating.at } } : {}),
    // The lawyers who handled it: their own data, theirs to take away when they close (`leaveCasesHandled`).
    ...(d.assigneeName ? { assigneeName: d.assigneeName } : {}),
    ...(d.assignees ? { assignees: d.assignees } : {}),
  }
}

const cases = casePrivacyPart({ ...legalCaseSpec, keptOnClosing })

async function caseIdsOf(ctx: Ctx, ownerId: string): Promise<string[]> {
  const { data } = await ctx.db.collection<CaseRecord>('cases').where({ ownerId, service: 'legal' }).limit(1000).get()
  return data.map((c) => c._id)
}

async function messagesOf(ctx: Ctx, caseIds: string[]): Promise<MessageRecord[]> {
  if (caseIds.length === 0) return []
  const { data } = await ctx.db.collection<MessageRecord>(COLLECTIONS.messages).where({ caseId: ctx.db.command.in(caseIds.slice(0, 100)) }).orderBy('at', 'asc').limit(1000).get()
  return data
}

/** A worker's legal cases as every case service's, with the messages on them and the appointments booked. */
export const legalPrivacyPart: PersonalDataPart = {
  consentsGiven: cases.consentsGiven,
  // The workflow's withdraw step cancels an appointment still to come, as the worker's own withdrawal does.
  withdrawOpen: cases.withdrawOpen,

  async collect(ctx, userId, whole): Promise<DataSection[]> {
    const sections = await cases.collect(ctx, userId, whole)
    const messages = await messagesOf(ctx, await caseIdsOf(ctx, userId))
    if (messages.length) {
      sections.push({
        key: 'legal',
        title: '法律援助留言',
        items: messages.map((m) => ({
          title: m.from === 'owner' ? '我的留言' : '律师的留言',
          at: m.at,
          rows: [{ label: '内容', value: whole ? ctx.pii.decrypt(m.text) : `（${formatShanghai(m.at, 'M月D日 HH:mm')}的留言，导出后可看全文）` }],
        })),
      })
    }
    return sections
  },

  async plan(ctx, userId) {
    const part = await cases.plan(ctx, userId)
    if ((await caseIdsOf(ctx, userId)).length) part.erased.push('法律援助的留言和预约')
    return part
  },

  async close(ctx, userId, alias) {
    const caseIds = await caseIdsOf(ctx, userId)
    const bookings = ctx.db.collection<BookingRecord>(COLLECTIONS.bookings)
    const now = ctx.now()
    // An appointment still to come frees its room slot.
    const { data: booked } = await bookings.where({ ownerId: userId, status: 'active' }).limit(1000).get()
    for (const b of booked.filter((b) => b.startAt > now)) {
      await bookings.doc(b._id).update({ data: { status: 'cancelled', slotKey: `cancelled:${b._id}`, caseKey: `released:${b._id}`, cancelledAt: now, cancelledBy: alias } })
    }
    // The messages go before the cases are handed to the alias: a closing cut off after this still finds them.
    for (let i = 0; i < caseIds.length; i += 100) {
      const batch = ctx.db.command.in(caseIds.slice(i, i + 100))
      await ctx.db.collection(COLLECTIONS.messages).where({ caseId: batch }).remove()
      await ctx.db.collection(COLLECTIONS.threads).where({ caseId: batch }).remove()
    }
    await cases.close(ctx, userId, alias)
    await bookings.where({ ownerId: userId }).update({ data: { ownerId: alias } })
    // As a lawyer of the panel: the cases, messages and appointments they kept stay, under the alias.
    await bookings.where({ assigneeId: userId }).update({ data: { assigneeId: alias } })
    await ctx.db.collection(COLLECTIONS.messages).where({ authorId: userId }).update({ data: { authorId: alias } })
    await bookings.where({ bookedBy: userId }).update({ data: { bookedBy: alias } })
    await bookings.where({ cancelledBy: userId }).update({ data: { cancelledBy: alias } })
    await leaveCasesHandled(ctx, userId, alias)
  },
}

/** A lawyer's name leaves every case they were ever assigned: the case keeps that a lawyer was, as 已注销. */
async function leaveCasesHandled(ctx: Ctx, userId: string, alias: string) {
  const { data: person } = await ctx.db.collection<UserRecord>('users').doc(userId).get()
  const name = person?.profile?.name
  const _ = ctx.db.command
  for (;;) {
    const { data } = await ctx.db.collection<CaseRecord>('cases').where({ service: 'legal', details: { assignees: _.all([userId]) } }).limit(100).get()
    for (const record of data) {
      const d = detailsOf(record)
      await ctx.db
        .collection<CaseRecord>('cases')
        .doc(record._id)
        .update({
          data: {
            details: {
              assignees: _.set((d.assignees ?? []).map((id) => (id === userId ? alias : id))),
              ...(name && d.assigneeName === name ? { assigneeName: CLOSED_NAME } : {}),
            },
            ...(name ? { timeline: _.set(record.timeline.map((e) => (e.assigneeName === name ? { ...e, assigneeName: CLOSED_NAME } : e))) } : {}),
          },
        })
    }
    if (data.length < 100) break
  }
}
