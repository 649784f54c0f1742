import type { ScheduledRuntime, ScheduledTask } from '../../core/scheduled'
import { forgetOldIntents } from '../../core/idempotency'
import { orphanUploads } from '../../core/files'
import { remindAppointments } from '../legal/reminders'

/**
 * Work on a clock (ARCHITECTURE.md): every task the portal does by itself, run by a timer trigger on
 * CloudBase and by an interval in the local runtime — the same code, idempotent, safe to run twice or late.
 */
export const HOUSEKEEPING_TASKS: Record<string, ScheduledTask> = {
  /** requestIds are remembered for a week. */
  forgetOldIntents: (rt) => forgetOldIntents(rt.db, rt.clock()),

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

  /** The day before a mediation-room appointment, the worker and the lawyer are reminded (once). */
  remindLegalAppointments: (rt) => remindAppointments(rt),
}

/** Runs every task; one failing does not stop the others. */
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
  return done
}
