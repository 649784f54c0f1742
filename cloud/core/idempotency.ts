import { createHash } from 'node:crypto'
import { DuplicateKeyError } from '../db/types'
import type { Runtime } from './context'
import { AppError } from './errors'

interface IdempotencyRecord {
  state: 'pending' | 'done'
  result?: unknown
  createdAt: number
}

const POLL_MS = 20
const WAIT_MS = 15_000
/** How long a `requestId` is remembered: far longer than any retry of the same tap. */
export const INTENT_MEMORY_MS = 7 * 24 * 60 * 60 * 1000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One result per user intent: the first call with a `requestId` reserves it (a UNIQUE `_id`), runs,
 * and stores its result; repeats – even simultaneous ones – wait for and return that result.
 * A call that fails releases the reservation, so the worker can correct the form and send again.
 */
export async function withIdempotency<R>(
  runtime: Runtime,
  scope: string,
  openid: string,
  requestId: string,
  run: () => Promise<R>,
): Promise<R> {
  const records = runtime.db.collection<IdempotencyRecord>('idempotency')
  const key = createHash('sha256').update(`${scope}\n${openid}\n${requestId}`).digest('hex')
  try {
    await records.add({ data: { _id: key, state: 'pending', createdAt: runtime.clock() } })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    return waitForFirst<R>(runtime, key)
  }
  try {
    const result = await run()
    // Stored whole (`set`), not merged field by field.
    const stored = runtime.db.command.set(result === undefined ? null : result)
    await records.doc(key).update({ data: { state: 'done', result: stored } })
    return result
  } catch (error) {
    await records.doc(key).remove()
    throw error
  }
}

async function waitForFirst<R>(runtime: Runtime, key: string): Promise<R> {
  const records = runtime.db.collection<IdempotencyRecord>('idempotency')
  for (let waited = 0; waited <= WAIT_MS; waited += POLL_MS) {
    const { data } = await records.doc(key).get()
    if (!data) throw new AppError('CONFLICT', '上一次提交没有成功，请重新提交')
    if (data.state === 'done') return data.result as R
    await sleep(POLL_MS)
  }
  throw new AppError('RESOURCE_EXHAUSTED', '正在处理上一次提交，请稍后查看结果')
}

/** Forgets the results of intents older than `INTENT_MEMORY_MS`; the local runtime runs it hourly. */
export async function forgetOldIntents(db: Runtime['db'], now: number): Promise<number> {
  const { stats } = await db
    .collection<IdempotencyRecord>('idempotency')
    .where({ createdAt: db.command.lt(now - INTENT_MEMORY_MS) })
    .remove()
  return stats.removed
}
