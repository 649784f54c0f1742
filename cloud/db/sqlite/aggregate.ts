import { ACCUMULATORS, AGGREGATE_DEFAULT_LIMIT, AggOp, type Stage } from '../aggregate'
import type { BucketOptions, GroupKey } from '../types'
import { COUNT_DISTINCT, countingSets } from './countingSets'
import { compileQuery, fieldSql, isPlainObject, jsonPath } from './sql'

/**
 * An aggregation as one SQL statement, so the database does the counting (the figures issue):
 * the leading `match` stages become the WHERE of a first step that reads only the fields the later
 * stages name (`json_extract` of each, which an index holding them all answers without opening a
 * document), and every later stage is a step over the columns of the one before (`WITH s0 AS (…
 * LIMIT -1 OFFSET 0), s1 AS (…) SELECT … FROM sN`). The first step's no-op LIMIT keeps SQLite from
 * folding it into the grouping — folded, it reads the documents again — without the cost of
 * MATERIALIZED: its rows stream into the next step. Every value is bound, so the SQL text depends
 * on the pipeline's shape only.
 *
 * Values keep their JSON types where SQLite would lose them: comparisons come back as true/false,
 * `addToSet` as an array; a number or a string comes back as it is.
 */

/** How a column's SQL value becomes the answer's value. */
type Tag = 'value' | 'boolean' | 'json'

interface Expr {
  sql: string
  params: unknown[]
  tag: Tag
}

interface Column {
  name: string
  tag: Tag
}

/** The fields a stage can name: the documents' (any path), or the columns of the step before. */
interface Scope {
  ref(path: string): Expr
  /** The fields this step passes on, by name (none for the documents themselves). */
  fields(): Map<string, Column>
}

class DocumentScope implements Scope {
  readonly columns = new Map<string, string>()
  ref(path: string): Expr {
    jsonPath(path)
    let name = this.columns.get(path)
    if (!name) this.columns.set(path, (name = `d${this.columns.size}`))
    return { sql: name, params: [], tag: 'value' }
  }
  fields() {
    return new Map<string, Column>()
  }
  /** The first step's select list: each field named so far, as its own column. */
  selectList(): string {
    const list = [...this.columns].map(([path, name]) => `${fieldSql(path)} AS ${name}`)
    return list.length ? list.join(', ') : '1 AS d_'
  }
}

class ColumnScope implements Scope {
  constructor(private readonly columns: Map<string, Column>) {}
  ref(path: string): Expr {
    const column = this.columns.get(path)
    if (!column) throw new Error(`aggregate: the stage before has no field ${path}`)
    return { sql: column.name, params: [], tag: column.tag }
  }
  fields() {
    return this.columns
  }
}

const NUMERIC = (x: string) => `CASE WHEN typeof(${x}) IN ('integer', 'real') THEN ${x} END`

/** What SQLite gives back for a literal: booleans as 1 and 0, tagged so they come back as booleans. */
function literal(value: unknown): Expr {
  if (typeof value === 'boolean') return { sql: '?', params: [value ? 1 : 0], tag: 'boolean' }
  if (value === null || typeof value === 'number' || typeof value === 'string') return { sql: '?', params: [value], tag: 'value' }
  throw new Error(`aggregate: ${JSON.stringify(value)} is not a value an expression can hold`)
}

function args(op: AggOp, count?: number): unknown[] {
  const list = Array.isArray(op.args) ? op.args : [op.args]
  if (count !== undefined && list.length !== count) throw new Error(`aggregate: ${op.kind} takes ${count} values`)
  if (list.length === 0) throw new Error(`aggregate: ${op.kind} takes at least one value`)
  return list
}

const joined = (parts: Expr[], glue: string, tag: Tag): Expr => ({
  sql: `(${parts.map((p) => p.sql).join(glue)})`,
  params: parts.flatMap((p) => p.params),
  tag,
})

const COMPARISONS: Record<string, string> = { eq: '=', neq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' }

function expression(value: unknown, scope: Scope): Expr {
  if (typeof value === 'string' && value.startsWith('$')) return scope.ref(value.slice(1))
  if (!(value instanceof AggOp)) return literal(value)
  if (ACCUMULATORS.has(value.kind)) throw new Error(`aggregate: ${value.kind} belongs in a group or a bucket`)
  const each = (count?: number) => args(value, count).map((a) => expression(a, scope))
  switch (value.kind) {
    case 'add':
      return joined(each(), ' + ', 'value')
    case 'subtract':
      return joined(each(2), ' - ', 'value')
    case 'multiply':
      return joined(each(), ' * ', 'value')
    case 'divide': {
      // SQLite divides integers as integers; MongoDB never does.
      const [a, b] = each(2)
      return { sql: `(CAST(${a.sql} AS REAL) / ${b.sql})`, params: [...a.params, ...b.params], tag: 'value' }
    }
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return joined(each(2), ` ${COMPARISONS[value.kind]} `, 'boolean')
    case 'and':
      return joined(each(), ' AND ', 'boolean')
    case 'or':
      return joined(each(), ' OR ', 'boolean')
    case 'cond': {
      const options = value.args as { if: unknown; then: unknown; else: unknown }
      if (!isPlainObject(options) || !('if' in options) || !('then' in options) || !('else' in options)) throw new Error('aggregate: cond takes { if, then, else }')
      const [test, yes, no] = [options.if, options.then, options.else].map((a) => expression(a, scope))
      return { sql: `(CASE WHEN ${test.sql} THEN ${yes.sql} ELSE ${no.sql} END)`, params: [...test.params, ...yes.params, ...no.params], tag: yes.tag === no.tag ? yes.tag : 'value' }
    }
    case 'ifNull': {
      const [a, b] = each(2)
      return { sql: `coalesce(${a.sql}, ${b.sql})`, params: [...a.params, ...b.params], tag: a.tag }
    }
    case 'size': {
      const [a] = each(1)
      return { sql: `json_array_length(${a.sql})`, params: a.params, tag: 'value' }
    }
    default:
      throw new Error(`aggregate: operator ${value.kind} is not supported`)
  }
}

function accumulator(value: unknown, scope: Scope): Expr {
  if (value instanceof AggOp && value.kind === COUNT_DISTINCT) {
    const x = expression(value.args, scope)
    return { sql: `count(DISTINCT ${x.sql})`, params: x.params, tag: 'value' }
  }
  if (!(value instanceof AggOp) || !ACCUMULATORS.has(value.kind)) throw new Error('aggregate: a group or bucket output must be an accumulator')
  const [arg] = args(value, 1)
  const x = expression(arg, scope)
  // A constant: every document adds it (`$.sum(1)` counts).
  if (value.kind === 'sum' && x.sql === '?' && typeof x.params[0] === 'number') return { sql: '(count(*) * ?)', params: x.params, tag: 'value' }
  if ((value.kind === 'sum' || value.kind === 'avg') && x.tag === 'boolean') throw new Error(`aggregate: ${value.kind} reads numbers; turn a condition into one with cond`)
  const twice = [...x.params, ...x.params]
  switch (value.kind) {
    case 'sum':
      return { sql: `coalesce(sum(${NUMERIC(x.sql)}), 0)`, params: twice, tag: 'value' }
    case 'avg':
      return { sql: `avg(${NUMERIC(x.sql)})`, params: twice, tag: 'value' }
    case 'min':
    case 'max':
      return { sql: `${value.kind}(${x.sql})`, params: x.params, tag: x.tag }
    default:
      // addToSet: the distinct values present.
      return { sql: `json_group_array(DISTINCT ${x.sql}) FILTER (WHERE ${x.sql} IS NOT NULL)`, params: twice, tag: 'json' }
  }
}

type Next = (select: Array<[string, Expr]>, tail?: string, tailParams?: unknown[]) => Map<string, Column>
/** Adds a materialised step of its own (a table a later step looks into) and answers its name. */
type Define = (select: string, params: unknown[]) => string

/** One step of the statement: its SQL (a SELECT over the step before) and its parameters in order. */
interface Step {
  sql: string
  params: unknown[]
}

export interface CompiledAggregate {
  sql: string
  params: unknown[]
  /** Each row of the statement as the answer's object. */
  decode(row: Record<string, unknown>): Record<string, unknown>
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.')
  let at = target
  for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>
  at[parts[parts.length - 1]] = value
}

function decodeValue(value: unknown, tag: Tag): unknown {
  if (value === null || value === undefined) return null
  if (tag === 'boolean') return value !== 0
  if (tag === 'json') return JSON.parse(value as string)
  return value
}

/** Only match, sort and limit: the documents themselves, ordered and limited. */
function documentsOf(table: string, where: string, whereParams: unknown[], rest: readonly Stage[]): CompiledAggregate {
  let order = ''
  let limit: number | null = null
  for (const stage of rest) {
    if (stage.kind === 'limit') limit = limit === null ? stage.n : Math.min(limit, stage.n)
    else if (stage.kind === 'sort') {
      if (limit !== null) throw new Error('aggregate: a sort after a limit needs a stage between them')
      order = ` ORDER BY ${Object.entries(stage.spec).map(([f, d]) => `${fieldSql(f)} ${d === -1 ? 'DESC' : 'ASC'}`).join(', ')}`
    }
  }
  return {
    sql: `SELECT doc FROM ${table} WHERE ${where}${order} LIMIT ?`,
    params: [...whereParams, limit ?? AGGREGATE_DEFAULT_LIMIT],
    decode: (row) => JSON.parse(row.doc as string) as Record<string, unknown>,
  }
}

/** Compiles `stages` over `table`; see the file's comment. */
export function compileAggregate(table: string, pipeline: readonly Stage[]): CompiledAggregate {
  const stages = countingSets(pipeline)
  const matches = stages.filter((s): s is Extract<Stage, { kind: 'match' }> => s.kind === 'match').map((s) => compileQuery(s.query))
  if (matches.some((m) => m.geo)) throw new Error('aggregate: geoNear cannot be matched in an aggregation')
  const where = matches.length ? matches.map((m) => `(${m.sql})`).join(' AND ') : '1'
  const whereParams = matches.flatMap((m) => m.params)
  const rest = stages.filter((s) => s.kind !== 'match')
  if (rest.every((s) => s.kind === 'sort' || s.kind === 'limit')) return documentsOf(table, where, whereParams, rest)

  const documents = new DocumentScope()
  let scope: Scope = documents
  const steps: Step[] = []
  /** A sort or limit right after the matches narrows the first step itself. */
  let firstTail = ''
  const firstTailParams: unknown[] = []
  let from = 's0'
  let order: Expr | null = null
  let limit: number | null = null

  const next: Next = (select, tail = '', tailParams = []) => {
    const n = steps.length + 1
    const columns = new Map<string, Column>()
    const list = select.map(([field, e], i) => {
      columns.set(field, { name: `s${n}c${i}`, tag: e.tag })
      return `${e.sql} AS s${n}c${i}`
    })
    steps.push({ sql: `s${n} AS (SELECT ${list.join(', ')} FROM ${from}${tail})`, params: [...select.flatMap(([, e]) => e.params), ...tailParams] })
    from = `s${n}`
    return columns
  }
  const define: Define = (select, params) => {
    const name = `t${steps.length + 1}`
    steps.push({ sql: `${name} AS MATERIALIZED (${select})`, params })
    return name
  }
  /** A sort or limit followed by another stage takes effect there: in a step of its own (or in the first). */
  const settle = () => {
    if (!order && limit === null) return
    const tail = `${order ? ` ORDER BY ${order.sql}` : ''}${limit !== null ? ' LIMIT ?' : ''}`
    const tailParams = [...(order?.params ?? []), ...(limit !== null ? [limit] : [])]
    if (scope === documents) {
      if (firstTail) throw new Error('aggregate: one sort and limit before the first grouping')
      firstTail = tail
      firstTailParams.push(...tailParams)
    } else {
      const passed = [...scope.fields().keys()].map((field) => [field, scope.ref(field)] as [string, Expr])
      scope = new ColumnScope(next(passed, tail, tailParams))
    }
    order = null
    limit = null
  }

  for (const stage of rest) {
    if (stage.kind === 'sort') {
      if (limit !== null) settle()
      const keys = Object.entries(stage.spec).map(([field, d]) => ({ e: scope.ref(field), d }))
      order = { sql: keys.map(({ e, d }) => `${e.sql} ${d === -1 ? 'DESC' : 'ASC'}`).join(', '), params: keys.flatMap(({ e }) => e.params), tag: 'value' }
    } else if (stage.kind === 'limit') {
      limit = limit === null ? stage.n : Math.min(limit, stage.n)
    } else {
      settle()
      if (stage.kind === 'project') scope = new ColumnScope(next(projection(stage.spec, scope)))
      else if (stage.kind === 'group') scope = new ColumnScope(grouping(stage.spec, scope, next))
      else if (stage.kind === 'bucket') scope = new ColumnScope(bucketing(stage.options, scope, next, define))
    }
  }

  const out = scope.fields()
  const first: Step = {
    sql: `s0 AS (SELECT ${documents.selectList()} FROM ${table} WHERE ${where}${firstTail || ' LIMIT -1 OFFSET 0'})`,
    params: [...whereParams, ...firstTailParams],
  }
  const all = [first, ...steps]
  const select = [...out].map(([, c]) => c.name).join(', ')
  return {
    sql: `WITH ${all.map((s) => s.sql).join(', ')} SELECT ${select} FROM ${from}${order ? ` ORDER BY ${order.sql}` : ''} LIMIT ?`,
    params: [...all.flatMap((s) => s.params), ...(order?.params ?? []), limit ?? AGGREGATE_DEFAULT_LIMIT],
    decode(row) {
      const result: Record<string, unknown> = {}
      for (const [field, column] of out) setPath(result, field, decodeValue(row[column.name], column.tag))
      return result
    },
  }
}

function projection(spec: Record<string, unknown>, scope: Scope): Array<[string, Expr]> {
  const select: Array<[string, Expr]> = []
  const keepId = spec._id !== 0 && spec._id !== false
  const passed = scope.fields()
  const include = (field: string) => {
    const under = [...passed.keys()].filter((f) => f.startsWith(`${field}.`))
    // A compound group key is kept whole: each of its parts.
    if (under.length && !passed.has(field)) for (const f of under) select.push([f, scope.ref(f)])
    else select.push([field, scope.ref(field)])
  }
  if (keepId && !('_id' in spec)) include('_id')
  for (const [field, value] of Object.entries(spec)) {
    if (value === 0 || value === false) {
      if (field !== '_id') throw new Error('aggregate: project leaves out only _id; name the fields to keep')
      continue
    }
    if (value === 1 || value === true) include(field)
    else select.push([field, expression(value, scope)])
  }
  return select
}

function outputs(spec: Record<string, unknown>, scope: Scope): Array<[string, Expr]> {
  return Object.entries(spec).map(([field, value]) => {
    if (field.includes('.')) throw new Error(`aggregate: output field ${field} cannot have a dot`)
    return [field, accumulator(value, scope)]
  })
}

function grouping(spec: { _id: GroupKey } & Record<string, unknown>, scope: Scope, next: Next): Map<string, Column> {
  const { _id: key, ...rest } = spec
  const keys: Array<[string, Expr]> =
    isPlainObject(key) && !(key instanceof AggOp)
      ? Object.entries(key).map(([k, e]) => [`_id.${k}`, expression(e, scope)])
      : [['_id', expression(key, scope)]]
  // By position (SQLite reads a number in GROUP BY as that result column), so no parameter is bound
  // twice; no documents make no group, as in MongoDB, whatever the key.
  return next([...keys, ...outputs(rest, scope)], ` GROUP BY ${keys.map((_k, i) => i + 1).join(', ')}`)
}

/**
 * A bucket's `_id`: the greatest boundary not above the value. Up to CASE_BOUNDARIES (the months of
 * a period and of the year before) one CASE, each boundary bound — the SQL text varies with their
 * number only; for more, a step that reads them once (one JSON array) and is looked into.
 */
const CASE_BOUNDARIES = 64
function bucketing(options: BucketOptions, scope: Scope, next: Next, define: Define): Map<string, Column> {
  const x = expression(options.groupBy, scope)
  const { boundaries } = options
  const inRange = { sql: `${x.sql} >= ? AND ${x.sql} < ?`, params: [...x.params, boundaries[0], ...x.params, boundaries[boundaries.length - 1]] }
  let lower: { sql: string; params: unknown[] }
  if (boundaries.length <= CASE_BOUNDARIES) {
    const whens = boundaries.slice(1).map((upper, i) => ({ sql: `WHEN ${x.sql} < ? THEN ?`, params: [...x.params, upper, boundaries[i]] }))
    lower = { sql: `(CASE ${whens.map((w) => w.sql).join(' ')} END)`, params: whens.flatMap((w) => w.params) }
  } else {
    const bounds = define('SELECT value AS v FROM json_each(?)', [JSON.stringify(boundaries)])
    lower = { sql: `(SELECT max(v) FROM ${bounds} WHERE v <= ${x.sql})`, params: x.params }
  }
  const id: Expr = {
    sql: `(CASE WHEN ${inRange.sql} THEN ${lower.sql} ELSE ? END)`,
    params: [...inRange.params, ...lower.params, options.default],
    tag: 'value',
  }
  const output = options.output ?? { count: new AggOp('sum', 1) }
  return next([['_id', id], ...outputs(output, scope)], ' GROUP BY 1')
}
