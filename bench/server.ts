/**
 * The local runtime for the HTTP benchmarks, seeded like `npm start` plus what a benchmark needs,
 * served by the same `buildServer`. Prints `READY <port>` when listening.
 *   BENCH_STATIONS=n   n more stations over Lucheng
 *   BENCH_PARENTS=n    n real-named workers `dev-rush-<i>` (log in with `dev:rush-<i>`)
 *   BENCH_CAPACITY=c   and a childcare class `bench-class` of c seats, taking sign-ups now
 *   BENCH_JOBS=n       n published jobs of 500 verified employers (`bench-job-*`)
 * With BENCH_STATIONS or BENCH_JOBS, `POST /bench/carry/stations` (or `/jobs`) checks the token as the
 * no-op does and answers what one real search answered, unchanged: what carrying the answer costs.
 * With BENCH_PARENTS, `GET /bench/rush` answers where each sign-up stood in the order calls reached
 * the childcare function, and what it answered (by openid), seen at the function's door.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPii, generatePiiKey } from '../cloud/core/pii'
import { SqliteDb } from '../cloud/db/sqlite/driver'
import { seedDemoData } from '../cloud/local/seed'
import { FUNCTIONS } from '../cloud/functions/registry'
import { buildServer } from '../cloud/local/server'
import { addBenchStations, addRealNamedWorkers, addRushClass, nearbyQueries } from './fixtures'
import { addBenchJobs, jobSearchQueries } from './jobsFixtures'

async function main() {
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
  const seen: Record<string, { arrival: number; answer: unknown }> = {}
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
  const app = await buildServer({ db, pii, dev: true, tokenSecret: 'bench', filesDir: join(dir, 'files') })
  app.get('/bench/rush', async () => seen)
  const worker = { db, pii, clock: Date.now, openid: 'dev-worker' }
  const carried = {
    stations: stations > 0 ? await FUNCTIONS.stations.handle({ action: 'nearby', payload: nearbyQueries(1)[0] }, worker) : undefined,
    jobs: jobs > 0 ? await FUNCTIONS.jobs.handle({ action: 'search', payload: jobSearchQueries(1)[0] }, worker) : undefined,
  }
  app.post<{ Params: { fn: 'stations' | 'jobs' } }>('/bench/carry/:fn', async (request, reply) => {
    await request.jwtVerify()
    return carried[request.params.fn] ?? reply.status(404).send()
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
