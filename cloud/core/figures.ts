import { EMPTY_PARTIAL, tallyOf, type Condition, type FigureDef, type Partial, type Source } from '../domain/figures/definition'
import { monthlyFigures, type ServiceFigures } from '../domain/figures/layout'
import type { FigureResult, Results } from '../domain/figures/panel'
import type { Period } from '../domain/figures/period'
import type { AggregateCommand, AggregateExpression, AggregateOperator, Db, Query } from '../db/types'

/**
 * Counts a service's figures in the database: each definition of `cloud/domain/figures` becomes
 * part of an aggregation, and the definitions that read the same records (one source, one
 * breakdown) share one, so a dashboard is a few dozen aggregations whatever the number of records.
 * Only numbers come back: counts, sums and the sizes of sets, never a record.
 *
 * One aggregation covers the period and the same period a year earlier at once: its match reads
 * from the start of the one to the end of the other (an index's range), and each record is marked
 * with the side it falls on (`p`: 1 this period, 0 the year before, -1 between them).
 */

const NONE = '\u0000none'
/** More groups than any breakdown has, by far. */
const MAX_GROUPS = 1000

type Row = Record<string, unknown>

function matchOf(db: Db, source: Source, period: Period): Query {
  const _ = db.command
  const where: Record<string, unknown> = {}
  for (const c of source.where) where[c.field] = c.is !== undefined ? c.is : c.oneOf !== undefined ? _.in(c.oneOf) : _.exists(Boolean(c.present))
  const f = source.time.field
  switch (source.time.kind) {
    case 'ms':
      where[f] = _.gte(period.before.from).and(_.lt(period.now.to))
      break
    case 'date':
      where[f] = _.gte(period.before.fromDate).and(_.lt(period.now.toDate))
      break
    case 'year':
      where[f] = _.in([...new Set([...period.before.years, ...period.now.years])])
      break
    case 'asOf':
      where[f] = _.lt(period.now.to)
  }
  return where
}

/** Which side of the comparison a record falls on (`year`: the plan year itself, sorted out afterwards). */
function sideOf($: AggregateCommand, source: Source, period: Period): AggregateExpression {
  const t = `$${source.time.field}`
  const [nowFrom, beforeTo] =
    source.time.kind === 'date' ? [period.now.fromDate, period.before.toDate] : [period.now.from, period.before.to]
  if (source.time.kind === 'year') return t
  if (source.time.kind === 'asOf') return $.cond({ if: $.lt([t, beforeTo]), then: 0, else: 1 })
  return $.cond({ if: $.gte([t, nowFrom]), then: 1, else: $.cond({ if: $.lt([t, beforeTo]), then: 0, else: -1 }) })
}

const presentExpr = ($: AggregateCommand, field: string) => $.neq([$.ifNull([`$${field}`, NONE]), NONE])

function conditionExpr($: AggregateCommand, c: Condition): AggregateOperator {
  const parts: AggregateOperator[] = []
  if (c.present !== undefined) parts.push(c.present ? presentExpr($, c.field) : $.eq([$.ifNull([`$${c.field}`, NONE]), NONE]))
  if (c.is !== undefined) parts.push($.eq([`$${c.field}`, c.is]))
  if (c.oneOf !== undefined) parts.push($.or(c.oneOf.map((v) => $.eq([`$${c.field}`, v]))))
  return parts.length === 1 ? parts[0] : $.and(parts)
}

const allOf = ($: AggregateCommand, conditions: Condition[]) => (conditions.length === 1 ? conditionExpr($, conditions[0]) : $.and(conditions.map((c) => conditionExpr($, c))))
const flag = ($: AggregateCommand, test: AggregateExpression) => $.cond({ if: test, then: 1, else: 0 })

/** The fields each definition needs of a record (project), and what it adds up per group (accumulators). */
function measuresOf($: AggregateCommand, defs: FigureDef[]) {
  const project: Record<string, AggregateExpression> = {}
  const group: Record<string, AggregateOperator> = { n: $.sum(1) }
  const sizes: string[] = []
  defs.forEach((def, i) => {
    const m = def.measure
    if ((m.kind === 'count' || m.kind === 'share') && m.when) {
      project[`w${i}`] = flag($, allOf($, m.when))
      group[`h${i}`] = $.sum(`$w${i}`)
    }
    if (m.kind === 'sum') {
      project[`s${i}`] = m.when ? $.cond({ if: allOf($, m.when), then: `$${m.field}`, else: 0 }) : `$${m.field}`
      group[`t${i}`] = $.sum(`$s${i}`)
    }
    if (m.kind === 'distinct') {
      project[`f${i}`] = `$${m.field}`
      group[`d${i}`] = $.addToSet(`$f${i}`)
      sizes.push(`d${i}`)
    }
    if (m.kind === 'averageTime') {
      const both = $.and([presentExpr($, m.from), presentExpr($, m.to)])
      project[`a${i}`] = $.cond({ if: both, then: $.subtract([`$${m.to}`, `$${m.from}`]), else: 0 })
      project[`c${i}`] = flag($, both)
      group[`t${i}`] = $.sum(`$a${i}`)
      group[`c${i}`] = $.sum(`$c${i}`)
    }
    if (m.kind === 'onTime') {
      const all = m.pairs.flatMap(([at, due]) => [presentExpr($, at), presentExpr($, due)])
      project[`o${i}`] = flag($, $.and([...all, ...m.pairs.map(([at, due]) => $.lte([`$${at}`, `$${due}`]))]))
      project[`c${i}`] = flag($, $.and(all))
      group[`h${i}`] = $.sum(`$o${i}`)
      group[`c${i}`] = $.sum(`$c${i}`)
    }
    if (def.people && typeof def.people === 'object') {
      project[`q${i}`] = `$${def.people.distinct}`
      group[`pp${i}`] = $.addToSet(`$q${i}`)
      sizes.push(`pp${i}`)
    }
  })
  return { project, group, sizes }
}

function partialOf(def: FigureDef, i: number, row: Row | undefined): Partial {
  if (!row) return EMPTY_PARTIAL
  const num = (k: string) => (typeof row[k] === 'number' ? (row[k] as number) : 0)
  const records = num('n')
  const m = def.measure
  const hits = (m.kind === 'count' || m.kind === 'share') && !m.when ? records : num(`h${i}`)
  return { records, hits, total: num(`t${i}`), timed: num(`c${i}`), distinct: num(`d${i}`), people: num(`pp${i}`) }
}

const add = (a: Partial, b: Partial): Partial => ({
  records: a.records + b.records,
  hits: a.hits + b.hits,
  total: a.total + b.total,
  timed: a.timed + b.timed,
  distinct: a.distinct + b.distinct,
  people: a.people + b.people,
})

/** The rows of one side: this period's, or the year before's (by plan year, or everything before the end, as the source says). */
function sideRows(source: Source, period: Period, rows: Row[], side: 'now' | 'before', sideOfRow: (r: Row) => unknown): Row[] {
  if (source.time.kind === 'year') return rows.filter((r) => period[side].years.includes(sideOfRow(r) as number))
  if (source.time.kind === 'asOf' && side === 'now') return rows.filter((r) => sideOfRow(r) === 0 || sideOfRow(r) === 1)
  return rows.filter((r) => sideOfRow(r) === (side === 'now' ? 1 : 0))
}

/** Adds the rows of one side up, where the source allows it (a set's size does not add up). */
function sumRows(defs: FigureDef[], i: number, rows: Row[]): Partial {
  if (rows.length > 1 && (defs[i].measure.kind === 'distinct' || (defs[i].people !== null && typeof defs[i].people === 'object'))) {
    throw new Error(`figures: ${defs[i].key} counts different people over more than one group of records`)
  }
  return rows.map((r) => partialOf(defs[i], i, r)).reduce(add, EMPTY_PARTIAL)
}

async function family(db: Db, source: Source, defs: FigureDef[], period: Period, by?: string): Promise<Row[]> {
  const $ = db.command.aggregate
  const { project, group, sizes } = measuresOf($, defs)
  const key: Record<string, string> = by ? { p: '$p', k: '$k' } : { p: '$p' }
  const keep = Object.fromEntries([...Object.keys(group).filter((k) => !sizes.includes(k)).map((k) => [k, 1]), ...sizes.map((k) => [k, $.size(`$${k}`)])])
  const { list } = await db
    .collection(source.collection)
    .aggregate()
    .match(matchOf(db, source, period))
    .project({ _id: 0, p: sideOf($, source, period), ...(by ? { k: `$${by}` } : {}), ...project })
    .group({ _id: key, ...group })
    .project(keep)
    .limit(MAX_GROUPS)
    .end<Row>()
  return list
}

/** `groupsBelow`: records grouped by the measure's field, then the groups below the share counted per side. */
async function groupsBelow(db: Db, def: FigureDef, period: Period): Promise<Row[]> {
  const m = def.measure
  if (m.kind !== 'groupsBelow') return []
  const $ = db.command.aggregate
  const { list } = await db
    .collection(def.source.collection)
    .aggregate()
    .match(matchOf(db, def.source, period))
    .project({ _id: 0, p: sideOf($, def.source, period), g: `$${m.group}`, w: flag($, allOf($, m.when)) })
    .group({ _id: { p: '$p', g: '$g' }, hits: $.sum('$w'), n: $.sum(1) })
    .project({ _id: 1, below: flag($, $.lt([$.multiply(['$hits', 1000]), $.multiply(['$n', Math.round(m.share * 1000)])])) })
    .group({ _id: { p: '$_id.p' }, d0: $.sum('$below'), n: $.sum(1) })
    .limit(MAX_GROUPS)
    .end<Row>()
  return list
}

/** Per month of the period and of the year before: a bucket per month start. */
async function monthly(db: Db, source: Source, defs: FigureDef[], period: Period): Promise<Row[]> {
  const $ = db.command.aggregate
  const { project, group, sizes } = measuresOf($, defs)
  const boundaries = [...new Set([...period.beforeMonthStarts, ...period.monthStarts])].sort((a, b) => a - b)
  const keep = Object.fromEntries([...Object.keys(group).filter((k) => !sizes.includes(k)).map((k) => [k, 1]), ...sizes.map((k) => [k, $.size(`$${k}`)])])
  const { list } = await db
    .collection(source.collection)
    .aggregate()
    .match(matchOf(db, source, period))
    .project({ _id: 0, t: `$${source.time.field}`, ...project })
    .bucket({ groupBy: '$t', boundaries, default: -1, output: group })
    .project(keep)
    .limit(MAX_GROUPS)
    .end<Row>()
  return list
}

const idOf = (row: Row) => (row._id ?? {}) as Row

/** Counts every figure of a service for a period and the same period a year earlier. */
export async function countFigures(db: Db, spec: ServiceFigures, period: Period): Promise<Results> {
  const results: Results = {}
  const families = new Map<string, { source: Source; by?: string; defs: FigureDef[] }>()
  const join = (key: string, source: Source, def: FigureDef, by?: string) => {
    const f = families.get(key) ?? { source, by, defs: [] }
    f.defs.push(def)
    families.set(key, f)
  }
  for (const def of spec.figures) {
    results[def.key] = { now: tallyOf(def, EMPTY_PARTIAL), before: tallyOf(def, EMPTY_PARTIAL), by: {} }
    if (def.measure.kind === 'groupsBelow') continue
    const source = JSON.stringify(def.source)
    join(source, def.source, def)
    for (const b of def.by ?? []) join(`${source}|${b.field}`, def.source, def, b.field)
  }

  const totals = async ({ source, by, defs }: { source: Source; by?: string; defs: FigureDef[] }) => {
    const rows = await family(db, source, defs, period, by)
    const side = (r: Row) => idOf(r).p
    defs.forEach((def, i) => {
      const result: FigureResult = results[def.key]
      for (const s of ['now', 'before'] as const) {
        const mine = sideRows(source, period, rows, s, side)
        if (!by) {
          result[s] = tallyOf(def, sumRows(defs, i, mine))
          continue
        }
        const keys = [...new Set(mine.map((r) => String(idOf(r).k ?? '')))]
        result.by[by] ??= { now: {}, before: {} }
        for (const k of keys) result.by[by][s][k] = tallyOf(def, sumRows(defs, i, mine.filter((r) => String(idOf(r).k ?? '') === k)))
      }
    })
  }
  const below = async (def: FigureDef) => {
    const rows = await groupsBelow(db, def, period)
    for (const s of ['now', 'before'] as const) results[def.key][s] = tallyOf(def, sumRows([def], 0, sideRows(def.source, period, rows, s, (r) => idOf(r).p)))
  }
  const months = async (def: FigureDef) => {
    if (def.source.time.kind !== 'ms') return
    const rows = await monthly(db, def.source, [def], period)
    const at = (starts: number[]) => starts.slice(0, -1).map((start) => tallyOf(def, partialOf(def, 0, rows.find((r) => r._id === start))))
    results[def.key].months = { now: at(period.monthStarts), before: at(period.beforeMonthStarts) }
  }

  await Promise.all([
    ...[...families.values()].map(totals),
    ...spec.figures.filter((d) => d.measure.kind === 'groupsBelow').map(below),
    ...spec.figures.filter((d) => monthlyFigures(spec).has(d.key)).map(months),
  ])
  return results
}

/**
 * A service's part in the figures (`cloud/functions/figures` gathers one per open service): what it
 * shows, and how it is counted — by the shared aggregations here, unless a service needs its own.
 */
export interface FiguresPart {
  spec: ServiceFigures
  count(db: Db, period: Period): Promise<Results>
}

export const figuresPart = (spec: ServiceFigures): FiguresPart => ({ spec, count: (db, period) => countFigures(db, spec, period) })

/** Where the figures function keeps each service's panel for a few minutes (aggregates only). */
export const FIGURES_CACHE = 'figures_cache'

/** Removes counts kept for periods nobody has asked about for a day (housekeeping). */
export async function forgetOldFigures(rt: { db: Db }, now: number): Promise<number> {
  const { stats } = await rt.db.collection(FIGURES_CACHE).where({ computedAt: rt.db.command.lt(now - 24 * 60 * 60 * 1000) }).remove()
  return stats.removed
}
