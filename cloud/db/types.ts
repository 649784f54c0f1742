/**
 * The part of the CloudBase database API the services use (ARCHITECTURE.md, "The database").
 * Both drivers implement it: `cloudbase` by passing through to wx-server-sdk, `sqlite` locally.
 * One deliberate difference from wx-server-sdk: `doc(id).get()` answers `{ data: null }` for a
 * missing document instead of rejecting, so callers never parse driver error strings.
 */

export type DocData = object
export type WithId<T> = T & { _id: string }
/** A document to insert: `_id` is optional, generated when missing. */
export type NewDoc<T> = Omit<T, '_id'> & { _id?: string }

/** A query or update operator, built by `db.command`. Opaque to the services. */
export interface Operator {
  readonly kind: string
  and(other: Operator): Operator
  or(other: Operator): Operator
}

export interface GeoPoint {
  type: 'Point'
  coordinates: [number, number]
}

export interface GeoNearOptions {
  geometry: GeoPoint
  maxDistance?: number
  minDistance?: number
}

export interface Command {
  eq(value: unknown): Operator
  neq(value: unknown): Operator
  gt(value: unknown): Operator
  gte(value: unknown): Operator
  lt(value: unknown): Operator
  lte(value: unknown): Operator
  in(values: unknown[]): Operator
  nin(values: unknown[]): Operator
  exists(present: boolean): Operator
  /** An array field holds every one of these values. */
  all(values: unknown[]): Operator
  /** Both forms of CloudBase: `_.and([a, b])` and `_.and(a, b)`. */
  and(conditions: ReadonlyArray<Operator | Query>): Operator
  and(...conditions: Array<Operator | Query>): Operator
  or(conditions: ReadonlyArray<Operator | Query>): Operator
  or(...conditions: Array<Operator | Query>): Operator
  /** Nearest first; as a `where` condition on a field holding a `Geo.Point`. */
  geoNear(options: GeoNearOptions): Operator
  inc(by: number): Operator
  push(...values: unknown[]): Operator
  set(value: unknown): Operator
  remove(): Operator
}

/** What `db.RegExp` takes, as CloudBase has it: the expression as a string, and its flags. */
export interface RegExpOptions {
  regexp: string
  /** Any of `i` (case-insensitive), `m` (^ and $ at line breaks), `s` (. matches a newline). */
  options?: string
}

/**
 * A regular expression as the value of a field in a `where` (CloudBase's `db.RegExp`): the field
 * matches when it is a string the expression finds a match in, or an array holding such a string.
 * Not an operand of other operators (CloudBase: "正则表达式不可用于 db.command 内").
 */
export interface DbRegExp {
  readonly regexp: string
  readonly options?: string
}

/** A `where` condition: field paths (dot notation) to values or operators, or one logic operator. */
export type Query = Record<string, unknown> | Operator

export interface UpdateResult {
  stats: { updated: number }
}
export interface RemoveResult {
  stats: { removed: number }
}

export interface DocRef<T extends DocData> {
  get(): Promise<{ data: WithId<T> | null }>
  /** Replaces the whole document, creating it when missing. */
  set(options: { data: T }): Promise<void>
  /** Sets the given fields (nested objects merge field by field); operators apply in place. */
  update(options: { data: Record<string, unknown> }): Promise<UpdateResult>
  remove(): Promise<RemoveResult>
}

export interface QueryRef<T extends DocData> {
  where(query: Query): QueryRef<T>
  orderBy(field: string, direction: 'asc' | 'desc'): QueryRef<T>
  skip(n: number): QueryRef<T>
  limit(n: number): QueryRef<T>
  get(): Promise<{ data: WithId<T>[] }>
  count(): Promise<{ total: number }>
  /** The atomic conditional update: every matching document, in one step. */
  update(options: { data: Record<string, unknown> }): Promise<UpdateResult>
  remove(): Promise<RemoveResult>
}

export interface CollectionRef<T extends DocData> extends QueryRef<T> {
  doc(id: string): DocRef<T>
  /** Inserts a document; `_id` is generated unless given. Refuses a duplicate of a UNIQUE index. */
  add(options: { data: NewDoc<T> }): Promise<{ _id: string }>
}

export interface TransactionCollection<T extends DocData> {
  doc(id: string): DocRef<T>
  add(options: { data: NewDoc<T> }): Promise<{ _id: string }>
}

export interface Transaction {
  collection<T extends DocData = Record<string, unknown>>(name: string): TransactionCollection<T>
}

export interface Db {
  readonly command: Command
  readonly Geo: { Point(longitude: number, latitude: number): GeoPoint }
  /** `db.RegExp({ regexp, options })`; an empty expression or an unknown flag is refused at once. */
  RegExp(options: RegExpOptions): DbRegExp
  collection<T extends DocData = Record<string, unknown>>(name: string): CollectionRef<T>
  /** Runs `work` atomically: all of its writes happen, or none. */
  runTransaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R>
}

/** A write that would break a UNIQUE index (CloudBase: "duplicate key"). */
export class DuplicateKeyError extends Error {
  constructor(readonly collection: string) {
    super(`duplicate key in ${collection}`)
    this.name = 'DuplicateKeyError'
  }
}

/**
 * A transaction that kept meeting other writers on its documents until its retries ran out
 * (CloudBase: `DATABASE_TRANSACTION_CONFLICT`). Nothing of it was written; the caller may try again.
 */
export class TransactionConflictError extends Error {
  constructor() {
    super('transaction conflict: retries exhausted')
    this.name = 'TransactionConflictError'
  }
}
