import type { Aggregate, AggregateCommand, AggregateExpression, AggregateOperator, BucketOptions, GroupKey, Query } from './types'

/**
 * The aggregate API both drivers hold to: the stages and operators of CloudBase's
 * `collection.aggregate()` that the figures use, recorded here and checked the same way on both
 * drivers before anything runs (a plain Error at the call, as paging does):
 *
 * - `match` stages come first: they are where an index narrows the documents, and the sqlite
 *   driver turns them into its WHERE.
 * - `limit` is a whole number from 1; without a `limit` stage CloudBase answers 20 results (its
 *   server SDK's default for aggregations), and so does the sqlite driver.
 * - `bucket` takes ascending numbers as boundaries and needs its `default`.
 * - `sort` orders by fields of the stage before it, 1 up and -1 down.
 *
 * What the two drivers share beyond that is stated by the contract suite
 * (`__tests__/cloud/db.aggregate.test.ts`): sums and averages read numbers only, a missing field
 * groups under null and adds nothing to a set, results come back in no order unless sorted.
 */
export type Stage =
  | { kind: 'match'; query: Query }
  | { kind: 'project'; spec: Record<string, AggregateExpression> }
  | { kind: 'group'; spec: { _id: GroupKey } & Record<string, unknown> }
  | { kind: 'bucket'; options: BucketOptions }
  | { kind: 'sort'; spec: Record<string, 1 | -1> }
  | { kind: 'limit'; n: number }

/** CloudBase answers this many results of an aggregation without a `limit` stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

function check(before: readonly Stage[], stage: Stage): void {
  switch (stage.kind) {
    case 'match':
      if (before.some((s) => s.kind !== 'match')) throw new Error('aggregate: match must come before every other stage')
      if (!isObject(stage.query)) throw new Error('aggregate: match takes a query')
      return
    case 'project':
      if (!isObject(stage.spec) || Object.keys(stage.spec).length === 0) throw new Error('aggregate: project takes at least one field')
      return
    case 'group':
      if (!isObject(stage.spec) || !('_id' in stage.spec)) throw new Error('aggregate: group needs an _id')
      return
    case 'bucket': {
      const { boundaries, default: otherwise } = stage.options ?? ({} as BucketOptions)
      if (!Array.isArray(boundaries) || boundaries.length < 2 || !boundaries.every((b, i) => Number.isFinite(b) && (i === 0 || b > boundaries[i - 1]))) {
        throw new Error('aggregate: bucket boundaries must be at least two ascending numbers')
      }
      if (typeof otherwise === 'number' ? otherwise >= boundaries[0] && otherwise < boundaries[boundaries.length - 1] : typeof otherwise !== 'string') {
        throw new Error('aggregate: bucket needs a default outside its boundaries')
      }
      return
    }
    case 'sort':
      if (!isObject(stage.spec) || Object.keys(stage.spec).length === 0 || !Object.values(stage.spec).every((d) => d === 1 || d === -1)) {
        throw new Error('aggregate: sort takes fields with 1 or -1')
      }
      return
    case 'limit':
      if (!Number.isSafeInteger(stage.n) || stage.n < 1) throw new Error(`aggregate: limit must be a whole number from 1, not ${String(stage.n)}`)
      return
  }
}

/** The stages of an aggregation as they are added, each checked at once; `end()` hands them to the driver. */
export class RecordedAggregate implements Aggregate {
  constructor(
    private readonly run: (stages: readonly Stage[]) => Promise<unknown[]>,
    readonly stages: readonly Stage[] = [],
  ) {}

  private with(stage: Stage): RecordedAggregate {
    check(this.stages, stage)
    return new RecordedAggregate(this.run, [...this.stages, stage])
  }

  match(query: Query) {
    return this.with({ kind: 'match', query })
  }
  project(spec: Record<string, AggregateExpression>) {
    return this.with({ kind: 'project', spec })
  }
  group(spec: { _id: GroupKey } & Record<string, unknown>) {
    return this.with({ kind: 'group', spec })
  }
  bucket(options: BucketOptions) {
    return this.with({ kind: 'bucket', options })
  }
  sort(spec: Record<string, 1 | -1>) {
    return this.with({ kind: 'sort', spec })
  }
  limit(n: number) {
    return this.with({ kind: 'limit', n })
  }
  async end<R = Record<string, unknown>>(): Promise<{ list: R[] }> {
    return { list: (await this.run(this.stages)) as R[] }
  }
}

/** An operator of the local driver's aggregate API: a plain description the SQL compiler reads. */
export class AggOp implements AggregateOperator {
  constructor(
    readonly kind: string,
    readonly args: unknown,
  ) {}
}

const op = (kind: string) => (args: unknown) => new AggOp(kind, args)

export const aggregateCommand: AggregateCommand = {
  sum: op('sum'),
  avg: op('avg'),
  min: op('min'),
  max: op('max'),
  addToSet: op('addToSet'),
  add: op('add'),
  subtract: op('subtract'),
  multiply: op('multiply'),
  divide: op('divide'),
  eq: op('eq'),
  neq: op('neq'),
  gt: op('gt'),
  gte: op('gte'),
  lt: op('lt'),
  lte: op('lte'),
  and: op('and'),
  or: op('or'),
  cond: op('cond'),
  ifNull: op('ifNull'),
  size: op('size'),
}

export const ACCUMULATORS = new Set(['sum', 'avg', 'min', 'max', 'addToSet'])
