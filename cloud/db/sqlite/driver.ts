import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { boundingBox, distanceM } from '../../domain/stations/distance'
import { command, Geo } from '../command'
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
import { compileQuery, compileUpdate, fieldSql, geoLatSql, geoLngSql, type Compiled } from './sql'

/** CloudBase's server SDK returns at most 100 documents unless asked, and never more than 1000. */
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

const tableOf = (collection: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(collection)) throw new Error(`bad collection name: ${collection}`)
  return `c_${collection}`
}

export const newId = () => randomBytes(16).toString('hex')

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
 * better-sqlite3 is synchronous, so a single statement is atomic; a transaction holds a gate
 * that every other caller awaits, so no outside write can slip between its awaits.
 */
export class SqliteDb implements Db {
  readonly command = command
  readonly Geo = Geo
  readonly sql: Database.Database
  private readonly tables = new Set<string>()
  private readonly statements = new Map<string, Database.Statement>()
  private gate: Promise<void> | null = null
  private readonly indexes: IndexSpec[]

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
    await this.enter()
    let release!: () => void
    this.gate = new Promise((resolve) => (release = resolve))
    this.sql.exec('BEGIN IMMEDIATE')
    try {
      const tx: Transaction = {
        collection: <T extends DocData>(name: string) =>
          new SqliteCollection<T>(this, name, { where: [], order: [], skip: 0 }, true),
      }
      const result = await work(tx)
      this.sql.exec('COMMIT')
      return result
    } catch (error) {
      this.sql.exec('ROLLBACK')
      throw error
    } finally {
      this.gate = null
      release()
    }
  }

  /** Waits while another caller's transaction is open. */
  async enter(): Promise<void> {
    while (this.gate) await this.gate
  }

  ensureTable(collection: string): string {
    const table = tableOf(collection)
    if (!this.tables.has(table)) {
      this.sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID`)
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
    try {
      return fn()
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new DuplicateKeyError(collection)
      throw error
    }
  }

  private createIndex(spec: IndexSpec) {
    const table = this.ensureTable(spec.collection)
    const columns = spec.fields.flatMap((f) =>
      f.geo ? [geoLatSql(f.path), geoLngSql(f.path)] : [`${fieldSql(f.path)}${f.direction === 'desc' ? ' DESC' : ''}`],
    )
    const unique = spec.unique ? 'UNIQUE ' : ''
    this.sql.exec(
      `CREATE ${unique}INDEX IF NOT EXISTS ix_${spec.collection}_${spec.name} ON ${table} (${columns.join(', ')})`,
    )
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

  private async ready() {
    if (!this.inTransaction) await this.db.enter()
    return this.db.ensureTable(this.collection)
  }

  async get() {
    const table = await this.ready()
    const row = this.db.statement(`SELECT doc FROM ${table} WHERE _id = ?`).get(this.id) as { doc: string } | undefined
    return { data: parse<T>(row) }
  }

  async set({ data }: { data: T }) {
    const table = await this.ready()
    const doc = JSON.stringify({ ...data, _id: this.id })
    this.db.write(this.collection, () =>
      this.db
        .statement(`INSERT INTO ${table} (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc`)
        .run(this.id, doc),
    )
  }

  async update({ data }: { data: Record<string, unknown> }): Promise<UpdateResult> {
    const table = await this.ready()
    const patch = compileUpdate(data)
    const info = this.db.write(this.collection, () =>
      this.db.statement(`UPDATE ${table} SET doc = ${patch.sql} WHERE _id = ?`).run(...patch.params, this.id),
    )
    return { stats: { updated: info.changes } }
  }

  async remove(): Promise<RemoveResult> {
    const table = await this.ready()
    const info = this.db.statement(`DELETE FROM ${table} WHERE _id = ?`).run(this.id)
    return { stats: { removed: info.changes } }
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

  private async ready() {
    if (!this.inTransaction) await this.db.enter()
    return this.db.ensureTable(this.name)
  }

  doc(id: string): DocRef<T> {
    return new SqliteDocRef<T>(this.db, this.name, id, this.inTransaction)
  }

  async add({ data }: { data: NewDoc<T> }) {
    const table = await this.ready()
    const _id = data._id ?? newId()
    this.db.write(this.name, () =>
      this.db.statement(`INSERT INTO ${table} (_id, doc) VALUES (?, ?)`).run(_id, JSON.stringify({ ...data, _id })),
    )
    return { _id }
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

  async get(): Promise<{ data: WithId<T>[] }> {
    const table = await this.ready()
    const cond = this.condition()
    const limit = Math.min(this.state.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
    if (cond.geo) return { data: this.nearest(table, cond, this.state.skip + limit).slice(this.state.skip) }
    const rows = this.db
      .statement(`SELECT doc FROM ${table} WHERE ${cond.sql}${this.orderSql()} LIMIT ? OFFSET ?`)
      .all(...cond.params, limit, this.state.skip) as Array<{ doc: string }>
    return { data: rows.map((r) => JSON.parse(r.doc) as WithId<T>) }
  }

  /**
   * Nearest first, as CloudBase's geoNear: look inside a bounding box around the point and widen
   * it fourfold until it holds `wanted` documents within its radius (or reaches `maxDistance`).
   * Every point within the radius lies inside the box, so what is found is the true nearest.
   */
  private nearest(table: string, cond: Compiled, wanted: number): WithId<T>[] {
    const { path, options } = cond.geo!
    const [lng, lat] = options.geometry.coordinates
    const centre = { lat, lng }
    const maxDistance = options.maxDistance ?? Infinity
    const minDistance = options.minDistance ?? 0
    const latSql = geoLatSql(path)
    const lngSql = geoLngSql(path)
    const statement = this.db.statement(
      `SELECT doc FROM ${table} WHERE ${latSql} BETWEEN ? AND ? AND ${lngSql} BETWEEN ? AND ? AND (${cond.sql})`,
    )
    let radius = Math.min(maxDistance, 1000)
    for (;;) {
      const box = boundingBox(centre, radius)
      const rows = statement.all(box.minLat, box.maxLat, box.minLng, box.maxLng, ...cond.params) as Array<{ doc: string }>
      const found: Array<{ doc: WithId<T>; d: number }> = []
      for (const row of rows) {
        const doc = JSON.parse(row.doc) as WithId<T>
        const [pLng, pLat] = readPath(doc, path).coordinates as [number, number]
        const d = distanceM(centre, { lat: pLat, lng: pLng })
        if (d <= radius && d <= maxDistance && d >= minDistance) found.push({ doc, d })
      }
      if (found.length >= wanted || radius >= maxDistance || radius > 2.1e7) {
        found.sort((a, b) => a.d - b.d)
        return found.slice(0, wanted).map((f) => f.doc)
      }
      radius = Math.min(radius * 4, maxDistance)
    }
  }

  async count(): Promise<{ total: number }> {
    const table = await this.ready()
    const cond = this.condition()
    if (cond.geo) return { total: this.nearest(table, cond, Number.MAX_SAFE_INTEGER).length }
    const row = this.db.statement(`SELECT count(*) AS n FROM ${table} WHERE ${cond.sql}`).get(...cond.params) as {
      n: number
    }
    return { total: row.n }
  }

  async update({ data }: { data: Record<string, unknown> }): Promise<UpdateResult> {
    const table = await this.ready()
    const cond = this.condition()
    if (cond.geo) throw new Error('geoNear cannot select documents to update')
    const patch = compileUpdate(data)
    const info = this.db.write(this.name, () =>
      this.db.statement(`UPDATE ${table} SET doc = ${patch.sql} WHERE ${cond.sql}`).run(...patch.params, ...cond.params),
    )
    return { stats: { updated: info.changes } }
  }

  async remove(): Promise<RemoveResult> {
    const table = await this.ready()
    const cond = this.condition()
    const info = this.db.statement(`DELETE FROM ${table} WHERE ${cond.sql}`).run(...cond.params)
    return { stats: { removed: info.changes } }
  }
}

function readPath(doc: unknown, path: string): { coordinates: unknown } {
  let value: unknown = doc
  for (const part of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[part]
  return value as { coordinates: unknown }
}
