import type Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { RecordedAggregate } from '../aggregate'
import { checkedLimit, checkedSkip, DEFAULT_LIMIT } from '../paging'
import type { Aggregate, CollectionRef, DocData, DocRef, NewDoc, Query, QueryRef, RemoveResult, UpdateResult, WithId } from '../types'
import { compileAggregate } from './aggregate'
import { idsAsked, keptDocuments } from './keptById'
import type { MemoryIndexes } from './memoryIndexes'
import { nearestFirst } from './nearest'
import type { RegExpCache } from './regexp'
import { compileQuery, compileUpdate, fieldSql, join, unlikeInSqlite, type Compiled } from './sql'

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
      if (kept && ids) return { data: keptDocuments(this.db, table, kept, ids).slice(0, limit) as WithId<T>[] }
      const cond = this.condition()
      if (cond.geo) return { data: nearestFirst<T>(this.db, this.name, this.state.where, table, cond, this.state.skip + limit).slice(this.state.skip) }
      const rows = this.db
        .statement(`SELECT doc FROM ${table} WHERE ${cond.sql}${this.orderSql()} LIMIT ? OFFSET ?`)
        .all(...cond.params, limit, this.state.skip) as Array<{ doc: string }>
      return { data: rows.map((r) => JSON.parse(r.doc) as WithId<T>) }
    })
  }


  count(): Promise<{ total: number }> {
    return this.run((table) => {
      const cond = this.condition()
      if (cond.geo) return { total: nearestFirst<T>(this.db, this.name, this.state.where, table, cond, Number.MAX_SAFE_INTEGER).length }
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
