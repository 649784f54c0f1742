/**
 * The stand-in's aggregations: `db.command.aggregate` and `collection.aggregate()` as wx-server-sdk
 * has them, run by mingo's aggregation pipeline (MongoDB's semantics, which CloudBase's are).
 *
 * - The operators serialize as MongoDB's (`$.sum('$x')` → `{ $sum: '$x' }`, `$.neq` → `$ne`), as the
 *   SDK's AggregationOperator does (TencentCloudBase/tcb-admin-node, src/database/aggregate).
 * - `match` takes the same queries as `where` (command operators, nested objects as dot paths).
 * - `end()` answers `{ list }`, and at most 20 results unless the pipeline has a `limit` stage: what
 *   the server SDK does (reported in WeChat's developer community, e.g.
 *   https://developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13).
 * - `bucket` as Aggregate.bucket documents it (`groupBy`, `boundaries`, `default`, `output`;
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/aggregate/Aggregate.bucket.md).
 */
import { aggregate } from 'mingo'
import { encodeQuery, isPlainObject } from './cloudbaseStandInCommand'
import { clone, type Store } from './cloudbaseStandInStore'

export class AggregationOperator {
  constructor(
    readonly operator: string,
    readonly operands: unknown,
  ) {}
}

const op = (operator: string) => (operands: unknown) => new AggregationOperator(operator, operands)

export const aggregateCommand = Object.fromEntries(
  ['sum', 'avg', 'min', 'max', 'addToSet', 'add', 'subtract', 'multiply', 'divide', 'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'and', 'or', 'cond', 'ifNull', 'size'].map((name) => [name, op(name)]),
)

const MONGO_NAMES: Record<string, string> = { neq: 'ne' }

/** An expression, accumulator or stage argument as MongoDB reads it. */
export function encodeExpression(value: unknown): unknown {
  if (value instanceof AggregationOperator) {
    const name = `$${MONGO_NAMES[value.operator] ?? value.operator}`
    const operands = value.operands
    if (value.operator === 'cond' && isPlainObject(operands)) {
      return { $cond: { if: encodeExpression(operands.if), then: encodeExpression(operands.then), else: encodeExpression(operands.else) } }
    }
    return { [name]: Array.isArray(operands) ? operands.map(encodeExpression) : encodeExpression(operands) }
  }
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeExpression(v)]))
  if (Array.isArray(value)) return value.map(encodeExpression)
  return value
}

type StandInStage = Record<string, unknown>

const MISSING = '\u0000missing'

/**
 * A group's (or bucket's) accumulators, with `$addToSet` adding nothing for a missing field as
 * MongoDB's does (mingo adds null): a missing value becomes a marker, removed by the stage after.
 */
function accumulating(outputs: Record<string, unknown>): { outputs: Record<string, unknown>; after: StandInStage[] } {
  const sets: string[] = []
  const encoded = Object.fromEntries(
    Object.entries(outputs).map(([field, value]) => {
      if (value instanceof AggregationOperator && value.operator === 'addToSet') {
        sets.push(field)
        const x = encodeExpression(value.operands)
        return [field, { $addToSet: { $cond: [{ $eq: [{ $type: x }, 'missing'] }, MISSING, x] } }]
      }
      return [field, encodeExpression(value)]
    }),
  )
  const after = sets.length ? [{ $addFields: Object.fromEntries(sets.map((f) => [f, { $filter: { input: `$${f}`, cond: { $ne: ['$$this', MISSING] } } }])) }] : []
  return { outputs: encoded, after }
}

export class StandInAggregate {
  constructor(
    private readonly store: Store,
    private readonly name: string,
    private readonly hook: () => Promise<void>,
    private readonly stages: StandInStage[] = [],
  ) {}

  private with(...stages: StandInStage[]) {
    return new StandInAggregate(this.store, this.name, this.hook, [...this.stages, ...stages])
  }

  match(query: unknown) {
    return this.with({ $match: encodeQuery(query) })
  }
  project(spec: unknown) {
    return this.with({ $project: encodeExpression(spec) })
  }
  group({ _id, ...outputs }: Record<string, unknown>) {
    const { outputs: encoded, after } = accumulating(outputs)
    return this.with({ $group: { _id: encodeExpression(_id), ...encoded } }, ...after)
  }
  bucket({ output, ...options }: Record<string, unknown>) {
    const { outputs: encoded, after } = output ? accumulating(output as Record<string, unknown>) : { outputs: undefined, after: [] }
    return this.with({ $bucket: { ...(encodeExpression(options) as object), ...(encoded ? { output: encoded } : {}) } }, ...after)
  }
  sort(spec: unknown) {
    return this.with({ $sort: spec })
  }
  limit(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error('limit must be a positive integer')
    return this.with({ $limit: n })
  }

  async end() {
    await this.hook()
    const pipeline = this.stages.some((s) => '$limit' in s) ? this.stages : [...this.stages, { $limit: 20 }]
    const docs = [...this.store.docs(this.name).values()].map(clone)
    return { list: aggregate(docs, pipeline as any) as Array<Record<string, unknown>>, errMsg: 'collection.aggregate:ok' }
  }
}
