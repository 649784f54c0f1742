/**
 * The 9:00 rush (issue 14): 2,000 real-named workers sign a child up for a 60-seat class at once.
 *  - in the function on the sqlite driver, every call started at once: sign-ups per second (after
 *    one rush that warms the JIT, three runs on a fresh database each, the median judged)
 *  - over HTTP, 200 connections, beside the no-op in the same shape: sign-ups per second and p99
 *    against the no-op's, errors, seats, the line — three runs on a fresh runtime each, the median judged
 *  - in both: inversions, pairs of parents where the one whose sign-up reached the function first
 *    was told a worse place (a seat is better than the line, a lower position better than a higher)
 */
import autocannon from 'autocannon'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ArrivalOrder } from '../cloud/core/arrival'
import { createPii, generatePiiKey } from '../cloud/core/pii'
import { SqliteDb } from '../cloud/db/sqlite/driver'
import { FUNCTIONS } from '../cloud/functions/registry'
import { seedDemoData } from '../cloud/local/seed'
import { addRealNamedWorkers, addRushClass, median, rushSignUp } from './fixtures'
import { login, startServer } from './serverProcess'

type Row = (what: string, measured: string, goal: string, ok: boolean | null) => void
type Answer = { ok: boolean; data?: { status: string; waitlistPosition?: number } }

const PARENTS = 2000
const SEATS = 60
const RUNS = 3

/** A place as a number: 0 a seat, k the k-th in line. */
const placeOf = (a: Answer) => (a.data!.status === 'enrolled' ? 0 : a.data!.waitlistPosition!)

/**
 * Pairs (a, b) where a reached the function before b and was told a worse place. `arrivals[i]` is
 * where parent i's call stood in the order of arrival.
 */
export function inversions(arrivals: number[], answers: Answer[]): number {
  const places = answers
    .map((a, i) => ({ arrival: arrivals[i], place: a.ok ? placeOf(a) : null }))
    .filter((p): p is { arrival: number; place: number } => p.place !== null && p.arrival !== undefined)
    .sort((a, b) => a.arrival - b.arrival)
  let count = 0
  for (let i = 0; i < places.length; i++) {
    for (let j = i + 1; j < places.length; j++) if (places[i].place > places[j].place) count++
  }
  return count
}

/** Seats, and whether the line is 1…n without gaps or repeats. */
function outcome(answers: Answer[]) {
  const seats = answers.filter((a) => a.ok && a.data!.status === 'enrolled').length
  const positions = answers
    .filter((a) => a.ok && a.data!.status === 'waitlisted')
    .map((a) => a.data!.waitlistPosition!)
    .sort((a, b) => a - b)
  return { seats, waiting: positions.length, gapFree: positions.every((p, i) => p === i + 1), refused: answers.filter((a) => !a.ok).length }
}

/** Every sign-up started at once inside one process, as the local runtime would run them, on a fresh database. */
async function oneRunInFunction() {
  const dir = mkdtempSync(join(tmpdir(), 'lugong-bench-rush-'))
  const db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
  const pii = createPii(generatePiiKey())
  await seedDemoData(db, pii, Date.now())
  const openids = await addRealNamedWorkers(db, pii, PARENTS, 'dev-rush')
  await addRushClass(db, SEATS)
  // As the local runtime runs them: one process, its calls taking turns where an action asks for it,
  // the calls of a turn committed together.
  const arrivalOrder = new ArrivalOrder((calls) => db.together(calls))
  const started = process.hrtime.bigint()
  // Each call reaches the function in the order it is started: parent i is the i-th to arrive.
  const answers = (await Promise.all(
    openids.map((openid, i) =>
      FUNCTIONS.childcare.handle({ action: 'enroll', payload: rushSignUp(i), requestId: `rush-${i}-intent` }, { db, pii, openid, clock: Date.now, arrivalOrder }),
    ),
  )) as Answer[]
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  db.close()
  return { perSecond: PARENTS / seconds, answers, inverted: inversions(openids.map((_, i) => i), answers) }
}

export async function rushInFunction(row: Row) {
  // A first rush warms the JIT and the statement cache, as the other in-function rows discard their first 100 calls.
  await oneRunInFunction()
  const runs = []
  for (let run = 0; run < RUNS; run++) runs.push(await oneRunInFunction())
  const rate = median(runs.map((r) => r.perSecond))
  const results = runs.map((r) => outcome(r.answers))
  row(
    'childcare rush in the function (sqlite): 2,000 sign-ups started at once, 60 seats — sign-ups per second (three runs; median)',
    `${runs.map((r) => r.perSecond.toFixed(0)).join(' / ')} /s; median ${rate.toFixed(0)} /s = ${(1000 / rate).toFixed(3)} ms each`,
    '≥ 5,000 /s',
    rate >= 5000,
  )
  row(
    'childcare rush in the function: refused, seats, line, inversions of the order of arrival (each run)',
    runs.map((r, i) => `${results[i].refused} refused, ${results[i].seats} seats, ${results[i].waiting} in line${results[i].gapFree ? '' : ' WITH GAPS'}, ${r.inverted} inversions`).join('; '),
    '0, 60, 1,940 gap-free, 0',
    results.every((o) => o.refused === 0 && o.seats === SEATS && o.waiting === PARENTS - SEATS && o.gapFree) && runs.every((r) => r.inverted === 0),
  )
}

/** One rush over HTTP on a fresh runtime: the no-op in the same shape first, then the sign-ups. */
async function oneRunOverHttp() {
  const server = await startServer({ BENCH_PARENTS: String(PARENTS), BENCH_CAPACITY: String(SEATS) })
  try {
    const base = `http://127.0.0.1:${server.port}`
    const tokens: string[] = []
    for (let i = 0; i < PARENTS; i += 100) {
      const batch = await Promise.all(Array.from({ length: Math.min(100, PARENTS - i) }, (_, k) => login(base, `dev:rush-${i + k}`)))
      tokens.push(...batch)
    }
    // The ceiling in the same shape: 2,000 requests over 200 fresh connections.
    const noopToken = await login(base, 'dev:worker')
    const noopStarted = process.hrtime.bigint()
    const noop = await autocannon({
      url: `${base}/api/noop`,
      connections: 200,
      amount: PARENTS,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${noopToken}` },
      body: JSON.stringify({ action: 'noop', payload: {} }),
    })
    const noopPerSecond = PARENTS / (Number(process.hrtime.bigint() - noopStarted) / 1e9)

    let next = 0
    const started = process.hrtime.bigint()
    const result = await autocannon({
      url: `${base}/api/childcare`,
      connections: 200,
      amount: PARENTS,
      method: 'POST',
      requests: [
        {
          setupRequest: (request) => {
            const i = next++
            return {
              ...request,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
              body: JSON.stringify({ action: 'enroll', payload: rushSignUp(i), requestId: `rush-${i}-intent` }),
            }
          },
        },
      ],
    })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    // Where each sign-up stood in the order calls reached the function, and its answer, as the bench
    // server saw them at the function's door.
    const seen = (await (await fetch(`${base}/bench/rush`)).json()) as Record<string, { arrival: number; answer: Answer }>
    const parents = Array.from({ length: PARENTS }, (_, i) => i)
    const ordered = parents.map((i) => seen[`dev-rush-${i}`]?.answer ?? { ok: false })
    const inverted = inversions(parents.map((i) => seen[`dev-rush-${i}`]?.arrival), ordered)
    return {
      noopPerSecond,
      noopP99: noop.latency.p99,
      perSecond: PARENTS / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
      outcome: outcome(ordered),
      inverted,
    }
  } finally {
    server.stop()
  }
}
export async function rushOverHttp(row: Row) {
  const runs = []
  for (let run = 0; run < RUNS; run++) runs.push(await oneRunOverHttp())
  const shares = runs.map((r) => r.perSecond / r.noopPerSecond)
  const tails = runs.map((r) => r.p99 / r.noopP99)
  row(
    'no-op endpoint, 2,000 requests over 200 connections (the ceiling; three runs)',
    runs.map((r) => `${r.noopPerSecond.toFixed(0)} req/s p99 ${r.noopP99} ms`).join('; '),
    '—',
    null,
  )
  row(
    'childcare rush over HTTP: 2,000 workers, 60 seats, 200 connections — sign-ups per second, p50 / p99 (three runs)',
    runs.map((r) => `${r.perSecond.toFixed(0)} /s ${r.p50} / ${r.p99} ms`).join('; '),
    '—',
    null,
  )
  row(
    'childcare rush over HTTP: sign-ups per second as a share of the no-op (median of three)',
    `${shares.map((s) => `${(s * 100).toFixed(0)} %`).join(' / ')}; median ${(median(shares) * 100).toFixed(0)} %`,
    '≥ 60 %',
    median(shares) >= 0.6,
  )
  row(
    'childcare rush over HTTP: p99 against the no-op\'s p99 in the same run (median of three)',
    `${tails.map((t) => `${t.toFixed(1)}×`).join(' / ')}; median ${median(tails).toFixed(1)}×`,
    '≤ 3×',
    median(tails) <= 3,
  )
  row(
    'childcare rush over HTTP: errors, seats, line, inversions of the order of arrival (each run)',
    runs.map((r) => `${r.errors + r.outcome.refused} errors, ${r.outcome.seats} seats, ${r.outcome.waiting} in line${r.outcome.gapFree ? '' : ' WITH GAPS'}, ${r.inverted} inversions`).join('; '),
    '0, 60, 1,940 gap-free, 0',
    runs.every((r) => r.errors + r.outcome.refused === 0 && r.outcome.seats === SEATS && r.outcome.waiting === PARENTS - SEATS && r.outcome.gapFree && r.inverted === 0),
  )
}
