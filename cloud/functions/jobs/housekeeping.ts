import { formatShanghai } from '../../domain/time'
import { hasEnded, reminderDue } from '../../domain/jobs/fairs'
import type { InboxRecord } from '../../core/records'
import { writeRequestRow } from '../../core/requests/row'
import type { ScheduledRuntime } from '../../core/scheduled'
import { fairSignUps, fairs, jobs, type FairSignUpRecord } from './records'
import { fairLink, requestRowOfFairSignUp } from './requests'

const DAY_MS = 24 * 60 * 60 * 1000
const BATCH = 100

/**
 * Jobs past the end of their closing day are marked closed (searches never show them even before
 * this runs: they ask for `closesAt` after now). One conditional update; running it again finds none.
 */
export async function closeExpiredJobs(rt: ScheduledRuntime): Promise<number> {
  const now = rt.clock()
  const _ = rt.db.command
  const { stats } = await jobs(rt.db)
    .where({ status: 'published', closesAt: _.lte(now) })
    .update({ data: { status: 'closed', listed: false, closedAt: now, closedReason: 'expired', updatedAt: now } })
  return stats.updated
}

/**
 * The reminder the day before a fair (from 9:00) to everyone signed up: each sign-up is marked as
 * reminded in the same transaction as its message, so a run twice or late sends it once.
 */
export async function remindFairSignUps(rt: ScheduledRuntime): Promise<number> {
  const now = rt.clock()
  const _ = rt.db.command
  const { data: soon } = await fairs(rt.db)
    .where({ status: 'open', startsAt: _.gt(now).and(_.lte(now + 2 * DAY_MS)) })
    .limit(100)
    .get()
  let sent = 0
  for (const fair of soon.filter((f) => reminderDue(f.startsAt, now))) {
    for (;;) {
      const { data } = await fairSignUps(rt.db).where({ fairId: fair._id, status: 'signed', remindedAt: _.exists(false) }).limit(BATCH).get()
      for (const signUp of data) {
        const reminded = await rt.db.runTransaction(async (tx) => {
          const ref = tx.collection<FairSignUpRecord>('fair_signups').doc(signUp._id)
          const { data: current } = await ref.get()
          if (!current || current.status !== 'signed' || current.remindedAt !== undefined) return false
          await ref.update({ data: { remindedAt: now } })
          const place = fair.venue ? `，地点：${fair.venue}${fair.address ? `（${fair.address}）` : ''}` : fair.link ? '，线上参加请从招聘会页面进入' : ''
          const message: Omit<InboxRecord, '_id'> = {
            userId: current.userId,
            title: `明天有招聘会：${fair.title}`,
            body: `${formatShanghai(fair.startsAt, 'M月D日 HH:mm')}开始${place}。不能参加的话，请在开始前取消报名。`,
            link: fairLink(fair._id),
            read: false,
            createdAt: now,
          }
          await tx.collection<Omit<InboxRecord, '_id'>>('inbox').add({ data: message })
          return true
        })
        if (reminded) sent++
      }
      if (data.length < BATCH) break
    }
  }
  return sent
}

/** Once a fair is over, its sign-ups leave the open part of 我的办事 (已结束); the fair is then marked done. */
export async function finishEndedFairs(rt: ScheduledRuntime): Promise<number> {
  const now = rt.clock()
  const _ = rt.db.command
  const { data: over } = await fairs(rt.db).where({ endsAt: _.lte(now), ended: _.exists(false) }).limit(100).get()
  let rows = 0
  for (const fair of over.filter((f) => hasEnded(f.endsAt, now))) {
    for (;;) {
      const { data } = await fairSignUps(rt.db).where({ fairId: fair._id, fairEnded: _.exists(false) }).limit(BATCH).get()
      for (const signUp of data) {
        await fairSignUps(rt.db).doc(signUp._id).update({ data: { fairEnded: true } })
        await writeRequestRow(rt.db, requestRowOfFairSignUp({ ...signUp, fairEnded: true }))
        rows++
      }
      if (data.length < BATCH) break
    }
    await fairs(rt.db).doc(fair._id).update({ data: { ended: true } })
  }
  return rows
}
