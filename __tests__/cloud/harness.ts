import type { Envelope } from '../../types/envelope'
import { ArrivalOrder } from '../../cloud/core/arrival'
import type { Runtime } from '../../cloud/core/context'
import { createPii } from '../../cloud/core/pii'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { FUNCTIONS } from '../../cloud/functions/registry'
import { seedDemoData } from '../../cloud/local/seed'
import { DRIVERS, type OpenDb } from './drivers'

/** Monday 30 November 2026, 10:00 in Wenzhou. */
export const MONDAY_10AM = Date.parse('2026-11-30T10:00:00+08:00')

export const TEST_PII_KEY = Buffer.alloc(64, 7)

/**
 * A fresh in-memory database with the demo personas (and stations), and a clock the test moves.
 * On the sqlite driver unless told otherwise (`driver`, or LUGONG_TEST_DRIVER=cloudbase for a whole
 * run on the CloudBase stand-in).
 */
export async function createHarness(options: { seed?: boolean; driver?: OpenDb; yieldBetween?: () => Promise<void> } = {}) {
  const [driver, open] = options.driver
    ? (DRIVERS.find(([, o]) => o === options.driver) ?? ['custom', options.driver])
    : DRIVERS.find(([name]) => name === (process.env.LUGONG_TEST_DRIVER ?? 'sqlite'))!
  const db = open({ yieldBetween: options.yieldBetween })
  // The local runtime (sqlite) serves every call in one process and keeps the order of arrival,
  // committing the calls of a turn together; CloudBase does not.
  const arrivalOrder = driver === 'sqlite' && db instanceof SqliteDb ? new ArrivalOrder((calls) => db.together(calls)) : undefined
  const pii = createPii(TEST_PII_KEY)
  let now = MONDAY_10AM
  if (options.seed !== false) await seedDemoData(db, pii, now)

  /** Calls an action as `openid` (null: nobody signed in), exactly as a transport would. */
  async function call<T = unknown>(
    openid: string | null,
    fn: string,
    action: string,
    payload?: unknown,
    requestId?: string,
  ): Promise<Envelope<T>> {
    return callWith<T>({}, openid, fn, action, payload, requestId)
  }

  /** `call` on a runtime with more of the platform: file links, CloudBase storage, subscribe. */
  async function callWith<T = unknown>(
    platform: Partial<Pick<Runtime, 'fileLink' | 'cloudStorage' | 'subscribe'>>,
    openid: string | null,
    fn: string,
    action: string,
    payload?: unknown,
    requestId?: string,
  ): Promise<Envelope<T>> {
    return FUNCTIONS[fn].handle({ action, payload, requestId }, { db, pii, openid, clock: () => now, arrivalOrder, ...platform }) as Promise<Envelope<T>>
  }

  /** Like `call`, but the test fails unless the call succeeded. */
  async function ok<T = any>(openid: string, fn: string, action: string, payload?: unknown, requestId?: string): Promise<T> {
    const res = await call<T>(openid, fn, action, payload, requestId)
    if (!res.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(res.error)}`)
    return res.data
  }

  /** Every document of a collection, to check that a refused call wrote nothing. */
  async function all(collection: string) {
    return (await db.collection(collection).limit(1000).get()).data
  }

  return {
    db,
    pii,
    call,
    callWith,
    ok,
    all,
    setNow: (ms: number) => {
      now = ms
    },
    close: () => db.close(),
  }
}

export type Harness = Awaited<ReturnType<typeof createHarness>>
