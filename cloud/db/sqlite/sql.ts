import { Op } from '../command'
import type { GeoNearOptions } from '../types'

/** SQL for one condition, with its parameters and, for `geoNear`, the point to sort by. */
export interface Compiled {
  sql: string
  params: unknown[]
  geo?: { path: string; options: GeoNearOptions }
}

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$|^\d+$/

/** How many field paths are kept compiled; the services name a few dozen. */
const PATHS_KEPT = 1000
const jsonPaths = new Map<string, string>()

/** `a.b.0` → `$.a.b[0]`; refuses anything that is not a plain field path. */
export function jsonPath(path: string): string {
  const kept = jsonPaths.get(path)
  if (kept !== undefined) return kept
  const parts = path.split('.')
  if (!parts.every((p) => SEGMENT.test(p))) throw new Error(`bad field path: ${path}`)
  const made = '$' + parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('')
  if (jsonPaths.size < PATHS_KEPT) jsonPaths.set(path, made)
  return made
}

/** The SQL expression of a field; index expressions are built by the same function so SQLite uses them. */
export function fieldSql(path: string): string {
  return path === '_id' ? '_id' : `json_extract(doc, '${jsonPath(path)}')`
}

export const geoLatSql = (path: string) => fieldSql(`${path}.coordinates.1`)
export const geoLngSql = (path: string) => fieldSql(`${path}.coordinates.0`)

/** SQLite stores JSON booleans as 1 and 0. */
export function bindValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value === undefined) return null
  if (value !== null && typeof value === 'object') return JSON.stringify(value)
  return value
}

/** A list as one JSON array text, for `json_each(?)`. */
const jsonArray = (values: unknown[]) => JSON.stringify(values.map((v) => (v === undefined ? null : v)))

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype

/**
 * Text SQLite does not give back as it was given: a lone surrogate goes out as invalid UTF-8 and
 * comes back as U+FFFD. Where either could be involved, SQL decides.
 */
export const unlikeInSqlite = (text: string) => !text.isWellFormed() || text.includes('\uFFFD')

/** The values that are there, in order. A loop: in a search's hot path, flatMap took 2 µs for 20 items. */
export function present<T>(values: Array<T | null | undefined>): T[] {
  const out: T[] = []
  for (const value of values) if (value !== null && value !== undefined) out.push(value)
  return out
}

// A loop, not map/flatMap: a query is compiled on every call, and a job search's took 6 µs.
export const join = (parts: Compiled[], glue: 'AND' | 'OR'): Compiled => {
  if (parts.length === 0) return { sql: glue === 'AND' ? '1' : '0', params: [] }
  let sql = ''
  const params: unknown[] = []
  let geo: Compiled['geo']
  for (const part of parts) {
    sql += sql === '' ? `(${part.sql})` : ` ${glue} (${part.sql})`
    for (const param of part.params) params.push(param)
    geo ??= part.geo
  }
  return { sql, params, geo }
}

function compileFieldOp(path: string, op: Op): Compiled {
  const f = fieldSql(path)
  switch (op.kind) {
    case 'eq':
      return op.arg === null ? { sql: `${f} IS NULL`, params: [] } : { sql: `${f} = ?`, params: [bindValue(op.arg)] }
    case 'neq':
      return op.arg === null
        ? { sql: `${f} IS NOT NULL`, params: [] }
        : { sql: `${f} IS NULL OR ${f} != ?`, params: [bindValue(op.arg)] }
    case 'gt':
      return { sql: `${f} > ?`, params: [bindValue(op.arg)] }
    case 'gte':
      return { sql: `${f} >= ?`, params: [bindValue(op.arg)] }
    case 'lt':
      return { sql: `${f} < ?`, params: [bindValue(op.arg)] }
    case 'lte':
      return { sql: `${f} <= ?`, params: [bindValue(op.arg)] }
    case 'in':
    case 'nin': {
      // One bound JSON array, so the SQL text is the same whatever the list's length.
      const values = op.arg as unknown[]
      const list = `${f} IN (SELECT value FROM json_each(?) WHERE type <> 'null')`
      const params = [jsonArray(values)]
      // As in MongoDB, a null in the list stands for "null or missing".
      const withNull = values.some((v) => v === null || v === undefined)
      if (op.kind === 'in') return { sql: withNull ? `${f} IS NULL OR ${list}` : list, params }
      return { sql: withNull ? `${f} IS NOT NULL AND NOT (${list})` : `${f} IS NULL OR NOT (${list})`, params }
    }
    case 'exists': {
      const type = path === '_id' ? `_id` : `json_type(doc, '${jsonPath(path)}')`
      return { sql: op.arg ? `${type} IS NOT NULL` : `${type} IS NULL`, params: [] }
    }
    case 'all': {
      // Every wanted value is among the array's elements: one fixed expression over two json_each.
      const values = op.arg as unknown[]
      if (values.length === 0) return { sql: '0', params: [] }
      const held = `SELECT 1 FROM json_each(doc, '${jsonPath(path)}') held WHERE held.value = wanted.value`
      return { sql: `NOT EXISTS (SELECT 1 FROM json_each(?) wanted WHERE NOT EXISTS (${held}))`, params: [jsonArray(values)] }
    }
    case 'and':
    case 'or':
      return join(
        (op.arg as unknown[]).map((c) => compileValue(path, c)),
        op.kind === 'and' ? 'AND' : 'OR',
      )
    case 'regex': {
      // The field's value and its JSON type, so that the function tells a string from an array; the
      // expression and its flags are bound, so the SQL text is the same whatever is searched for.
      const { regexp, options } = op.arg as { regexp: string; options: string }
      if (path === '_id') return { sql: `lugong_regexp(?, ?, _id, 'text')`, params: [regexp, options] }
      const p = jsonPath(path)
      return { sql: `lugong_regexp(?, ?, doc ->> '${p}', json_type(doc, '${p}'))`, params: [regexp, options] }
    }
    case 'geoNear':
      // The driver's geo index yields only documents that have the point; nothing to check here.
      return { sql: '1', params: [], geo: { path, options: op.arg as GeoNearOptions } }
    default:
      throw new Error(`operator ${op.kind} is not a query operator`)
  }
}

function compileValue(path: string, value: unknown): Compiled {
  if (value instanceof Op) return compileFieldOp(path, value)
  if (isPlainObject(value)) {
    return join(
      Object.entries(value).map(([k, v]) => compileValue(`${path}.${k}`, v)),
      'AND',
    )
  }
  return compileFieldOp(path, new Op('eq', value))
}

/** A `where` query: an object of field conditions, or a top-level `and`/`or` of such objects. */
export function compileQuery(query: unknown): Compiled {
  if (query instanceof Op) {
    if (query.kind !== 'and' && query.kind !== 'or') throw new Error('a top-level query operator must be and/or')
    return join(
      (query.arg as unknown[]).map(compileQuery),
      query.kind === 'and' ? 'AND' : 'OR',
    )
  }
  if (!isPlainObject(query)) throw new Error('a query must be an object')
  return join(
    Object.entries(query).map(([k, v]) => compileValue(k, v)),
    'AND',
  )
}

/** An update as nested `json_set`/`json_remove` calls over `doc`, applied in one UPDATE statement. */
export function compileUpdate(data: Record<string, unknown>): { sql: string; params: unknown[] } {
  let sql = 'doc'
  const params: unknown[] = []
  const visit = (prefix: string, value: unknown) => {
    if (prefix === '_id') return
    const p = jsonPath(prefix)
    if (value instanceof Op) {
      switch (value.kind) {
        case 'inc':
          sql = `json_set(${sql}, '${p}', coalesce(json_extract(doc, '${p}'), 0) + ?)`
          params.push(value.arg)
          return
        case 'push': {
          // Appends by splicing the two JSON array texts, so the SQL text does not grow with the items.
          // A field that is there and is not an array is refused, as MongoDB's $push refuses it: a
          // string holding JSON text would otherwise be spliced into the document as structure.
          const type = `json_type(doc, '${p}')`
          const current = `json_extract(doc, '${p}')`
          const spliced = `substr(${current}, 1, length(${current}) - 1) || ',' || substr(?, 2)`
          const merged =
            `CASE WHEN ${type} IS NULL THEN ? WHEN ${type} <> 'array' THEN lugong_refuse('push needs an array at ${prefix}') ` +
            `WHEN json_array_length(${current}) = 0 THEN ? WHEN json_array_length(?) = 0 THEN ${current} ELSE ${spliced} END`
          sql = `json_set(${sql}, '${p}', json(${merged}))`
          const items = jsonArray(value.arg as unknown[])
          // The placeholders in the order they appear: THEN ?, THEN ?, json_array_length(?), substr(?, 2).
          params.push(items, items, items, items)
          return
        }
        case 'set':
          sql = `json_set(${sql}, '${p}', json(?))`
          params.push(JSON.stringify(value.arg ?? null))
          return
        case 'remove':
          sql = `json_remove(${sql}, '${p}')`
          return
        default:
          throw new Error(`operator ${value.kind} is not an update operator`)
      }
    }
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      // Parents must exist for json_set to reach a nested path.
      sql = `json_set(${sql}, '${p}', json(coalesce(json_extract(doc, '${p}'), '{}')))`
      for (const [k, v] of Object.entries(value)) visit(`${prefix}.${k}`, v)
      return
    }
    if (value === undefined) return
    sql = `json_set(${sql}, '${p}', json(?))`
    params.push(JSON.stringify(value))
  }
  for (const [k, v] of Object.entries(data)) visit(k, v)
  return { sql, params }
}
