import type { ScheduledRuntime, ScheduledTask } from '../../core/scheduled'
import { forgetOldIntents } from '../../core/idempotency'
import { EXPORT_LINK_MS, orphanUploads, type FileRecord } from '../../core/files'
import { closeExpiredJobs, finishEndedFairs, remindFairSignUps } from '../jobs/housekeeping'
import { remindAppointments } from '../legal/reminders'
import { forgetOldFigures } from '../../core/figures'

/**
 * Work on a clock (ARCHITECTURE.md): every task the portal does by itself, run by a timer trigger on
 * CloudBase and by an interval in the local runtime — the same code, idempotent, safe to run twice or late.
 */
export const HOUSEKEEPING_TASKS: Record<string, ScheduledTask> = {
  /** requestIds are remembered for a week. */
  forgetOldIntents: (rt) => forgetOldIntents(rt.db, rt.clock()),

  /** Copies of a person's data are theirs for 24 hours (我的数据 makes a new one on request). */
  async removeOldExports(rt) {
    const { data } = await rt.db
      .collection<FileRecord>('files')
      .where({ service: 'account', createdAt: rt.db.command.lt(rt.clock() - EXPORT_LINK_MS) })
      .limit(100)
      .get()
    for (const file of data) {
      await rt.removeFile(file)
      await rt.db.collection('files').doc(file._id).remove()
    }
    return data.length
  },

  /** Uploads nothing refers to, once no draft on a phone could still hold them. */
  async removeOrphanUploads(rt) {
    let removed = 0
    for (;;) {
      const orphans = await orphanUploads(rt.db, rt.clock())
      for (const file of orphans) {
        await rt.removeFile(file)
        await rt.db.collection('files').doc(file._id).remove()
        removed++
      }
      if (orphans.length < 100) return removed
    }
  },

  /** Jobs past their closing day are marked closed (workers never see them even before). */
  closeExpiredJobs,
  /** The day before a fair, a reminder to each worker signed up, once. */
  remindFairSignUps,
  /** A fair that is over leaves the open part of its sign-ups' 我的办事. */
  finishEndedFairs,
  /** The day before a mediation-room appointment, the worker and the lawyer are reminded (once). */
  remindLegalAppointments: (rt) => remindAppointments(rt),
  /** Figures counted for a period nobody has asked about for a day. */
  forgetOldFigures: (rt) => forgetOldFigures(rt, rt.clock()),
}

/** Runs every task; one failing does not stop the others. Then folds the log in (local runtime). */
export async function runHousekeeping(rt: ScheduledRuntime): Promise<Record<string, number | string>> {
  const done: Record<string, number | string> = {}
  for (const [name, task] of Object.entries(HOUSEKEEPING_TASKS)) {
    try {
      done[name] = await task(rt)
    } catch (error) {
      console.error(`[housekeeping.${name}]`, error instanceof Error ? error.name : typeof error)
      done[name] = 'failed'
    }
  }
  await rt.compact?.()
  return done
}
