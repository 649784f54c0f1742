/**
 * The local runtime for the HTTP benchmarks: a file database seeded like `npm start` plus 10,000
 * stations, served by the same `buildServer`. Prints `READY <port>` when listening.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPii, generatePiiKey } from '../cloud/core/pii'
import { SqliteDb } from '../cloud/db/sqlite/driver'
import { seedDemoData } from '../cloud/local/seed'
import { buildServer } from '../cloud/local/server'
import { addBenchStations } from './fixtures'

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'lugong-bench-'))
  const db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
  const pii = createPii(generatePiiKey())
  await seedDemoData(db, pii, Date.now())
  await addBenchStations(db, Number(process.env.BENCH_STATIONS ?? 10_000))
  const app = await buildServer({ db, pii, dev: true, tokenSecret: 'bench', filesDir: join(dir, 'files') })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
