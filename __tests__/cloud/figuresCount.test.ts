import { countFigures } from '../../cloud/core/figures'
import { tally } from '../../cloud/domain/figures/definition'
import { AID_FIGURES } from '../../cloud/domain/figures/aid'
import { CHILDCARE_FIGURES } from '../../cloud/domain/figures/childcare'
import { JOBS_FIGURES } from '../../cloud/domain/figures/jobs'
import { LEGAL_FIGURES } from '../../cloud/domain/figures/legal'
import { MEDICAL_FIGURES } from '../../cloud/domain/figures/medical'
import { periodOf } from '../../cloud/domain/figures/period'
import { STATIONS_FIGURES } from '../../cloud/domain/figures/stations'
import type { PeriodChoice } from '../../types/figures'
import { createHarness, type Harness } from './harness'

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const START = Date.parse('2025-01-01T00:00:00+08:00')
const SPAN = Date.parse('2027-01-01T00:00:00+08:00') - START
const DAY = 86_400_000

/**
 * Records of every collection the figures read, spread over 2025 and 2026 with every field now and
 * then missing, written straight into the database: the kinds of records the services write.
 */
function recordsOf(seed: number) {
  const r = prng(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]
  const at = () => START + Math.floor(r() * SPAN)
  const maybe = <T>(value: T, p = 0.7) => (r() < p ? value : undefined)
  const date = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
  const cases = Array.from({ length: 160 }, (_v, i) => {
    const service = pick(['aid', 'medical', 'legal'] as const)
    const submittedAt = at()
    const status = pick(['submitted', 'in_review', 'approved', 'paid', 'rejected', 'withdrawn', 'granted', 'closed', 'declined'])
    const decidedAt = maybe(submittedAt + Math.floor(r() * 20 * DAY))
    const outcomeAt = maybe(submittedAt + Math.floor(r() * 90 * DAY), 0.4)
    return {
      _id: `case-${i}`,
      openKey: `figures:${i}`,
      service,
      kind: pick(['winter_warmth', 'autumn_education', 'inpatient', 'accident', 'wage_arrears', 'work_injury']),
      ownerId: `owner-${Math.floor(r() * 40)}`,
      status,
      submittedAt,
      acknowledgedAt: maybe(submittedAt + Math.floor(r() * 3 * DAY)),
      decidedAt,
      paidAt: maybe(submittedAt + Math.floor(r() * 40 * DAY), 0.5),
      amountFen: maybe(Math.floor(r() * 500_000)),
      details: {
        tier: maybe(pick(['deep', 'relative', 'accident', 'none'])),
        promise: { acknowledgeDueAt: submittedAt + 2 * DAY, decideDueAt: submittedAt + 9 * DAY },
        ...(outcomeAt ? { outcome: { outcome: pick(['mediated', 'arbitration', 'lawsuit']), at: outcomeAt, recoveredFen: maybe(Math.floor(r() * 3_000_000)) } } : {}),
      },
    }
  })
  const stations = Array.from({ length: 40 }, (_v, i) => ({
    _id: `st-${i}`,
    type: pick(['rest_stop', 'reading_room', 'workers_home', 'mediation']),
    status: pick(['open', 'open', 'closed']),
    areaM2: maybe(20 + Math.floor(r() * 400)),
    createdAt: at(),
  }))
  const reports = Array.from({ length: 50 }, (_v, i) => {
    const createdAt = at()
    return { _id: `rep-${i}`, userId: `u-${Math.floor(r() * 15)}`, kind: pick(['broken', 'closed_unexpectedly', 'other']), status: pick(['open', 'resolved']), createdAt, resolvedAt: maybe(createdAt + Math.floor(r() * 72 * 3_600_000)) }
  })
  const classes = Array.from({ length: 12 }, (_v, i) => ({ _id: `cl-${i}`, startDate: date(at()), capacity: 10 + Math.floor(r() * 30) }))
  const enrollments = Array.from({ length: 90 }, (_v, i) => {
    const createdAt = at()
    return { _id: `en-${i}`, activeKey: `figures:${i}`, status: pick(['enrolled', 'waitlisted', 'cancelled']), waitlistKey: maybe('k', 0.3), createdAt, promotedAt: maybe(createdAt + DAY, 0.2) }
  })
  const attendance = Array.from({ length: 300 }, (_v, i) => ({ _id: `at-${i}`, enrollmentId: `en-${Math.floor(r() * 30)}`, date: date(at()), present: r() < 0.75 }))
  const members = Array.from({ length: 70 }, (_v, i) => ({ _id: `m-${i}`, memberKey: `figures:${i}`, year: pick([2024, 2025, 2026, 2027]) }))
  const fairs = Array.from({ length: 10 }, (_v, i) => ({ _id: `f-${i}`, status: pick(['open', 'open', 'cancelled']), startsAt: at(), signedUp: Math.floor(r() * 200) }))
  const jobs = Array.from({ length: 30 }, (_v, i) => ({ _id: `j-${i}`, publishedAt: maybe(at(), 0.9), headcount: 1 + Math.floor(r() * 20) }))
  const applications = Array.from({ length: 80 }, (_v, i) => ({
    _id: `a-${i}`,
    applyKey: `figures:${i}`,
    workerId: `w-${Math.floor(r() * 25)}`,
    status: pick(['submitted', 'viewed', 'interview', 'hired', 'declined']),
    interview: maybe({ at: 1 }, 0.4),
    createdAt: at(),
  }))
  return {
    cases,
    stations,
    station_reports: reports,
    childcare_classes: classes,
    childcare_enrollments: enrollments,
    childcare_attendance: attendance,
    medical_members: members,
    fairs,
    jobs,
    job_applications: applications,
  } as Record<string, Array<Record<string, unknown>>>
}

const PERIODS: PeriodChoice[] = [
  { kind: 'year', year: 2026 },
  { kind: 'quarter', year: 2026, quarter: 1 },
  { kind: 'month', year: 2026, month: 7 },
  { kind: 'range', from: '2025-11-15', to: '2026-03-10' },
]

/**
 * The database counts as the definitions say: every figure of every service, for periods of each
 * kind, counted by the aggregations (`countFigures`) equals the same definition read over the
 * plain records (`tally`) — on this driver, whichever the project runs.
 */
describe('the figures as the database counts them', () => {
  let h: Harness
  const records = recordsOf(20261130)
  beforeAll(async () => {
    h = await createHarness({ seed: false })
    for (const [collection, docs] of Object.entries(records)) for (const doc of docs) await h.db.collection(collection).add({ data: doc })
  })
  afterAll(() => h.close())

  const SPECS = [STATIONS_FIGURES, CHILDCARE_FIGURES, AID_FIGURES, MEDICAL_FIGURES, LEGAL_FIGURES, JOBS_FIGURES]
  it.each(PERIODS.flatMap((p) => SPECS.map((s) => [s.service, p.kind, s, p] as const)))('%s for a %s equals the definitions read over the records', async (_s, _k, spec, choice) => {
    const period = periodOf(choice)
    const results = await countFigures(h.db, spec, period)
    for (const def of spec.figures) {
      const docs = records[def.source.collection]
      for (const side of ['now', 'before'] as const) {
        const want = tally(def, docs, period[side])
        const got = results[def.key]
        const close = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6)
        expect({ key: def.key, side, value: close(got[side].value), people: got[side].people }).toEqual({ key: def.key, side, value: close(want.total.value), people: want.total.people })
        for (const b of def.by ?? []) {
          const gotBy = Object.fromEntries(Object.entries(got.by[b.field]?.[side] ?? {}).map(([k, t]) => [k, [close(t.value), t.people]]))
          const wantBy = Object.fromEntries(Object.entries(want.by[b.field]).map(([k, t]) => [k, [close(t.value), t.people]]))
          expect({ key: def.key, by: b.field, side, cells: gotBy }).toEqual({ key: def.key, by: b.field, side, cells: wantBy })
        }
      }
    }
  })

  it('counts by month as the definitions say, month by month', async () => {
    const period = periodOf({ kind: 'year', year: 2026 })
    const results = await countFigures(h.db, AID_FIGURES, period)
    const paid = AID_FIGURES.figures.find((f) => f.key === 'aid.paid')!
    const months = period.monthStarts.slice(0, -1).map((from, i) => tally(paid, records.cases, { ...period.now, from, to: period.monthStarts[i + 1] }).total)
    expect(results['aid.paid'].months?.now).toEqual(months)
    expect(months.reduce((s, m) => s + (m.value ?? 0), 0)).toBe(results['aid.paid'].now.value)
  })
})
