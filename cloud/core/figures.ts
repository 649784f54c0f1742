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

/** Where a definition's sets are in a row: the different values it counts, and the people behind it. */
interface SetNames {
  distinct?: string
  people?: string
}

/**
 * The fields each definition needs of a record (project), and what it adds up per group
 * (accumulators). A field counted different ways (帮扶户数, and the people behind 发放金额) is
 * gathered once.
 */
function measuresOf($: AggregateCommand, defs: FigureDef[]) {
  const project: Record<string, AggregateExpression> = {}
  const group: Record<string, AggregateOperator> = { n: $.sum(1) }
  const sizes: string[] = []
  const sets = new Map<string, string>()
  const setOf = (field: string) => {
    if (!sets.has(field)) {
      const name = `u${sets.size}`
      sets.set(field, name)
      project[name] = `$${field}`
      group[name] = $.addToSet(`$${name}`)
      sizes.push(name)
    }
    return sets.get(field)!
  }
  const names: SetNames[] = defs.map((def, i) => {
    const m = def.measure
    if ((m.kind === 'count' || m.kind === 'share') && m.when) {
      project[`w${i}`] = flag($, allOf($, m.when))
      group[`h${i}`] = $.sum(`$w${i}`)
    }
    if (m.kind === 'sum') {
      project[`s${i}`] = m.when ? $.cond({ if: allOf($, m.when), then: `$${m.field}`, else: 0 }) : `$${m.field}`
      group[`t${i}`] = $.sum(`$s${i}`)
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
    return {
      ...(m.kind === 'distinct' ? { distinct: setOf(m.field) } : {}),
      ...(def.people !== null && typeof def.people === 'object' ? { people: setOf(def.people.distinct) } : {}),
    }
  })
  return { project, group, sizes, names }
}

function partialOf(def: FigureDef, i: number, row: Row | undefined, names: SetNames = { distinct: `d${i}` }): Partial {
  if (!row) return EMPTY_PARTIAL
  const num = (k: string | undefined) => (k !== undefined && typeof row[k] === 'number' ? (row[k] as number) : 0)
  const records = num('n')
  const m = def.measure
  const hits = (m.kind === 'count' || m.kind === 'share') && !m.when ? records : num(`h${i}`)
  return { records, hits, total: num(`t${i}`), timed: num(`c${i}`), distinct: num(names.distinct), people: num(names.people) }
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
function sumRows(defs: FigureDef[], i: number, rows: Row[], names?: SetNames[]): Partial {
  if (rows.length > 1 && !addsUp(defs[i])) {
    throw new Error(`figures: ${defs[i].key} counts different people over more than one group of records`)
  }
  return rows.map((r) => partialOf(defs[i], i, r, names?.[i])).reduce(add, EMPTY_PARTIAL)
}

async function family(db: Db, source: Source, defs: FigureDef[], period: Period, by?: string): Promise<{ rows: Row[]; names: SetNames[] }> {
  const $ = db.command.aggregate
  const { project, group, sizes, names } = measuresOf($, defs)
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
  return { rows: list, names }
}

/**
 * `groupsBelow`: records grouped by the measure's field, then the groups below the share counted per
 * side — with the records, those meeting the condition and the groups themselves, so the share of
 * the same records over the same condition, its people the same groups, rides along (see `ridersOf`).
 */
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
    .project({ _id: 1, hits: 1, n: 1, below: flag($, $.lt([$.multiply(['$hits', 1000]), $.multiply(['$n', Math.round(m.share * 1000)])])) })
    .group({ _id: { p: '$_id.p' }, d0: $.sum('$below'), n: $.sum(1), hits: $.sum('$hits'), records: $.sum('$n') })
    .limit(MAX_GROUPS)
    .end<Row>()
  return list
}

/** Per month of the period and of the year before: a bucket per month start. */
async function monthly(db: Db, source: Source, defs: FigureDef[], period: Period): Promise<{ rows: Row[]; names: SetNames[] }> {
  const $ = db.command.aggregate
  const { project, group, sizes, names } = measuresOf($, defs)
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
  return { rows: list, names }
}

const idOf = (row: Row) => (row._id ?? {}) as Row

/**
 * The share figures a `groupsBelow` aggregation answers too (出勤率 beside 出勤不足70%): the same
 * records and condition, their people the groups themselves, no breakdown. Counted once, not twice.
 */
function ridersOf(def: FigureDef, figures: FigureDef[]): FigureDef[] {
  const m = def.measure
  if (m.kind !== 'groupsBelow') return []
  return figures.filter((f) => {
    const share = f.measure
    return (
      share.kind === 'share' &&
      !f.by?.length &&
      JSON.stringify(f.source) === JSON.stringify(def.source) &&
      JSON.stringify(share.when) === JSON.stringify(m.when) &&
      f.people !== null &&
      typeof f.people === 'object' &&
      f.people.distinct === m.group
    )
  })
}

/** Whether a figure's total is the sum of its cells, whatever they are grouped by: no set of different values in it. */
const addsUp = (def: FigureDef) => def.measure.kind !== 'distinct' && def.measure.kind !== 'groupsBelow' && (def.people === null || typeof def.people !== 'object')

/** Counts every figure of a service for a period and the same period a year earlier. */
export async function countFigures(db: Db, spec: ServiceFigures, period: Period): Promise<Results> {
  const results: Results = {}
  /** Aggregations by source and breakdown; `totals` are the figures whose totals each gives (the sum of its rows). */
  interface Family {
    source: Source
    by?: string
    defs: FigureDef[]
    totals: Set<FigureDef>
  }
  const families = new Map<string, Family>()
  const familyOf = (source: Source, by?: string) => {
    const key = `${JSON.stringify(source)}|${by ?? ''}`
    if (!families.has(key)) families.set(key, { source, by, defs: [], totals: new Set() })
    return families.get(key)!
  }
  const below = spec.figures.filter((d) => d.measure.kind === 'groupsBelow')
  const riding = new Set(below.flatMap((d) => ridersOf(d, spec.figures)))
  const counted = spec.figures.filter((d) => d.measure.kind !== 'groupsBelow' && !riding.has(d))
  for (const def of counted) for (const b of def.by ?? []) familyOf(def.source, b.field).defs.push(def)
  for (const def of counted) {
    results[def.key] = { now: tallyOf(def, EMPTY_PARTIAL), before: tallyOf(def, EMPTY_PARTIAL), by: {} }
    // A total that is the sum of cells comes from an aggregation of the same records by a breakdown, its own or another's.
    const host = addsUp(def) ? [...families.values()].find((f) => f.by && JSON.stringify(f.source) === JSON.stringify(def.source) && (!def.by?.length || f.by === def.by[0].field)) : undefined
    const family = host ?? familyOf(def.source)
    if (!family.defs.includes(def)) family.defs.push(def)
    family.totals.add(def)
  }
  for (const def of [...below, ...riding]) results[def.key] = { now: tallyOf(def, EMPTY_PARTIAL), before: tallyOf(def, EMPTY_PARTIAL), by: {} }

  const totals = async ({ source, by, defs, totals: ofTotals }: Family) => {
    const { rows, names } = await family(db, source, defs, period, by)
    const side = (r: Row) => idOf(r).p
    defs.forEach((def, i) => {
      const result: FigureResult = results[def.key]
      for (const s of ['now', 'before'] as const) {
        const mine = sideRows(source, period, rows, s, side)
        if (ofTotals.has(def)) result[s] = tallyOf(def, sumRows(defs, i, mine, names))
        if (!by || !def.by?.some((b) => b.field === by)) continue
        result.by[by] ??= { now: {}, before: {} }
        for (const k of new Set(mine.map((r) => String(idOf(r).k ?? '')))) {
          result.by[by][s][k] = tallyOf(def, sumRows(defs, i, mine.filter((r) => String(idOf(r).k ?? '') === k), names))
        }
      }
    })
  }
  const groups = async (def: FigureDef) => {
    const rows = await groupsBelow(db, def, period)
    for (const s of ['now', 'before'] as const) {
      const mine = sideRows(def.source, period, rows, s, (r) => idOf(r).p)
      results[def.key][s] = tallyOf(def, sumRows([def], 0, mine))
      const num = (k: string) => mine.reduce((sum, r) => sum + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0)
      for (const rider of ridersOf(def, spec.figures)) results[rider.key][s] = tallyOf(rider, { ...EMPTY_PARTIAL, records: num('records'), hits: num('hits'), people: num('n') })
    }
  }
  const months = async (def: FigureDef) => {
    if (def.source.time.kind !== 'ms') return
    const { rows, names } = await monthly(db, def.source, [def], period)
    const at = (starts: number[]) => starts.slice(0, -1).map((start) => tallyOf(def, partialOf(def, 0, rows.find((r) => r._id === start), names[0])))
    results[def.key].months = { now: at(period.monthStarts), before: at(period.beforeMonthStarts) }
  }

  await Promise.all([
    ...[...families.values()].map(totals),
    ...below.map(groups),
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
