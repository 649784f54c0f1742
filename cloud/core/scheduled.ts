import type { Db } from '../db/types'
import type { FileRecord } from './files'

/** What scheduled work runs with: no caller, the database, the clock and the file store. */
export interface ScheduledRuntime {
  db: Db
  clock: () => number
  /** Removes a stored file's bytes (local disk, or CloudBase storage). */
  removeFile(file: FileRecord): Promise<void>
  /** The local runtime's SQLite file: folds its write-ahead log in, so deleted data lingers nowhere. */
  compact?(): Promise<void>
}

/** One task of the housekeeping function: idempotent, safe to run twice or late; answers how much it did. */
export type ScheduledTask = (runtime: ScheduledRuntime) => Promise<number>
