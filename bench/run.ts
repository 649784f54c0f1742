/**
 * `npm run bench`: the numbers of the issues, as one table.
 *  - stations.nearby with a facility filter over 10,000 stations, inside the function (sqlite driver)
 *  - the same over HTTP with 50 connections, beside the same server's no-op endpoint (the ceiling)
 *  - the local runtime's resident memory after seeding and the requests above (≥ 10,000)
 *  - dist/weapp package sizes and WeChat's code quality scan (when dist/weapp is built)
 */
import autocannon from 'autocannon'
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createPii, generatePiiKey } from '../cloud/core/pii'
import { SqliteDb } from '../cloud/db/sqlite/driver'
import { FUNCTIONS } from '../cloud/functions/registry'
import { seedDemoData } from '../cloud/local/seed'
import { addBenchStations, nearbyQueries, percentile } from './fixtures'

const ROOT = resolve(__dirname, '..')
const rows: Array<[string, string, string, string]> = []
const row = (what: string, measured: string, goal: string, ok: boolean | null) =>
  rows.push([what, measured, goal, ok === null ? '—' : ok ? 'yes' : 'NO'])

async function nearbyInsideFunction() {
  const dir = mkdtempSync(join(tmpdir(), 'lugong-bench-fn-'))
  const db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
  const pii = createPii(generatePiiKey())
  await seedDemoData(db, pii, Date.now())
  await addBenchStations(db, 10_000)
  const runtime = { db, pii, openid: 'dev-worker', clock: Date.now }
  const queries = nearbyQueries(1_100)
  const times: number[] = []
  for (const [i, payload] of queries.entries()) {
    const start = process.hrtime.bigint()
    const res = await FUNCTIONS.stations.handle({ action: 'nearby', payload }, runtime)
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    if (!res.ok) throw new Error(JSON.stringify(res))
    if (i >= 100) times.push(ms) // the first 100 warm the statement cache and the JIT
  }
  times.sort((a, b) => a - b)
  const p95 = percentile(times, 95)
  row('stations.nearby + facility filter, 10,000 stations, in the function (p50 / p95 / p99)',
    `${percentile(times, 50).toFixed(2)} / ${p95.toFixed(2)} / ${percentile(times, 99).toFixed(2)} ms`, 'p95 ≤ 20 ms', p95 <= 20)
  db.close()
}

function startServer(): Promise<{ port: number; pid: number; stop(): void }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'bench/server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /READY (\d+)/.exec(chunk.toString())
      if (m) resolvePromise({ port: Number(m[1]), pid: child.pid!, stop: () => child.kill('SIGTERM') })
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

async function load(url: string, requests: autocannon.Request[], token: string) {
  const result = await autocannon({
    url,
    connections: 50,
    duration: 10,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests,
  })
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total }
}

async function overHttp() {
  const server = await startServer()
  try {
    const base = `http://127.0.0.1:${server.port}`
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'dev:worker' }) })
    const { data } = (await login.json()) as { data: { token: string } }
    const noop = await load(`${base}/api/noop`, [{ body: JSON.stringify({ action: 'noop', payload: {} }) }], data.token)
    const nearby = await load(
      `${base}/api/stations`,
      nearbyQueries(200).map((payload) => ({ body: JSON.stringify({ action: 'nearby', payload }) })),
      data.token,
    )
    const share = nearby.rps / noop.rps
    row('no-op endpoint over HTTP, 50 connections (the ceiling)', `${noop.rps.toFixed(0)} req/s, p99 ${noop.p99} ms, ${noop.errors} errors`, '—', null)
    row('stations.nearby + facility filter over HTTP, 50 connections', `${nearby.rps.toFixed(0)} req/s = ${(share * 100).toFixed(0)} % of the no-op, p99 ${nearby.p99} ms, ${nearby.errors} errors`, '≥ 25 % of the no-op', share >= 0.25 && nearby.errors === 0)
    const requests = noop.total + nearby.total
    const rss = rssMb(server.pid)
    row(`local runtime resident memory after seeding 10,064 stations and ${requests.toLocaleString('en')} requests`, `${rss.toFixed(0)} MB`, '≤ 200 MB', rss <= 200 && requests >= 10_000)
  } finally {
    server.stop()
  }
}

function weappSizes() {
  if (!existsSync(join(ROOT, 'dist/weapp/app.json'))) {
    row('dist/weapp sizes and WeChat code quality scan', 'not built (npm run build:weapp)', '—', null)
    return
  }
  let out: string
  try {
    out = execFileSync(process.execPath, [join(ROOT, 'scripts/check-weapp.cjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch (error) {
    out = (error as { stdout: string }).stdout
  }
  const report = JSON.parse(out.trim().split('\n').pop()!)
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  row('weapp main package', kb(report.sizes.main), '≤ 800 KB', report.sizes.main <= 800 * 1024)
  for (const [root, bytes] of Object.entries(report.sizes.subs as Record<string, number>)) {
    row(`weapp subpackage ${root}`, kb(bytes), '≤ 400 KB', bytes <= 400 * 1024)
  }
  const passed = report.items.filter((i: { success: boolean }) => i.success).length
  row('WeChat code quality scan (miniprogram-ci)', `${passed} of ${report.items.length} items pass${report.failed.length ? `; failing: ${report.failed.join(', ')}` : ''}`, 'every item', report.failed.length === 0)
}

async function main() {
  await nearbyInsideFunction()
  await overHttp()
  weappSizes()
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['measure', 'result', 'goal', 'met'][i].length))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  console.log(line(['measure', 'result', 'goal', 'met']))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const r of rows) console.log(line(r))
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
