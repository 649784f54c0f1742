import Database from 'better-sqlite3'
import { command, Geo } from '../command'
import { INDEXES, READ_MOSTLY, type IndexSpec } from '../indexes'
import type { CollectionRef, Db, DocData, Transaction } from '../types'
import { DuplicateKeyError } from '../types'
import { BackgroundCheckpointer } from './checkpointer'
import { SqliteCollection, type SqliteConnection } from './collection'
import { MemoryIndexes } from './memoryIndexes'
import { TransactionQueue } from './queue'
import { dbRegExp, RegExpCache, regexpFunction } from './regexp'
import { fieldSql, jsonPath } from './sql'
import { StatementCache } from './statements'

export { newId } from './collection'

const tableOf = (collection: string) => {
  if (!/^[a-z][a-z0-9_]*$/.test(collection)) throw new Error(`bad collection name: ${collection}`)
  return `c_${collection}`
}

/**
 * Whether another connection to the file has committed since last asked: `npm run grant` while the
 * runtime runs. Asked of SQLite (`PRAGMA data_version`, 1.6 µs) at most once a millisecond. A
 * checkpoint by the background worker counts as one too: what it costs is reading again.
 */
function otherCommits(sql: Database.Database): () => boolean {
  const dataVersion = sql.prepare('PRAGMA data_version').pluck()
  let seen: unknown = dataVersion.get()
  let askedAt = performance.now()
  return () => {
    const now = performance.now()
    if (now - askedAt < 1) return false
    askedAt = now
    const version = dataVersion.get()
    if (version === seen) return false
    seen = version
    return true
  }
}

export interface SqliteDbOptions {
  /** A file path, or `:memory:`. */
  filename: string
  indexes?: IndexSpec[]
  /** Collections whose documents are kept parsed by id (`READ_MOSTLY` unless given). */
  readMostly?: readonly string[]
  /**
   * A test hook, awaited before every statement body (inside transactions too), so that a test
   * can make callers really interleave, e.g. `() => new Promise((r) => setImmediate(r))`.
   */
  yieldBetween?: () => Promise<void>
  /** Checkpoints a database file from a worker thread (`BackgroundCheckpointer`); on unless `false`. */
  checkpointInBackground?: boolean
}

/**
 * The CloudBase database semantics on one SQLite file: a table per collection holding JSON
 * documents, an expression index for every declared index, WAL for concurrent readers.
 * better-sqlite3 is synchronous, so a single statement is atomic; while a transaction is open,
 * every other caller's statement waits in a queue (`TransactionQueue`), so none can slip in
 * between its awaits. The SQL itself is compiled in `sql.ts`; geo and array-element indexes live
 * in memory (`MemoryIndexes`).
 */
export class SqliteDb implements Db, SqliteConnection {
  readonly command = command
  readonly Geo = Geo
  readonly RegExp = dbRegExp
  readonly sql: Database.Database
  readonly memory: MemoryIndexes
  private readonly tables = new Set<string>()
  private readonly statements: StatementCache
  private readonly queue: TransactionQueue
  private readonly checkpointer: BackgroundCheckpointer | undefined
  /** The compiled expressions of `db.RegExp` conditions, bounded. */
  readonly regexps = new RegExpCache()

  constructor(options: SqliteDbOptions) {
    this.sql = new Database(options.filename)
    this.sql.pragma('journal_mode = WAL')
    this.sql.pragma('synchronous = NORMAL')
    this.sql.pragma('busy_timeout = 5000')
    // What is deleted (a closed account, a forgotten request) is overwritten, not left in free pages.
    this.sql.pragma('secure_delete = ON')
    this.sql.function('lugong_regexp', { deterministic: true }, regexpFunction(this.regexps))
    // An update that must not be applied (`compileUpdate`) fails its statement, which then changes nothing.
    this.sql.function('lugong_refuse', (message: unknown) => {
      throw new Error(String(message))
    })
    this.statements = new StatementCache(this.sql)
    this.queue = new TransactionQueue(options.yieldBetween)
    const inMemory = options.filename === ':memory:' || options.filename === ''
    this.memory = new MemoryIndexes(
      (collection) => this.ensureTable(collection),
      (sql) => this.statement(sql).raw(true).all() as unknown[][],
      inMemory ? () => false : otherCommits(this.sql),
    )
    for (const spec of options.indexes ?? INDEXES) this.createIndex(spec)
    for (const collection of options.readMostly ?? READ_MOSTLY) this.memory.declareReadMostly(collection)
    this.checkpointer =
      inMemory || options.checkpointInBackground === false
        ? undefined
        : new BackgroundCheckpointer(options.filename, (pragmas) => pragmas.forEach((p) => this.sql.pragma(p)))
  }

  /** Moves the write-ahead log into the database and empties it, so what was deleted lingers nowhere. */
  checkpoint() {
    this.sql.pragma('wal_checkpoint(TRUNCATE)')
  }

  close() {
    this.checkpointer?.close()
    this.sql.close()
  }

  collection<T extends DocData = Record<string, unknown>>(name: string): CollectionRef<T> {
    return new SqliteCollection<T>(this, name, 'own')
  }

  async runTransaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    await this.queue.begin()
    // As a group's: once SQLite has ended the transaction (a full disk) or the work has returned,
    // a statement of it would run on its own and commit by itself.
    const transaction = { open: true }
    const connection = this.heldConnection(() => {
      if (!transaction.open || !this.sql.inTransaction) throw new Error('the transaction has ended; nothing more of it is run')
    })
    try {
      this.begin()
      const tx: Transaction = {
        collection: <T extends DocData>(name: string) => new SqliteCollection<T>(connection, name, 'transaction'),
      }
      const result = await work(tx)
      this.sql.exec('COMMIT')
      return result
    } catch (error) {
      this.rollBack()
      throw error
    } finally {
      transaction.open = false
      this.queue.end()
    }
  }

  /** The connection for whoever holds the queue's turn: every statement first asks `stillOpen`. */
  private heldConnection(stillOpen: () => void): SqliteConnection {
    return {
      run: (_holdsConnection, body) => this.queue.run(true, () => (stillOpen(), body())),
      ensureTable: (collection) => this.ensureTable(collection),
      statement: (sql) => this.statement(sql),
      write: (collection, fn) => this.write(collection, fn),
      memory: this.memory,
      regexps: this.regexps,
    }
  }

  /** Tables created and collections written since the open transaction began: what a rollback undoes. */
  private readonly sinceBegin = { tables: new Set<string>(), written: new Set<string>() }

  private begin() {
    this.sql.exec('BEGIN IMMEDIATE')
    this.sinceBegin.tables.clear()
    this.sinceBegin.written.clear()
  }

  /** Rolls the open transaction back (if SQLite has not already), then forgets what it undid. */
  private rollBack() {
    if (this.sql.inTransaction) this.sql.exec('ROLLBACK')
    this.forgetUndone()
  }

  /**
   * After a rollback: a table it undid is created again when next needed, and the in-memory indexes
   * of what it wrote are rebuilt (they may have been read with its rows in them).
   */
  private forgetUndone() {
    for (const table of this.sinceBegin.tables) this.tables.delete(table)
    for (const collection of this.sinceBegin.written) this.memory.touched(collection)
  }

  /**
   * Group commit for calls that take turns (`ArrivalOrder`): runs `calls` one after another, each
   * with a database that sees what the calls before it wrote, inside one SQLite transaction that
   * commits once at the end. A call's own transactions are savepoints in it, rolled back alone
   * when they fail, and its single statements count as they would on their own. No call's answer
   * is given before the commit, so whatever is answered is as durable as before; when the commit
   * (or SQLite itself) gives up, nothing of the group is written and every call is answered
   * with that error. In a rush a sign-up's commit wrote thirteen pages to the log, most of them
   * the same few pages as the sign-up before it: together, each is written once per group.
   */
  async together<R>(calls: ReadonlyArray<(db: Db) => Promise<R>>): Promise<Array<PromiseSettledResult<R>>> {
    await this.queue.begin()
    // A statement of the group runs only while the group's transaction is open: once SQLite has
    // ended it (or the group is over), a statement on its own would commit by itself.
    const group = { open: true }
    const inGroup = () => {
      if (!group.open || !this.sql.inTransaction) throw new Error('the group commit has ended; nothing more of it is run')
    }
    const connection = this.heldConnection(inGroup)
    try {
      this.begin()
      const grouped: Db = {
        command,
        Geo,
        RegExp: dbRegExp,
        collection: <T extends DocData>(name: string) => new SqliteCollection<T>(connection, name, 'group'),
        runTransaction: (work) => this.inSavepoint(connection, inGroup, work),
      }
      const settled: Array<PromiseSettledResult<R>> = []
      for (const call of calls) {
        try {
          settled.push({ status: 'fulfilled', value: await call(grouped) })
        } catch (reason) {
          settled.push({ status: 'rejected', reason })
        }
        // SQLite ends the whole transaction on some failures (a full disk): then nothing is kept.
        if (!this.sql.inTransaction) throw new Error('the group commit\'s transaction was rolled back')
      }
      this.sql.exec('COMMIT')
      return settled
    } catch (error) {
      this.rollBack()
      return calls.map(() => ({ status: 'rejected', reason: error }))
    } finally {
      group.open = false
      this.queue.end()
    }
  }

  private savepoints = 0
  /** The group's transactions one at a time, as the queue takes them one at a time outside a group. */
  private savepointTurn: Promise<unknown> = Promise.resolve()

  /** A transaction inside a group (`together`): a savepoint, so a failing one undoes only itself. */
  private inSavepoint<R>(connection: SqliteConnection, inGroup: () => void, work: (tx: Transaction) => Promise<R>): Promise<R> {
    const mine = this.savepointTurn.then(() => this.savepoint(connection, inGroup, work))
    this.savepointTurn = mine.catch(() => undefined)
    return mine
  }

  private async savepoint<R>(connection: SqliteConnection, inGroup: () => void, work: (tx: Transaction) => Promise<R>): Promise<R> {
    // Outside a transaction SAVEPOINT would open one of its own, and RELEASE commit it.
    inGroup()
    const name = `call_${++this.savepoints}`
    this.sql.exec(`SAVEPOINT ${name}`)
    try {
      const result = await work({ collection: <T extends DocData>(collection: string) => new SqliteCollection<T>(connection, collection, 'transaction') })
      this.sql.exec(`RELEASE ${name}`)
      return result
    } catch (error) {
      if (this.sql.inTransaction) {
        this.sql.exec(`ROLLBACK TO ${name}`)
        this.sql.exec(`RELEASE ${name}`)
      }
      this.forgetUndone()
      throw error
    }
  }

  run<R>(holdsConnection: boolean, body: () => R): Promise<R> {
    return this.queue.run(holdsConnection, body)
  }

  ensureTable(collection: string): string {
    const table = tableOf(collection)
    if (!this.tables.has(table)) {
      // A rowid table: a geo index refers to documents by rowid.
      this.sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`)
      this.tables.add(table)
      if (this.sql.inTransaction) this.sinceBegin.tables.add(table)
    }
    return table
  }

  statement(sql: string): Database.Statement {
    return this.statements.get(sql)
  }

  /** How many checkpoints the worker thread has run (0 in memory, or before enough writes to start it). */
  get backgroundCheckpoints(): number {
    return this.checkpointer?.done ?? 0
  }

  /** How many prepared statements are cached (bounded by `STATEMENT_CACHE_SIZE`). */
  get cachedStatements(): number {
    return this.statements.size
  }

  write<R>(collection: string, fn: () => R): R {
    this.memory.touched(collection)
    if (this.sql.inTransaction) this.sinceBegin.written.add(collection)
    this.checkpointer?.wrote()
    try {
      return fn()
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new DuplicateKeyError(collection)
      throw error
    }
  }

  private createIndex(spec: IndexSpec) {
    const table = this.ensureTable(spec.collection)
    if (this.memory.declare(spec)) return
    const name = `ix_${spec.collection}_${spec.name}`
    const columns = spec.fields.map((f) => `${fieldSql(f.path)}${f.direction === 'desc' ? ' DESC' : ''}`)
    const unique = spec.unique ? 'UNIQUE ' : ''
    this.sql.exec(`CREATE ${unique}INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`)
    if (spec.unique) this.createNullGuard(table, name, spec)
  }

  /**
   * SQLite's UNIQUE treats every NULL as distinct; MongoDB's unique index counts a missing field
   * as null, so only one document may lack it. This partial index covers the keys with a null
   * (JSON null or missing; json_quote turns both into 'null') and makes them unique too. A sparse
   * index leaves out the documents that lack every indexed field, as MongoDB's does.
   */
  private createNullGuard(table: string, name: string, spec: IndexSpec) {
    const values = spec.fields.map((f) => fieldSql(f.path))
    const anyNull = values.map((v) => `${v} IS NULL`).join(' OR ')
    const present = spec.fields.map((f) => (f.path === '_id' ? '1' : `json_type(doc, '${jsonPath(f.path)}') IS NOT NULL`)).join(' OR ')
    const where = spec.sparse ? `(${anyNull}) AND (${present})` : anyNull
    const keys = values.map((v) => `json_quote(${v})`).join(', ')
    this.sql.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${name}__null ON ${table} (${keys}) WHERE ${where}`)
  }
}
