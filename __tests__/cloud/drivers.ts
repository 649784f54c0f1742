import { cloudbaseDb } from '../../cloud/db/cloudbase'
import type { IndexSpec } from '../../cloud/db/indexes'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import type { Db } from '../../cloud/db/types'
import { createCloudbaseStandIn } from './cloudbaseStandIn'

export interface DriverOptions {
  /** The declared indexes; by default the portal's own (`INDEXES`). */
  indexes?: IndexSpec[]
  /**
   * Awaited before every database operation (sqlite: every statement body; the CloudBase
   * stand-in: every operation, inside transactions too), e.g. `() => new Promise((r) => setImmediate(r))`,
   * so that concurrent callers really interleave.
   */
  yieldBetween?: () => Promise<void>
}

export type OpenDb = (options?: DriverOptions) => Db & { close(): void }

/**
 * Both drivers, fresh and empty on each call: sqlite in memory, and `cloudbaseDb` (the production
 * driver) over the in-memory stand-in of wx-server-sdk's database. For `describe.each(DRIVERS)`.
 */
export const DRIVERS: Array<[name: string, open: OpenDb]> = [
  ['sqlite', (options = {}) => new SqliteDb({ filename: ':memory:', ...options })],
  ['cloudbase', (options = {}) => Object.assign(cloudbaseDb(createCloudbaseStandIn(options)), { close() {} })],
]

/** A yieldBetween that lets every other pending callback run first. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))
