/**
 * The cloud's thread of the bench's runtime (`bench/server.ts`): the demo data plus what a benchmark
 * asks for (its environment, read in the same process), and the childcare function watched at its door.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { workerData } from 'node:worker_threads'
import { createPii, generatePiiKey } from '../cloud/core/pii'
import { SqliteDb } from '../cloud/db/sqlite/driver'
import { FUNCTIONS } from '../cloud/functions/registry'
import { localCloud, type LocalCloud } from '../cloud/local/cloud'
import { seedDemoData } from '../cloud/local/seed'
import { failedToStart, serveToMainThread } from '../cloud/local/thread'
import { addBenchStations, addRealNamedWorkers, addRushClass, nearbyQueries } from './fixtures'
import { addBenchJobs, jobSearchQueries } from './jobsFixtures'

/** Where each sign-up stood in the order calls reached the childcare function, and what it answered, by openid. */
export type Seen = Record<string, { arrival: number; answer: unknown }>
/** One real search's answer, by function: what the carry route answers. */
export type Carried = { stations?: unknown; jobs?: unknown }
export type BenchCloud = LocalCloud & { seen(): Promise<Seen> }

async function cloudThread(tokenSecret: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lugong-bench-'))
  const db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
  const pii = createPii(generatePiiKey())
  await seedDemoData(db, pii, Date.now())
  const stations = Number(process.env.BENCH_STATIONS ?? 0)
  if (stations > 0) await addBenchStations(db, stations)
  const parents = Number(process.env.BENCH_PARENTS ?? 0)
  if (parents > 0) {
    await addRealNamedWorkers(db, pii, parents, 'dev-rush')
    await addRushClass(db, Number(process.env.BENCH_CAPACITY ?? 60))
  }
  const jobs = Number(process.env.BENCH_JOBS ?? 0)
  if (jobs > 0) await addBenchJobs(db, 500, jobs, Date.now())
  const seen: Seen = {}
  if (parents > 0) {
    const childcare = FUNCTIONS.childcare
    const handle = childcare.handle.bind(childcare)
    let arrivals = 0
    childcare.handle = async (call, runtime) => {
      const arrival = arrivals++
      const answer = await handle(call, runtime)
      if ((call as { action?: string }).action === 'enroll' && runtime.openid) seen[runtime.openid] = { arrival, answer }
      return answer
    }
  }
  const worker = { db, pii, clock: Date.now, openid: 'dev-worker' }
  const carried: Carried = {
    stations: stations > 0 ? await FUNCTIONS.stations.handle({ action: 'nearby', payload: nearbyQueries(1)[0] }, worker) : undefined,
    jobs: jobs > 0 ? await FUNCTIONS.jobs.handle({ action: 'search', payload: jobSearchQueries(1)[0] }, worker) : undefined,
  }
  const cloud = localCloud({ db, pii, filesDir: join(dir, 'files'), secret: tokenSecret })
  serveToMainThread<BenchCloud>({ ...cloud, seen: async () => seen }, carried)
}

// What stopped it goes to the main thread, which says so and ends the runtime.
cloudThread(workerData as string).catch(failedToStart)
