import type { Span } from './period'

/**
 * A figure, defined once: which records count (a collection, conditions, and the moment that places
 * a record in a period), what is counted of them, who is behind each number (for the <5 rule), and
 * the words the page shows. The cloud function turns a definition into an aggregation the database
 * runs (`cloud/core/figures`); `tally` here is the same definition read over plain records, which
 * the tests hold the database's answer to.
 */

export type Scalar = string | number | boolean

/** A record meets a condition when its field is the value, one of the values, or is there at all. */
export interface Condition {
  field: string
  is?: Scalar
  oneOf?: Scalar[]
  present?: boolean
}

/**
 * The moment that places a record in a period: an epoch-ms field (`ms`), a `YYYY-MM-DD` field
 * (`date`), a plan year (`year`: the years the period touches), or — for what the union has rather
 * than what happened (stations) — everything made before the period's end (`asOf`).
 */
export interface TimeBasis {
  field: string
  kind: 'ms' | 'date' | 'year' | 'asOf'
}

export interface Source {
  collection: string
  where: Condition[]
  time: TimeBasis
}

export type Measure =
  /** The records (meeting `when`). */
  | { kind: 'count'; when?: Condition[] }
  /** The sum of a number field (of the records meeting `when`). */
  | { kind: 'sum'; field: string; when?: Condition[] }
  /** How many different values a field has: households, applicants. */
  | { kind: 'distinct'; field: string }
  /** The mean time from one moment to another, over the records that have both. */
  | { kind: 'averageTime'; from: string; to: string; unit: 'day' | 'hour' }
  /** The share of the records meeting `when`, in per cent. */
  | { kind: 'share'; when: Condition[] }
  /** The share of the records where every moment came by its deadline, over those that have them all, in per cent. */
  | { kind: 'onTime'; pairs: Array<[at: string, due: string]> }
  /** How many groups of records (by `group`) have less than `share` of them meeting `when`. */
  | { kind: 'groupsBelow'; group: string; when: Condition[]; share: number }

/**
 * Who is behind a number, for the <5 rule: the number itself counts people (`value`), each record
 * is one (`records`), the different values of a field (`distinct`), or nobody (places, classes).
 */
export type People = 'value' | 'records' | { distinct: string } | null

export interface Breakdown {
  field: string
  title: string
  /** The values in the order shown, with their names; other values are shown as they are, with `suffix` (`2026年`). */
  names: Record<string, string>
  suffix?: string
}

export type Unit = '件' | '人' | '人次' | '户' | '个' | '场' | '班' | '个名额' | '平方米' | '万元' | '天' | '小时' | '%'

export interface FigureDef {
  key: string
  title: string
  unit: Unit
  /** The definition the page and the export show, in the union's words. */
  definition: string
  source: Source
  measure: Measure
  people: People
  by?: Breakdown[]
  /** What stands now, not what happened in the period: the same period a year earlier is not shown. */
  noComparison?: boolean
}

/** What a database (or `tally`) gives back for a set of records, from which a figure's value follows. */
export interface Partial {
  /** Records. */
  records: number
  /** Records meeting the measure's conditions (count, share), or on time (onTime). */
  hits: number
  /** The sum (sum), or of the times (averageTime). */
  total: number
  /** Records with the moments the measure needs (averageTime, onTime). */
  timed: number
  /** Different values (distinct), or groups below the share (groupsBelow). */
  distinct: number
  /** Different people, where `people` names a field. */
  people: number
}

export const EMPTY_PARTIAL: Partial = { records: 0, hits: 0, total: 0, timed: 0, distinct: 0, people: 0 }

/** A figure's number for one cell, and how many people are behind it (null: not about people). */
export interface Tally {
  value: number | null
  people: number | null
}

const UNIT_MS = { day: 86_400_000, hour: 3_600_000 }

/** A measure's value from its partial: the one formula of each measure. */
export function valueOf(measure: Measure, p: Partial): number | null {
  switch (measure.kind) {
    case 'count':
      return p.hits
    case 'sum':
      return p.total
    case 'distinct':
    case 'groupsBelow':
      return p.distinct
    case 'averageTime':
      return p.timed ? p.total / p.timed / UNIT_MS[measure.unit] : null
    case 'share':
      return p.records ? (100 * p.hits) / p.records : null
    case 'onTime':
      return p.timed ? (100 * p.hits) / p.timed : null
  }
}

export function tallyOf(def: FigureDef, p: Partial): Tally {
  const value = valueOf(def.measure, p)
  const people = def.people === null ? null : def.people === 'value' ? (value ?? 0) : def.people === 'records' ? p.records : p.people
  return { value, people }
}

// ——— The same definitions read over plain records (the reference the database is held to) ———

type Doc = Record<string, unknown>

export const valueAt = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Doc)[key] : undefined), doc)

const present = (v: unknown) => v !== undefined && v !== null

export function meets(doc: Doc, c: Condition): boolean {
  const v = valueAt(doc, c.field)
  if (c.present !== undefined && present(v) !== c.present) return false
  if (c.is !== undefined && v !== c.is) return false
  if (c.oneOf !== undefined && !c.oneOf.includes(v as Scalar)) return false
  return true
}

const meetsAll = (doc: Doc, conditions: Condition[] = []) => conditions.every((c) => meets(doc, c))

/** Whether a record falls in a span by the source's moment. */
export function inSpan(doc: Doc, time: TimeBasis, span: Span): boolean {
  const t = valueAt(doc, time.field)
  switch (time.kind) {
    case 'ms':
      return typeof t === 'number' && t >= span.from && t < span.to
    case 'date':
      return typeof t === 'string' && t >= span.fromDate && t < span.toDate
    case 'year':
      return typeof t === 'number' && span.years.includes(t)
    case 'asOf':
      return typeof t === 'number' && t < span.to
  }
}

const num = (v: unknown) => (typeof v === 'number' ? v : null)

/** The partial of a set of records (already of the source and the span). */
export function partialOf(def: FigureDef, docs: Doc[]): Partial {
  const m = def.measure
  const p: Partial = { ...EMPTY_PARTIAL, records: docs.length }
  if (m.kind === 'count' || m.kind === 'share') p.hits = docs.filter((d) => meetsAll(d, m.when)).length
  if (m.kind === 'sum') p.total = docs.filter((d) => meetsAll(d, m.when)).reduce((sum, d) => sum + (num(valueAt(d, m.field)) ?? 0), 0)
  if (m.kind === 'distinct') p.distinct = new Set(docs.map((d) => valueAt(d, m.field)).filter(present)).size
  if (m.kind === 'averageTime') {
    for (const d of docs) {
      const [a, b] = [num(valueAt(d, m.from)), num(valueAt(d, m.to))]
      if (a === null || b === null) continue
      p.timed++
      p.total += b - a
    }
  }
  if (m.kind === 'onTime') {
    for (const d of docs) {
      const pairs = m.pairs.map(([at, due]) => [num(valueAt(d, at)), num(valueAt(d, due))])
      if (pairs.some(([a, b]) => a === null || b === null)) continue
      p.timed++
      if (pairs.every(([a, b]) => a! <= b!)) p.hits++
    }
  }
  if (m.kind === 'groupsBelow') {
    const groups = new Map<unknown, { n: number; hits: number }>()
    for (const d of docs) {
      const g = groups.get(valueAt(d, m.group)) ?? { n: 0, hits: 0 }
      g.n++
      if (meetsAll(d, m.when)) g.hits++
      groups.set(valueAt(d, m.group), g)
    }
    p.distinct = [...groups.values()].filter((g) => g.hits < g.n * m.share).length
  }
  if (def.people && typeof def.people === 'object') {
    const field = def.people.distinct
    p.people = new Set(docs.map((d) => valueAt(d, field)).filter(present)).size
  }
  return p
}

/** A figure over plain records in a span: the total, and each breakdown by its field's values. */
export function tally(def: FigureDef, records: Doc[], span: Span): { total: Tally; by: Record<string, Record<string, Tally>> } {
  const docs = records.filter((d) => meetsAll(d, def.source.where) && inSpan(d, def.source.time, span))
  const by: Record<string, Record<string, Tally>> = {}
  for (const b of def.by ?? []) {
    const groups = new Map<string, Doc[]>()
    for (const d of docs) {
      const key = String(valueAt(d, b.field) ?? '')
      groups.set(key, [...(groups.get(key) ?? []), d])
    }
    by[b.field] = Object.fromEntries([...groups].map(([key, group]) => [key, tallyOf(def, partialOf(def, group))]))
  }
  return { total: tallyOf(def, partialOf(def, docs)), by }
}
