import deepFreeze from 'deep-freeze-strict'
import { Op } from '../command'
import type { SqliteConnection } from './collection'
import { isPlainObject, present, unlikeInSqlite } from './sql'

/** How many documents of one read-mostly collection are kept at most; the oldest kept go first. */
export const KEPT_BY_ID_MAX = 5_000

/**
 * The documents of a read-mostly collection by `_id`, parsed once and frozen: a document, null for
 * an id no document has, or undefined when not kept yet. Made for one version of the collection.
 */
export class KeptById {
  private readonly byId = new Map<string, object | null>()

  constructor(readonly version: number) {}

  get size(): number {
    return this.byId.size
  }

  get(id: string): object | null | undefined {
    return this.byId.get(id)
  }

  /** Keeps the document read for `id` (its JSON text, or undefined for none); answers it parsed. */
  keep(id: string, json: string | undefined): object | null {
    const doc = json === undefined ? null : (deepFreeze(JSON.parse(json) as object) as object)
    if (this.byId.size >= KEPT_BY_ID_MAX) this.byId.delete(this.byId.keys().next().value as string)
    this.byId.set(id, doc)
    return doc
  }
}

/** The documents of these ids (those that exist) of a read-mostly collection: the kept ones, and the rest read at once. */
export function keptDocuments(db: Pick<SqliteConnection, 'statement'>, table: string, kept: KeptById, ids: string[]): object[] {
  const found = new Map<string, object | null>()
  const missing: string[] = []
  for (const id of ids) {
    const known = kept.get(id)
    if (known === undefined) missing.push(id)
    else found.set(id, known)
  }
  if (missing.length > 0) {
    const rows = db
      .statement(`SELECT _id, doc FROM ${table} WHERE _id IN (SELECT value FROM json_each(?))`)
      .raw(true)
      .all(JSON.stringify(missing)) as Array<[string, string]>
    const read = new Map(rows)
    for (const id of missing) found.set(id, kept.keep(id, read.get(id)))
  }
  return present(ids.map((id) => found.get(id)))
}

/**
 * The ids a query asks for when it asks for nothing else — `{ _id: 'a' }`, `{ _id: _.eq('a') }`,
 * `{ _id: _.in([...]) }` — in the order SQLite's primary key gives them, each once; null for any
 * other query. An id SQLite would read differently (a lone surrogate) is left to SQL.
 */
export function idsAsked(where: readonly unknown[]): string[] | null {
  if (where.length !== 1 || !isPlainObject(where[0])) return null
  const query = where[0]
  const keys = Object.keys(query)
  if (keys.length !== 1 || keys[0] !== '_id') return null
  const value = query._id
  const ids = value instanceof Op ? (value.kind === 'in' ? value.arg : value.kind === 'eq' ? [value.arg] : null) : [value]
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string' && !unlikeInSqlite(id))) return null
  return [...new Set(ids)].sort(byUtf8)
}

/**
 * SQLite's BINARY order of text: its UTF-8 bytes, which for well-formed text is the order of code
 * points. UTF-16 units give the same order unless a surrogate (a code point past U+FFFF) meets a
 * unit from U+E000 up.
 */
function byUtf8(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++
  if (i === a.length || i === b.length) return a.length - b.length
  const x = a.codePointAt(i)!
  const y = b.codePointAt(i)!
  return x - y
}
