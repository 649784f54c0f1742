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
  /**
   * Nearest first; as a `where` condition on a field holding a `Geo.Point`. The documents it
   * answers are for reading: the sqlite driver hands every caller the same frozen ones.
   */
  geoNear(options: GeoNearOptions): Operator
  inc(by: number): Operator
  push(...values: unknown[]): Operator
  set(value: unknown): Operator
  remove(): Operator
  /** The aggregate API's expressions and accumulators (CloudBase: `db.command.aggregate`, often `$`). */
  readonly aggregate: AggregateCommand
}

/** An expression or accumulator of the aggregate API, built by `db.command.aggregate`. Opaque to the services. */
export interface AggregateOperator {
  readonly kind: string
}

/**
 * A value in an aggregate stage: `'$path'` names a field (of the documents, or of the stage
 * before), any other string, a number, a boolean or null is itself, an operator computes.
 */
export type AggregateExpression = string | number | boolean | null | AggregateOperator

/**
 * The part of CloudBase's aggregate operators the portal uses (see `cloud/db/aggregate.ts` for
 * what each driver holds to). Accumulators go in `group` and `bucket` outputs; the rest are
 * expressions, for `project`, a group's key and inside accumulators.
 */
export interface AggregateCommand {
  /** Accumulators: the sum of the numbers (0 when none; `sum(1)` counts), their average, the least, the greatest. */
  sum(value: AggregateExpression): AggregateOperator
  avg(value: AggregateExpression): AggregateOperator
  min(value: AggregateExpression): AggregateOperator
  max(value: AggregateExpression): AggregateOperator
  /** The distinct values (a missing field adds nothing); `size` of it counts them. */
  addToSet(value: AggregateExpression): AggregateOperator
  add(values: AggregateExpression[]): AggregateOperator
  subtract(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  multiply(values: AggregateExpression[]): AggregateOperator
  divide(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  eq(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  neq(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  gt(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  gte(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  lt(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  lte(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  and(values: AggregateExpression[]): AggregateOperator
  or(values: AggregateExpression[]): AggregateOperator
  cond(options: { if: AggregateExpression; then: AggregateExpression; else: AggregateExpression }): AggregateOperator
  ifNull(values: [AggregateExpression, AggregateExpression]): AggregateOperator
  /** The number of elements of an array (an `addToSet`'s result). */
  size(value: AggregateExpression): AggregateOperator
}

/** A group's key: one expression, or an object of them (a compound key). */
export type GroupKey = AggregateExpression | Record<string, AggregateExpression>

export interface BucketOptions {
  /** A number field to sort into the buckets. */
  groupBy: AggregateExpression
  /** Ascending numbers, at least two: bucket i holds `boundaries[i] <= value < boundaries[i + 1]`. */
  boundaries: number[]
  /** The `_id` of the bucket of every other value (a missing one too). Required here, unlike MongoDB. */
  default: string | number
  /** Accumulators; without them, `{ count: $.sum(1) }`. */
  output?: Record<string, AggregateOperator>
}

/**
 * An aggregation, as CloudBase's `collection.aggregate()` builds it: stages in order, run by `end()`.
 * `match` stages come first (before any other stage), as the place where an index narrows the
 * documents; without a `limit` stage CloudBase answers 20 results, and so does the sqlite driver.
 */
export interface Aggregate {
  match(query: Query): Aggregate
  /** `1`/`true` keeps a field, `'$path'` or an operator computes one; `_id` stays unless `_id: 0`. */
  project(spec: Record<string, AggregateExpression>): Aggregate
  group(spec: { _id: GroupKey } & Record<string, GroupKey | AggregateOperator>): Aggregate
  bucket(options: BucketOptions): Aggregate
  sort(spec: Record<string, 1 | -1>): Aggregate
  limit(n: number): Aggregate
  end<R = Record<string, unknown>>(): Promise<{ list: R[] }>
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
  /**
   * The document, or null. Of a read-mostly collection (`READ_MOSTLY` in `indexes.ts`), for reading
   * only: the sqlite driver hands every caller the same frozen one, as it does for `_.in` by id.
   */
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
  /** An aggregation over the collection (not inside a transaction, as on CloudBase). */
  aggregate(): Aggregate
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
