import { createHash, randomUUID } from 'node:crypto'
import { DuplicateKeyError } from '../db/types'
import type { Runtime } from './context'
import { AppError } from './errors'

/**
 * A `requestId` bound to one intent. Holds the hash of the payload it was first sent with and, once
 * answered, the answer — only ever an action's summary, never personal data.
 */
interface IntentRecord {
  /** Whose intent: removed with everything else of theirs when the account closes. */
  userId: string
  state: 'pending' | 'done'
  /** Which call holds the reservation, so that a takeover releases only the one it saw. */
  holder: string
  payloadHash: string
  result?: unknown
  createdAt: number
}

const POLL_MS = 20
/**
 * How long a repeat waits for the first call of its intent. Longer than any call runs (CloudBase
 * stops a function after 10 s): a first call still pending by then was cut off (a crash, a timeout),
 * and the repeat takes the intent over rather than leave the worker refused for a week.
 */
const WAIT_MS = 20_000
/** How long a `requestId` is remembered: far longer than any retry of the same tap. */
export const INTENT_MEMORY_MS = 7 * 24 * 60 * 60 * 1000

export const DIFFERENT_PAYLOAD = '这次提交和上一次不一致，请刷新后重新提交'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** One user intent: its key (the scope, the user, the requestId) and the hash of the payload it was sent with. */
export interface Intent {
  key: string
  payloadHash: string
}

/**
 * The validated payload (schema order, unknown keys dropped) is what a requestId is bound to. An
 * intent kept with a record that outlives the account (`remember: 'record'`) is keyed with the
 * server's secret (`keyed`): its key is then no value anyone could compute from the openid.
 */
export function intentOf(scope: string, userId: string, requestId: string, payload: unknown, keyed: (text: string) => string = sha256): Intent {
  const key = keyed(`${scope}\n${userId}\n${requestId}`)
  return { key, payloadHash: sha256(`${key}\n${JSON.stringify(payload ?? null)}`) }
}

/** A repeat of an intent kept with its record: the same payload, or CONFLICT. */
export function mustBeSameIntent(intent: Intent, storedHash: string | undefined): void {
  if (storedHash !== intent.payloadHash) throw new AppError('CONFLICT', DIFFERENT_PAYLOAD)
}

/**
 * One answer per user intent, as payment APIs do it: the first call with a `requestId` reserves it
 * with the hash of its payload (keyed by the intent), runs, and stores its answer; a repeat with the
 * same payload — even a simultaneous one — gets that answer; the same id with another payload is a
 * CONFLICT. Only a successful answer binds the id: an error releases it, so a worker who corrects a
 * field may send again with the same id.
 */
export async function withIdempotency<R>(
  runtime: Runtime,
  scope: string,
  userId: string,
  requestId: string,
  payload: unknown,
  run: () => Promise<R>,
): Promise<R> {
  const records = runtime.db.collection<IntentRecord>('idempotency')
  const { key, payloadHash } = intentOf(scope, userId, requestId, payload)
  const started = runtime.clock()
  for (let waited = 0; ; waited += POLL_MS) {
    try {
      await records.add({ data: { _id: key, userId, state: 'pending', holder: randomUUID(), payloadHash, createdAt: started } })
      break
    } catch (error) {
      if (!(error instanceof DuplicateKeyError)) throw error
    }
    const { data } = await records.doc(key).get()
    if (data) {
      if (data.payloadHash !== payloadHash) throw new AppError('CONFLICT', DIFFERENT_PAYLOAD)
      if (data.state === 'done') return data.result as R
      if (waited >= WAIT_MS) {
        // Cut off: released (only if it is still that same pending reservation), then reserved again above.
        await records.where({ _id: key, state: 'pending', holder: data.holder }).remove()
        waited = 0
        continue
      }
    }
    // Still running elsewhere, or just released by a failed first try: wait, then try again.
    await sleep(POLL_MS)
  }
  let result: R
  try {
    result = await run()
  } catch (error) {
    await records.doc(key).remove()
    throw error
  }
  // Stored whole (`set`), not merged field by field.
  const stored = runtime.db.command.set(result === undefined ? null : result)
  await records.doc(key).update({ data: { state: 'done', result: stored } })
  return result
}

/**
 * Forgets every intent of a person: their account is closing. Unindexed on purpose: a closing is
 * rare, and every tap of the rush would pay for the index.
 */
export async function forgetIntentsOf(db: Runtime['db'], userId: string): Promise<void> {
  await db.collection<IntentRecord>('idempotency').where({ userId }).remove()
}

/** Forgets the intents older than `INTENT_MEMORY_MS`; housekeeping runs it. */
export async function forgetOldIntents(db: Runtime['db'], now: number): Promise<number> {
  const { stats } = await db
    .collection<IntentRecord>('idempotency')
    .where({ createdAt: db.command.lt(now - INTENT_MEMORY_MS) })
    .remove()
  return stats.removed
}
