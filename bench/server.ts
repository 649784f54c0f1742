/**
 * The local runtime for the HTTP benchmarks, seeded like `npm start` plus what a benchmark needs,
 * served as `npm start` serves it: the same `buildServer` gateway in the main thread, the same
 * `localCloud` in a thread of its own (`bench/cloud.ts`). Prints `READY <port>` when listening.
 *   BENCH_STATIONS=n   n more stations over Lucheng
 *   BENCH_PARENTS=n    n real-named workers `dev-rush-<i>` (log in with `dev:rush-<i>`)
 *   BENCH_CAPACITY=c   and a childcare class `bench-class` of c seats, taking sign-ups now
 *   BENCH_JOBS=n       n published jobs of 500 verified employers (`bench-job-*`)
 * With BENCH_STATIONS or BENCH_JOBS, `POST /bench/carry/stations` (or `/jobs`) checks the token as the
 * no-op does and answers what one real search answered, unchanged: what carrying the answer costs.
 * With BENCH_PARENTS, `GET /bench/rush` answers where each sign-up stood in the order calls reached
 * the childcare function, and what it answered (by openid), seen at the function's door.
 */
import { join } from 'node:path'
import { buildServer } from '../cloud/local/server'
import { startWorker } from '../cloud/local/thread'
import type { BenchCloud, Carried } from './cloud'

const TOKEN_SECRET = 'bench'

async function main() {
  const { remote: cloud, ready: carried } = await startWorker<BenchCloud, Carried>(join(__dirname, 'bench-cloud.js'), TOKEN_SECRET)
  const app = await buildServer({ cloud, dev: true, tokenSecret: TOKEN_SECRET })
  app.get('/bench/rush', () => cloud.seen())
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
