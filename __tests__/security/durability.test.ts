import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../cloud/db/types'
import { FUNCTIONS } from '../../cloud/functions/registry'
import { createHarness, MONDAY_10AM, type Harness } from '../cloud/harness'
import { post, startRuntimeProcess, type RuntimeProcess } from './runtimeProcess'

/**
 * SIGKILL durability: the local runtime is killed in the middle of a burst of station reports and
 * started again on the same folder. Every report it acknowledged is there, the database is whole,
 * the intents that were in flight make no second report when the app sends them again — and, in
 * process and deterministic, an intent a crash cut off is answered when it is sent again.
 */

const TOTAL = 300
const IN_FLIGHT = 20
const KILL_AFTER = 100
const STATION = 'demo-station-00001'

const reportOf = (i: number) => ({ stationId: STATION, kind: 'broken', text: `第${i}号反馈：微波炉坏了，加热没有反应` })
const intentOf = (i: number) => `burst-report-${i}`

describe('the local runtime killed mid-burst', () => {
  let dir: string
  let runtime: RuntimeProcess | undefined
  const acknowledged = new Map<number, string>()
  /** Sent, and no answer came before the kill. */
  const unanswered = new Set<number>()
  let token: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lugong-durability-'))
  })
  afterAll(async () => {
    await runtime?.stop('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  const env = () => ({ LUGONG_DATA_DIR: dir, LUGONG_SEED: 'on', NODE_ENV: 'development' })

  it('keeps every acknowledged report after a SIGKILL, and the database passes its integrity check', async () => {
    runtime = await startRuntimeProcess(env())
    token = (await post(`${runtime.url}/api/auth/login`, { code: 'dev:worker' })).data.token
    const first = runtime
    let next = 0
    let killed: Promise<void> | undefined
    const sender = async () => {
      while (next < TOTAL) {
        const i = next++
        unanswered.add(i)
        try {
          const res = await post(`${first.url}/api/stations`, { action: 'report', payload: reportOf(i), requestId: intentOf(i) }, token)
          if (!res.ok) throw new Error(JSON.stringify(res.error))
          unanswered.delete(i)
          acknowledged.set(i, res.data._id)
          if (acknowledged.size === KILL_AFTER) killed = first.stop('SIGKILL')
        } catch {
          return
        }
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, sender))
    await killed
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(acknowledged.size).toBeLessThan(TOTAL)

    runtime = await startRuntimeProcess(env())
    token = (await post(`${runtime.url}/api/auth/login`, { code: 'dev:worker' })).data.token
    // The worker's 我的办事 lists them (its rows are written again from the reports at start).
    const listed = new Set<string>()
    for (let cursor: string | undefined = '0'; cursor !== undefined; ) {
      const page = await post(`${runtime.url}/api/users`, { action: 'requests', payload: { limit: 50, cursor } }, token)
      expect(page.ok).toBe(true)
      for (const item of page.data.items) if (item.service === 'stations') listed.add(item.detail)
      cursor = page.data.nextCursor
    }
    expect(listed.size).toBeGreaterThanOrEqual(1)

    const file = new Database(join(dir, 'lugong.sqlite'), { readonly: true })
    try {
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
      const stored = new Set((file.prepare('SELECT _id FROM c_station_reports').pluck().all() as string[]))
      const lost = [...acknowledged].filter(([, id]) => !stored.has(id)).map(([i]) => intentOf(i))
      expect(lost).toEqual([])
      const rows = (file.prepare("SELECT count(*) FROM c_requests WHERE json_extract(doc, '$.service') = 'stations'").pluck().get() as number)
      expect(rows).toBe(stored.size)
    } finally {
      file.close()
    }
  }, 90_000)

  it('makes no second report of an intent that was in flight at the kill when the app sends it again', async () => {
    expect(unanswered.size).toBeGreaterThan(0)
    // A cut-off intent may keep its requestId busy (see the test below): the app gives up after a while.
    await Promise.all(
      [...unanswered].map((i) =>
        fetch(`${runtime!.url}/api/stations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: 'report', payload: reportOf(i), requestId: intentOf(i) }),
          signal: AbortSignal.timeout(3000),
        }).catch(() => undefined),
      ),
    )
    const file = new Database(join(dir, 'lugong.sqlite'), { readonly: true })
    try {
      const count = file.prepare("SELECT count(*) FROM c_station_reports WHERE json_extract(doc, '$.text') = ?").pluck()
      expect([...unanswered].filter((i) => (count.get(reportOf(i).text) as number) > 1).map(intentOf)).toEqual([])
    } finally {
      file.close()
    }
  }, 60_000)
})

/**
 * What a crash leaves in the middle of a call — its requestId reserved as `pending`, its work never
 * done or never marked done — must not keep that intent from being answered when it is sent again
 * (the app sends the same requestId until it gets an answer). In-process: a database whose
 * transactions never return stands for the process that died; the runtime started again has the
 * same database.
 */
describe('an intent cut off by a crash', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => {
    jest.useRealTimers()
    h.close()
  })

  it('is answered when sent again after the restart, with one report', async () => {
    const dead = Object.create(h.db, { runTransaction: { value: () => new Promise<never>(() => undefined) } }) as Db
    const payload = reportOf(1)
    void FUNCTIONS.stations.handle({ action: 'report', payload, requestId: 'cut-off-intent' }, { db: dead, pii: h.pii, openid: 'dev-worker', clock: () => MONDAY_10AM })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await h.all('idempotency')).toMatchObject([{ state: 'pending' }])

    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    const again = h.call('dev-worker', 'stations', 'report', payload, 'cut-off-intent')
    await jest.advanceTimersByTimeAsync(60_000)
    const res = await again
    expect(res.ok ? 'ok' : `${res.error.code} ${res.error.message}`).toBe('ok')
    expect(await h.all('station_reports')).toHaveLength(1)
  })
})
