import Database from 'better-sqlite3'
import { around } from 'geokdbush'
import KDBush from 'kdbush'
import { randomBytes } from 'node:crypto'
import { distanceM } from '../../domain/stations/distance'
import { command, Geo, Op } from '../command'
import { INDEXES, type IndexSpec } from '../indexes'
import type {
  CollectionRef,
  Db,
  DocData,
  DocRef,
  NewDoc,
  Query,
  QueryRef,
  RemoveResult,
  Transaction,
  UpdateResult,
  WithId,
} from '../types'
import { DuplicateKeyError } from '../types'
import { compileQuery, compileUpdate, fieldSql, geoLatSql, geoLngSql, isPlainObject, jsonPath, type Compiled } from './sql'

/** CloudBase's server SDK returns at most 100 documents unless asked, and never more than 1000. */
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

const tableOf = (collection: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(collection)) throw new Error(`bad collection name: ${collection}`)
  return `c_${collection}`
}

export const newId = () => randomBytes(16).toString('hex')

interface GeoIndex {
  version: number
  tree: KDBush
  /** [rowid, lat, lng] of the point at each position of the tree. */
  points: Array<[number, number, number]>
  empty: boolean
}

/** Array element → rowids of the documents whose array holds it; in memory like the geo index. */
interface ElementIndex {
  version: number
  rowidsOf: Map<unknown, Set<number>>
}

interface QueryState {
  where: unknown[]
  order: Array<[string, 'asc' | 'desc']>
  skip: number
  limit?: number
}

export interface SqliteDbOptions {
  /** A file path, or `:memory:`. */
  filename: string
  indexes?: IndexSpec[]
}

/**
 * The CloudBase database semantics on one SQLite file: a table per collection holding JSON
 * documents, an expression index for every declared index, WAL for concurrent readers.
 * better-sqlite3 is synchronous, so a single statement is atomic; while a transaction is open,
 * every other caller's statement waits in a queue, so none can slip in between its awaits.
 */
export class SqliteDb implements Db {
  readonly command = command
  readonly Geo = Geo
  readonly sql: Database.Database
  private readonly tables = new Set<string>()
  private readonly statements = new Map<string, Database.Statement>()
  /** A transaction is open (or has been handed the connection and is about to begin). */
  private txActive = false
  private readonly queue: Array<{ tx: boolean; go: () => void }> = []
  private readonly indexes: IndexSpec[]
  private readonly geoIndexes = new Map<string, { built: GeoIndex | null }>()
  private readonly versions = new Map<string, number>()
  private readonly elementIndexes = new Map<string, { built: ElementIndex | null }>()

  constructor(options: SqliteDbOptions) {
    this.sql = new Database(options.filename)
    this.sql.pragma('journal_mode = WAL')
    this.sql.pragma('synchronous = NORMAL')
    this.sql.pragma('busy_timeout = 5000')
    this.indexes = options.indexes ?? INDEXES
    for (const spec of this.indexes) this.createIndex(spec)
  }

  close() {
    this.sql.close()
  }

  collection<T extends DocData = Record<string, unknown>>(name: string): CollectionRef<T> {
    return new SqliteCollection<T>(this, name, { where: [], order: [], skip: 0 }, false)
  }

  async runTransaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    if (this.txActive) await new Promise<void>((go) => this.queue.push({ tx: true, go }))
    else this.txActive = true
    try {
      this.sql.exec('BEGIN IMMEDIATE')
      const tx: Transaction = {
        collection: <T extends DocData>(name: string) =>
          new SqliteCollection<T>(this, name, { where: [], order: [], skip: 0 }, true),
      }
      const result = await work(tx)
      this.sql.exec('COMMIT')
      return result
    } catch (error) {
      if (this.sql.inTransaction) this.sql.exec('ROLLBACK')
      throw error
    } finally {
      this.txActive = false
      this.drain()
    }
  }

  /**
   * Runs a synchronous statement body when no other caller's transaction is open (better-sqlite3
   * shares one connection, so a statement run meanwhile would become part of that transaction).
   */
  async exec<R>(inTransaction: boolean, body: () => R): Promise<R> {
    if (!inTransaction && this.txActive) await new Promise<void>((go) => this.queue.push({ tx: false, go }))
    return body()
  }

  /**
   * After a transaction: lets the waiting statements go in order, up to and including the next
   * transaction, which is marked open at once so that nothing queued behind it slips ahead.
   * Each waiter is woken once; while no transaction is open the queue is empty.
   */
  private drain() {
    while (this.queue.length > 0 && !this.txActive) {
      const next = this.queue.shift()!
      if (next.tx) this.txActive = true
      next.go()
    }
  }

  ensureTable(collection: string): string {
    const table = tableOf(collection)
    if (!this.tables.has(table)) {
      // A rowid table: a geo index refers to documents by rowid.
      this.sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      this.tables.add(table)
    }
    return table
  }

  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.sql.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Runs a write, turning a UNIQUE violation into the driver-neutral `DuplicateKeyError`. */
  write<R>(collection: string, fn: () => R): R {
    this.touched(collection)
    try {
      return fn()
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new DuplicateKeyError(collection)
      throw error
    }
  }

  private createIndex(spec: IndexSpec) {
    const table = this.ensureTable(spec.collection)
    // Geo and element indexes live in memory (see geoIndexOf, elementIndexOf).
    const geo = spec.fields.find((f) => f.geo)
    if (geo) {
      this.geoIndexes.set(`${spec.collection}:${geo.path}`, { built: null })
      return
    }
    const each = spec.fields.find((f) => f.each)
    if (each) {
      this.elementIndexes.set(`${spec.collection}:${each.path}`, { built: null })
      return
    }
    const columns = spec.fields.map((f) => `${fieldSql(f.path)}${f.direction === 'desc' ? ' DESC' : ''}`)
    const unique = spec.unique ? 'UNIQUE ' : ''
    this.sql.exec(
      `CREATE ${unique}INDEX IF NOT EXISTS ix_${spec.collection}_${spec.name} ON ${table} (${columns.join(', ')})`,
    )
  }

  /** Every write to a collection makes its in-memory indexes stale. */
  touched(collection: string) {
    this.versions.set(collection, (this.versions.get(collection) ?? 0) + 1)
  }

  /**
   * A geo index: a static k-d tree of the points (kdbush), searched nearest first (geokdbush),
   * read from the table when first needed and again after any write to the collection. One process
   * owns the database file, so it sees every write.
   */
  geoIndexOf(collection: string, path: string): GeoIndex | undefined {
    const entry = this.geoIndexes.get(`${collection}:${path}`)
    if (!entry) return undefined
    const version = this.versions.get(collection) ?? 0
    if (entry.built?.version !== version) {
      const table = this.ensureTable(collection)
      const rows = this.statement(
        `SELECT rowid, ${geoLatSql(path)}, ${geoLngSql(path)} FROM ${table} WHERE ${geoLatSql(path)} IS NOT NULL`,
      )
        .raw(true)
        .all() as Array<[number, number, number]>
      const tree = new KDBush(Math.max(rows.length, 1))
      for (const [, lat, lng] of rows) tree.add(lng, lat)
      if (rows.length === 0) tree.add(0, 0)
      tree.finish()
      entry.built = { version, tree, points: rows, empty: rows.length === 0 }
    }
    return entry.built
  }

  /** The element index of `collection.path`, built afresh when the collection has changed since. */
  elementIndexOf(collection: string, path: string): ElementIndex | undefined {
    const entry = this.elementIndexes.get(`${collection}:${path}`)
    if (!entry) return undefined
    const version = this.versions.get(collection) ?? 0
    if (entry.built?.version !== version) {
      const table = this.ensureTable(collection)
      const rows = this.statement(`SELECT t.rowid, e.value FROM ${table} t, json_each(t.doc, '${jsonPath(path)}') e`)
        .raw(true)
        .all() as Array<[number, unknown]>
      const rowidsOf = new Map<unknown, Set<number>>()
      for (const [rowid, value] of rows) {
        if (!rowidsOf.has(value)) rowidsOf.set(value, new Set())
        rowidsOf.get(value)!.add(rowid)
      }
      entry.built = { version, rowidsOf }
    }
    return entry.built
  }
}

const parse = <T>(row: { doc: string } | undefined): WithId<T> | null => (row ? (JSON.parse(row.doc) as WithId<T>) : null)

class SqliteDocRef<T extends DocData> implements DocRef<T> {
  constructor(
    private readonly db: SqliteDb,
    private readonly collection: string,
    private readonly id: string,
    private readonly inTransaction: boolean,
  ) {}

  /** Runs a synchronous statement body on this collection's table, in turn with transactions. */
  private run<R>(body: (table: string) => R): Promise<R> {
    return this.db.exec(this.inTransaction, () => body(this.db.ensureTable(this.collection)))
  }

  get() {
    return this.run((table) => {
      const row = this.db.statement(`SELECT doc FROM ${table} WHERE _id = ?`).get(this.id) as { doc: string } | undefined
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

class SqliteCollection<T extends DocData> implements CollectionRef<T> {
  constructor(
    private readonly db: SqliteDb,
    private readonly name: string,
    private readonly state: QueryState,
    private readonly inTransaction: boolean,
  ) {}

  private with(change: Partial<QueryState>): SqliteCollection<T> {
    return new SqliteCollection<T>(this.db, this.name, { ...this.state, ...change }, this.inTransaction)
  }

  /** Runs a synchronous statement body on this collection's table, in turn with transactions. */
  private run<R>(body: (table: string) => R): Promise<R> {
    return this.db.exec(this.inTransaction, () => body(this.db.ensureTable(this.name)))
  }

  doc(id: string): DocRef<T> {
    return new SqliteDocRef<T>(this.db, this.name, id, this.inTransaction)
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

  where(query: Query): QueryRef<T> {
    return this.with({ where: [...this.state.where, query] })
  }
  orderBy(field: string, direction: 'asc' | 'desc'): QueryRef<T> {
    return this.with({ order: [...this.state.order, [field, direction]] })
  }
  skip(n: number): QueryRef<T> {
    return this.with({ skip: n })
  }
  limit(n: number): QueryRef<T> {
    return this.with({ limit: n })
  }

  private condition(): Compiled {
    const parts = this.state.where.map(compileQuery)
    if (parts.length === 0) return { sql: '1', params: [] }
    return {
      sql: parts.map((p) => `(${p.sql})`).join(' AND '),
      params: parts.flatMap((p) => p.params),
      geo: parts.find((p) => p.geo)?.geo,
    }
  }

  private orderSql(): string {
    if (this.state.order.length === 0) return ''
    return ' ORDER BY ' + this.state.order.map(([f, d]) => `${fieldSql(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')
  }

  get(): Promise<{ data: WithId<T>[] }> {
    return this.run((table) => {
      const cond = this.condition()
      const limit = Math.min(this.state.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
      if (cond.geo) return { data: this.nearest(table, cond, this.state.skip + limit).slice(this.state.skip) }
      const rows = this.db
        .statement(`SELECT doc FROM ${table} WHERE ${cond.sql}${this.orderSql()} LIMIT ? OFFSET ?`)
        .all(...cond.params, limit, this.state.skip) as Array<{ doc: string }>
      return { data: rows.map((r) => JSON.parse(r.doc) as WithId<T>) }
    })
  }

  /**
   * Nearest first, as CloudBase's geoNear (which likewise needs a geo index): take the nearest
   * points from the k-d tree a batch at a time, keep the documents among them that meet the other
   * conditions, and stop at `wanted`. Distances are haversine, as everywhere in the portal.
   */
  private nearest(table: string, cond: Compiled, wanted: number): WithId<T>[] {
    const { path, options } = cond.geo!
    const index = this.db.geoIndexOf(this.name, path)
    if (!index) throw new Error(`geoNear on ${this.name}.${path} needs a declared geo index`)
    if (index.empty || wanted <= 0) return []
    const [lng, lat] = options.geometry.coordinates
    const maxKm = options.maxDistance === undefined ? Infinity : options.maxDistance / 1000
    const minDistance = options.minDistance ?? 0
    const matching = this.db
      .statement(`SELECT rowid, doc FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?)) AND (${cond.sql})`)
      .raw(true)

    const canMatch = this.elementFilter()
    const admits = canMatch ? (i: number) => canMatch(index.points[i][0]) : undefined

    const found: WithId<T>[] = []
    let checked = 0
    let batch = wanted + 4
    for (;;) {
      const nearestFirst = around(index.tree, lng, lat, checked + batch, maxKm, admits)
      const fresh = nearestFirst
        .slice(checked)
        .map((i) => index.points[i])
        .filter(([, pLat, pLng]) => minDistance === 0 || distanceM({ lat, lng }, { lat: pLat, lng: pLng }) >= minDistance)
        .map(([rowid]) => rowid)
      if (fresh.length > 0) {
        const docs = new Map(matching.all(JSON.stringify(fresh), ...cond.params) as Array<[number, string]>)
        for (const rowid of fresh) {
          const doc = docs.get(rowid)
          if (doc === undefined) continue
          found.push(JSON.parse(doc) as WithId<T>)
          if (found.length === wanted) return found
        }
      }
      if (nearestFirst.length < checked + batch) return found
      checked = nearestFirst.length
      // The next batch is sized by how many of the points so far met the conditions.
      const rate = Math.max(found.length, 1) / checked
      batch = Math.min(Math.ceil(((wanted - found.length) / rate) * 1.25) + 4, checked * 8)
    }
  }

  /**
   * A test of whether a rowid can meet the `_.all([...])` conditions on arrays with an element
   * index, or null when there are none. It only narrows: SQL still checks every condition.
   */
  private elementFilter(): ((rowid: number) => boolean) | null {
    const holderSets: Array<Set<number>> = []
    for (const query of this.state.where) {
      if (!isPlainObject(query)) continue
      for (const [path, value] of Object.entries(query)) {
        if (!(value instanceof Op) || value.kind !== 'all') continue
        const index = this.db.elementIndexOf(this.name, path)
        if (!index) continue
        for (const element of value.arg as unknown[]) holderSets.push(index.rowidsOf.get(element) ?? new Set())
      }
    }
    if (holderSets.length === 0) return null
    holderSets.sort((a, b) => a.size - b.size)
    return (rowid) => holderSets.every((holders) => holders.has(rowid))
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

