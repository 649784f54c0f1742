import type Database from 'better-sqlite3'
import { around } from 'geokdbush'
import { randomBytes } from 'node:crypto'
import { distanceM } from '../../domain/stations/distance'
import { Op } from '../command'
import { RecordedAggregate } from '../aggregate'
import { checkedLimit, checkedSkip, DEFAULT_LIMIT } from '../paging'
import type { Aggregate, CollectionRef, DocData, DocRef, NewDoc, Query, QueryRef, RemoveResult, UpdateResult, WithId } from '../types'
import { compileAggregate } from './aggregate'
import { idsAsked, type KeptById } from './keptById'
import type { MemoryIndexes } from './memoryIndexes'
import { onlyRegExps, textNeeded, type RegExpCache } from './regexp'
import { prefilterOf, unlikeInSqlite, type Verdict } from './prefilter'
import { compileQuery, compileUpdate, fieldSql, isPlainObject, join, type Compiled } from './sql'

export const newId = () => randomBytes(16).toString('hex')

/**
 * Whose turn a collection's statements run in: their own, waiting for any open transaction; a
 * transaction's (the caller holds the connection); or a group's (`SqliteDb.together`: the caller
 * holds the connection, but is not itself in a transaction, so it may aggregate).
 */
export type Turn = 'own' | 'transaction' | 'group'

/** What the collections need of the driver: turns, tables, statements, writes, memory indexes. */
export interface SqliteConnection {
  /** Runs a synchronous statement body in turn with transactions (see `TransactionQueue`). */
  run<R>(holdsConnection: boolean, body: () => R): Promise<R>
  ensureTable(collection: string): string
  statement(sql: string): Database.Statement
  /** Runs a write, turning a UNIQUE violation into the driver-neutral `DuplicateKeyError`. */
  write<R>(collection: string, fn: () => R): R
  readonly memory: MemoryIndexes
  /** The compiled expressions `lugong_regexp` uses, shared with the prefilter of nearest-first queries. */
  readonly regexps: RegExpCache
}

interface QueryState {
  where: unknown[]
  order: Array<[string, 'asc' | 'desc']>
  skip: number
  limit?: number
}

/** Distances closer than this are the same distance (the walk and `distanceM` round apart by far less). */
const TIE_M = 1e-6

/** The values that are there, in order. A loop: in a search's hot path, flatMap took 2 µs for 20 items. */
function present<T>(values: Array<T | null | undefined>): T[] {
  const out: T[] = []
  for (const value of values) if (value !== null && value !== undefined) out.push(value)
  return out
}

const parse = <T>(row: { doc: string } | undefined): WithId<T> | null => (row ? (JSON.parse(row.doc) as WithId<T>) : null)

class SqliteDocRef<T extends DocData> implements DocRef<T> {
  constructor(
    private readonly db: SqliteConnection,
    private readonly collection: string,
    private readonly id: string,
    private readonly turn: Turn,
  ) {}

  /** Runs a synchronous statement body on this collection's table, in turn with transactions. */
  private run<R>(body: (table: string) => R): Promise<R> {
    return this.db.run(this.turn !== 'own', () => body(this.db.ensureTable(this.collection)))
  }

  get() {
    return this.run((table) => {
      const kept = typeof this.id !== 'string' || unlikeInSqlite(this.id) ? undefined : this.db.memory.keptById(this.collection)
      const known = kept?.get(this.id)
      if (known !== undefined) return { data: known as WithId<T> | null }
      const row = this.db.statement(`SELECT doc FROM ${table} WHERE _id = ?`).get(this.id) as { doc: string } | undefined
      if (kept) return { data: kept.keep(this.id, row?.doc) as WithId<T> | null }
      return { data: parse<T>(row) }
    })
  }

  set({ data }: { data: T }) {
    return this.run((table) => {
      const doc = JSON.stringify({ ...data, _id: this.id })
      this.db.write(this.collection, () =>
        this.db
          .statement(`INSERT INTO ${table} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`)
          .run(this.id, doc),
      )
    })
  }

  update({ data }: { data: Record<string, unknown> }): Promise<UpdateResult> {
    return this.run((table) => {
      const patch = compileUpdate(data)
      const info = this.db.write(this.collection, () =>
        this.db.statement(`UPDATE ${table} SET doc = ${patch.sql} WHERE _id = ?`).run(...patch.params, this.id),
      )
      return { stats: { updated: info.changes } }
    })
  }

  remove(): Promise<RemoveResult> {
    return this.run((table) => {
      const info = this.db.write(this.collection, () => this.db.statement(`DELETE FROM ${table} WHERE _id = ?`).run(this.id))
      return { stats: { removed: info.changes } }
    })
  }
}

export class SqliteCollection<T extends DocData> implements CollectionRef<T> {
  constructor(
    private readonly db: SqliteConnection,
    private readonly name: string,
    private readonly turn: Turn,
    private readonly state: QueryState = { where: [], order: [], skip: 0 },
  ) {}

  private with(change: Partial<QueryState>): SqliteCollection<T> {
    return new SqliteCollection<T>(this.db, this.name, this.turn, { ...this.state, ...change })
  }

  /** Runs a synchronous statement body on this collection's table, in turn with transactions. */
  private run<R>(body: (table: string) => R): Promise<R> {
    return this.db.run(this.turn !== 'own', () => body(this.db.ensureTable(this.name)))
  }

  doc(id: string): DocRef<T> {
    return new SqliteDocRef<T>(this.db, this.name, id, this.turn)
  }

  add({ data }: { data: NewDoc<T> }) {
    return this.run((table) => {
      const _id = data._id ?? newId()
      this.db.write(this.name, () =>
        this.db.statement(`INSERT INTO ${table} (_id, doc) VALUES (?, ?)`).run(_id, JSON.stringify({ ...data, _id })),
      )
      return { _id }
    })
  }

  /** An aggregation compiled to one SQL statement (`./aggregate.ts`). */
  aggregate(): Aggregate {
    if (this.turn === 'transaction') throw new Error('aggregate cannot run inside a transaction')
    return new RecordedAggregate((stages) =>
      this.run((table) => {
        const compiled = compileAggregate(table, stages)
        const rows = this.db.statement(compiled.sql).all(...compiled.params) as Array<Record<string, unknown>>
        return rows.map(compiled.decode)
      }),
    )
  }

  where(query: Query): QueryRef<T> {
    return this.with({ where: [...this.state.where, query] })
  }
  orderBy(field: string, direction: 'asc' | 'desc'): QueryRef<T> {
    return this.with({ order: [...this.state.order, [field, direction]] })
  }
  skip(n: number): QueryRef<T> {
    return this.with({ skip: checkedSkip(n) })
  }
  limit(n: number): QueryRef<T> {
    return this.with({ limit: checkedLimit(n) })
  }

  /** The conditions as one, and each `where` compiled on its own (in order), which the walk reuses. */
  private condition(): Compiled & { parts: Compiled[] } {
    const parts = this.state.where.map(compileQuery)
    return { ...join(parts, 'AND'), parts }
  }

  private orderSql(): string {
    if (this.state.order.length === 0) return ''
    return ' ORDER BY ' + this.state.order.map(([f, d]) => `${fieldSql(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')
  }

  get(): Promise<{ data: WithId<T>[] }> {
    return this.run((table) => {
      const limit = this.state.limit ?? DEFAULT_LIMIT
      const kept = this.db.memory.keptById(this.name)
      const ids = kept && this.state.order.length === 0 && this.state.skip === 0 ? idsAsked(this.state.where) : null
      if (kept && ids) return { data: this.byId(table, kept, ids).slice(0, limit) as WithId<T>[] }
      const cond = this.condition()
      if (cond.geo) return { data: this.nearest(table, cond, this.state.skip + limit).slice(this.state.skip) }
      const rows = this.db
        .statement(`SELECT doc FROM ${table} WHERE ${cond.sql}${this.orderSql()} LIMIT ? OFFSET ?`)
        .all(...cond.params, limit, this.state.skip) as Array<{ doc: string }>
      return { data: rows.map((r) => JSON.parse(r.doc) as WithId<T>) }
    })
  }

  /** The documents of these ids (those that exist) of a read-mostly collection: the kept ones, and the rest read at once. */
  private byId(table: string, kept: KeptById, ids: string[]): object[] {
    const found = new Map<string, object | null>()
    const missing: string[] = []
    for (const id of ids) {
      const known = kept.get(id)
      if (known === undefined) missing.push(id)
      else found.set(id, known)
    }
    if (missing.length > 0) {
      const rows = this.db
        .statement(`SELECT _id, doc FROM ${table} WHERE _id IN (SELECT value FROM json_each(?))`)
        .raw(true)
        .all(JSON.stringify(missing)) as Array<[string, string]>
      const read = new Map(rows)
      for (const id of missing) found.set(id, kept.keep(id, read.get(id)))
    }
    return present(ids.map((id) => found.get(id)))
  }

  /**
   * Nearest first, as CloudBase's geoNear (which likewise needs a geo index): take the nearest
   * points from the k-d tree a batch at a time, keep the documents among them that meet the other
   * conditions, and stop at `wanted` (and whatever is as near as the last of them, so that equal
   * distances are ordered by rowid). Distances are haversine, as everywhere in the portal. The walk
   * admits only points the element indexes allow; the conditions are then tried on the parsed
   * documents (`prefilterOf`) and SQL decides only what that cannot tell. The documents come
   * frozen, each parsed once (`MemoryIndexes.parsedDocuments`).
   */
  private nearest(table: string, cond: Compiled & { parts: Compiled[] }, wanted: number): WithId<T>[] {
    const { path, options } = cond.geo!
    const index = this.db.memory.geoIndexOf(this.name, path)
    if (!index) throw new Error(`geoNear on ${this.name}.${path} needs a declared geo index`)
    if (index.empty || wanted <= 0) return []
    const [lng, lat] = options.geometry.coordinates
    const maxKm = options.maxDistance === undefined ? Infinity : options.maxDistance / 1000
    const minDistance = options.minDistance ?? 0
    const elements = this.elementConditions()
    const masks = elements.map(({ path: elementPath, value }) => this.db.memory.elementMask(index, this.name, elementPath, value))
    const admits = masks.length > 0 ? (i: number) => masks.every((mask) => mask[i] === 1) : undefined
    // Keywords asked for before narrow the walk to the points whose documents hold them (SQL decides).
    const narrowing = this.narrowingConditions(cond.parts)
    const narrowed =
      narrowing &&
      this.db.memory.narrowedTree(index, `${narrowing.sql}\u0000${JSON.stringify(narrowing.params)}`, () => {
        // The text each keyword needs goes first, so SQLite tries the expressions only on documents that hold it.
        const needed = narrowing.queries.flatMap((query) => textNeeded(query) ?? [])
        const { sql, params } = join([...needed, narrowing], 'AND')
        try {
          return new Set(this.db.statement(`SELECT rowid FROM ${table} WHERE ${sql}`).pluck(true).all(...params) as number[])
        } catch {
          // An expression SQL refuses: the walk meets it only where it has to, as before.
          return null
        }
      })
    let tree = index.tree
    let positionOf = (i: number) => i
    let admitted = admits
    if (narrowed) {
      if (narrowed.empty) return []
      tree = narrowed.tree
      positionOf = (i) => narrowed.positions[i]
      admitted = admits && ((i: number) => admits(narrowed.positions[i]))
    }
    const documents = this.db.memory.parsedDocuments(this.name)
    const unparsed = this.db.statement(`SELECT rowid, doc FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?))`).raw(true)
    const parse = (rowids: number[]) => {
      const missing = rowids.filter((rowid) => documents.get(rowid) === undefined)
      if (missing.length === 0) return
      for (const [rowid, json] of unparsed.all(JSON.stringify(missing)) as Array<[number, string]>) documents.keep(rowid, json)
    }
    const prefilter = prefilterOf(this.state.where, this.db.regexps)
    /** Whether each of the documents of these rowids meets every condition. */
    const meets = (rowids: number[]): boolean[] => {
      let verdicts: Verdict[] | undefined
      if (prefilter) {
        parse(rowids)
        verdicts = rowids.map((rowid) => prefilter(documents.get(rowid)))
      }
      const unsure = verdicts ? rowids.filter((_rowid, i) => verdicts[i] === undefined) : rowids
      // NOT INDEXED keeps SQLite to the rowids (it still looks them up): with an index on the
      // other conditions it chose to range-scan thousands of rows, 1 ms of a 1.5 ms job search.
      const met =
        unsure.length === 0
          ? new Set<number>()
          : new Set(
              this.db
                .statement(`SELECT rowid FROM ${table} NOT INDEXED WHERE rowid IN (SELECT value FROM json_each(?)) AND (${cond.sql})`)
                .pluck(true)
                .all(JSON.stringify(unsure), ...cond.params) as number[],
            )
      return rowids.map((rowid, i) => verdicts?.[i] === true || met.has(rowid))
    }

    // Nearer first, and at the same distance the earlier row first, whichever tree was walked: the
    // walk's own order of equal distances depends on the tree, and jobs often share their employer's point.
    const here = { lat, lng }
    const found: Array<{ rowid: number; distance: number }> = []
    let checked = 0
    // Half as many again as wanted: most searches then walk once, however many of the points the
    // other conditions keep (a job search kept about three in four).
    let batch = Math.ceil(wanted * 1.5) + 4
    for (;;) {
      const nearestFirst = around(tree, lng, lat, checked + batch, maxKm, admitted)
      const rowids: number[] = []
      const distances: number[] = []
      for (let k = checked; k < nearestFirst.length; k++) {
        const [rowid, pLat, pLng] = index.points[positionOf(nearestFirst[k])]
        const distance = distanceM(here, { lat: pLat, lng: pLng })
        if (distance < minDistance) continue
        rowids.push(rowid)
        distances.push(distance)
      }
      const met = rowids.length > 0 ? meets(rowids) : []
      for (let k = 0; k < rowids.length; k++) if (met[k]) found.push({ rowid: rowids[k], distance: distances[k] })
      if (nearestFirst.length < checked + batch) break
      // Enough, once the walk has gone past the distance of the last one wanted: no tie is left behind.
      if (found.length >= wanted && distances.length > 0 && distances[distances.length - 1] > found[wanted - 1].distance + TIE_M) break
      checked = nearestFirst.length
      // The next batch is sized by how many of the points so far met the conditions.
      const rate = Math.max(found.length, 1) / checked
      batch = Math.min(Math.ceil((Math.max(wanted - found.length, 1) / rate) * 1.25) + 4, checked * 8)
    }
    const kept = found
      .sort((a, b) => a.distance - b.distance || a.rowid - b.rowid)
      .slice(0, wanted)
      .map(({ rowid }) => rowid)
    parse(kept)
    return present(kept.map((rowid) => documents.get(rowid) as WithId<T> | undefined))
  }

  /**
   * The conditions made only of regular expressions (`_.or([{ title: word }, { requirements: word }])`),
   * compiled together: they are the same from one query to the next, whatever the time or the
   * place, so the points that meet them can be kept (`MemoryIndexes.narrowedTree`).
   */
  private narrowingConditions(parts: Compiled[]): (Compiled & { queries: unknown[] }) | null {
    const regExpsOnly = this.state.where.map(onlyRegExps)
    if (!regExpsOnly.includes(true)) return null
    return { ...join(parts.filter((_part, i) => regExpsOnly[i]), 'AND'), queries: this.state.where.filter((_query, i) => regExpsOnly[i]) }
  }

  /**
   * The conditions on fields with an element index that a document's elements can decide — `_.all([...])`
   * on an array, or equality with a string or number (`{ industry: 'G' }`, `_.eq`) — as one
   * (path, value) a document must hold for each. They only narrow the walk: equality on an array
   * field is not what SQL compares (the whole value), and the prefilter or SQL decides the rest.
   */
  private elementConditions(): Array<{ path: string; value: string | number }> {
    const elements: Array<{ path: string; value: string | number }> = []
    for (const query of this.state.where) {
      if (!isPlainObject(query)) continue
      for (const [path, value] of Object.entries(query)) {
        if (this.db.memory.elementIndexOf(this.name, path) === undefined) continue
        const wanted = value instanceof Op ? (value.kind === 'all' ? (value.arg as unknown[]) : value.kind === 'eq' ? [value.arg] : null) : [value]
        // Only values json_each gives back as they are: SQLite reads JSON booleans as 1 and 0, an
        // infinite number as null, and a lone surrogate as U+FFFD.
        const usable = wanted?.every((v) => (typeof v === 'string' && !unlikeInSqlite(v)) || (typeof v === 'number' && Number.isFinite(v)))
        if (usable) for (const element of wanted as Array<string | number>) elements.push({ path, value: element })
      }
    }
    return elements
  }

  count(): Promise<{ total: number }> {
    return this.run((table) => {
      const cond = this.condition()
      if (cond.geo) return { total: this.nearest(table, cond, Number.MAX_SAFE_INTEGER).length }
      const row = this.db.statement(`SELECT count(*) AS n FROM ${table} WHERE ${cond.sql}`).get(...cond.params) as {
        n: number
      }
      return { total: row.n }
    })
  }

  update({ data }: { data: Record<string, unknown> }): Promise<UpdateResult> {
    return this.run((table) => {
      const cond = this.condition()
      if (cond.geo) throw new Error('geoNear cannot select documents to update')
      const patch = compileUpdate(data)
      const info = this.db.write(this.name, () =>
        this.db.statement(`UPDATE ${table} SET doc = ${patch.sql} WHERE ${cond.sql}`).run(...patch.params, ...cond.params),
      )
      return { stats: { updated: info.changes } }
    })
  }

  remove(): Promise<RemoveResult> {
    return this.run((table) => {
      const cond = this.condition()
      const info = this.db.write(this.name, () => this.db.statement(`DELETE FROM ${table} WHERE ${cond.sql}`).run(...cond.params))
      return { stats: { removed: info.changes } }
    })
  }
}
