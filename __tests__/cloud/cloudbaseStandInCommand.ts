/**
 * The command operators, Geo points and errors of the CloudBase stand-in (see cloudbaseStandIn.ts),
 * shaped as wx-server-sdk builds them, and their translation to MongoDB queries and updates.
 *
 * The shapes follow the SDK's own source (TencentCloudBase/tcb-admin-node, src/database/commands
 * and src/database/serializer): a query command carries `operator`, `operands` and the field it
 * applies to; `a.and(b)` and `_.and(a, b)` / `_.and([a, b])` are logic commands; a nested object
 * in a `where` is flattened to dot paths (`flattenQueryObject`), so `{ address: { city } }` means
 * `address.city`, not equality with a whole object; an update's nested object is likewise flattened
 * into `$set` of dot paths, which is why nested objects merge field by field.
 */

 

export type QueryOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists' | 'all' | 'geoNear'

export class LogicCommand {
  constructor(
    readonly operator: 'and' | 'or',
    readonly operands: unknown[],
  ) {}
  and(...others: unknown[]): LogicCommand {
    return new LogicCommand('and', [this, ...flat(others)])
  }
  or(...others: unknown[]): LogicCommand {
    return new LogicCommand('or', [this, ...flat(others)])
  }
}

export class QueryCommand {
  constructor(
    readonly operator: QueryOperator,
    readonly operands: unknown[],
  ) {}
  and(...others: unknown[]): LogicCommand {
    return new LogicCommand('and', [this, ...flat(others)])
  }
  or(...others: unknown[]): LogicCommand {
    return new LogicCommand('or', [this, ...flat(others)])
  }
}

export class UpdateCommand {
  constructor(
    readonly operator: 'inc' | 'push' | 'set' | 'remove',
    readonly operands: unknown[],
  ) {}
}

/** `db.Geo.Point(longitude, latitude)`; stored as GeoJSON, as CloudBase stores it. */
export class Point {
  readonly type = 'Point'
  readonly coordinates: [number, number]
  constructor(
    readonly longitude: number,
    readonly latitude: number,
  ) {
    if (typeof longitude !== 'number' || typeof latitude !== 'number') throw new Error('Point: longitude and latitude must be numbers')
    this.coordinates = [longitude, latitude]
  }
  toJSON() {
    return { type: 'Point', coordinates: [this.longitude, this.latitude] }
  }
}

/**
 * `db.RegExp({ regexp, options })`, as wx-server-sdk has it (tcb-admin-node src/database/regexp):
 * an empty expression is refused when made; it is serialized as `{ $regex, $options }`.
 */
export class DbRegExp {
  readonly regexp: string
  readonly options?: string
  constructor({ regexp, options }: { regexp: string; options?: string }) {
    if (!regexp) throw new TypeError('regexp must be a string')
    this.regexp = regexp
    this.options = options
  }
}

const flat = (args: unknown[]) => (args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args)

export const command = {
  eq: (value: unknown) => new QueryCommand('eq', [value]),
  neq: (value: unknown) => new QueryCommand('neq', [value]),
  gt: (value: unknown) => new QueryCommand('gt', [value]),
  gte: (value: unknown) => new QueryCommand('gte', [value]),
  lt: (value: unknown) => new QueryCommand('lt', [value]),
  lte: (value: unknown) => new QueryCommand('lte', [value]),
  in: (values: unknown[]) => new QueryCommand('in', values),
  nin: (values: unknown[]) => new QueryCommand('nin', values),
  exists: (present: boolean) => new QueryCommand('exists', [present]),
  all: (values: unknown[]) => new QueryCommand('all', values),
  geoNear: (options: unknown) => new QueryCommand('geoNear', [options]),
  and: (...conditions: unknown[]) => new LogicCommand('and', flat(conditions)),
  or: (...conditions: unknown[]) => new LogicCommand('or', flat(conditions)),
  inc: (by: number) => new UpdateCommand('inc', [by]),
  push: (...values: unknown[]) => new UpdateCommand('push', flat(values)),
  set: (value: unknown) => new UpdateCommand('set', [value]),
  remove: () => new UpdateCommand('remove', []),
}

export const Geo = {
  Point: (longitude: number, latitude: number) => new Point(longitude, latitude),
}

const isCommand = (v: unknown) => v instanceof QueryCommand || v instanceof LogicCommand || v instanceof UpdateCommand || v instanceof DbRegExp
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype

/** A value as CloudBase stores it: points as GeoJSON, `undefined` fields dropped, a deep copy. */
export function toStored(value: unknown): any {
  if (value instanceof Point) return value.toJSON()
  if (value instanceof Date) return new Date(value.getTime())
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toStored(v)))
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toStored(v)
    return out
  }
  if (isCommand(value)) throw new Error('a command operator cannot be stored as a value')
  return value
}

/** A `where` argument, flattened as the SDK does: nested plain objects become dot paths. */
function flattenQuery(query: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = []
  for (const [key, value] of Object.entries(query)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (isPlainObject(value) && Object.keys(value).length > 0) out.push(...flattenQuery(value, path))
    else out.push([path, value])
  }
  return out
}

/** A geoNear found in a query: CloudBase sorts by it, which the stand-in does itself. */
export interface GeoNear {
  path: string
  geometry: { coordinates: [number, number] }
  maxDistance?: number
  minDistance?: number
}

const MONGO_OPERATOR = { eq: '$eq', neq: '$ne', gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' } as const

/** A field's condition as a MongoDB criterion; a geoNear is taken out into `geo`. */
function encodeField(path: string, value: unknown, geo: GeoNear[]): Record<string, unknown> {
  if (value instanceof LogicCommand) {
    return { [`$${value.operator}`]: value.operands.map((operand) => encodeField(path, operand, geo)) }
  }
  if (value instanceof QueryCommand) {
    const [first] = value.operands
    switch (value.operator) {
      case 'in':
      case 'nin':
      case 'all':
        return { [path]: { [`$${value.operator}`]: value.operands.map(toStored) } }
      case 'exists':
        return { [path]: { $exists: Boolean(first) } }
      case 'geoNear': {
        const options = first as { geometry: Point | GeoNear['geometry']; maxDistance?: number; minDistance?: number }
        const geometry = options.geometry instanceof Point ? options.geometry.toJSON() : options.geometry
        geo.push({ path, geometry: geometry as GeoNear['geometry'], maxDistance: options.maxDistance, minDistance: options.minDistance })
        return {}
      }
      default:
        return { [path]: { [MONGO_OPERATOR[value.operator]]: toStored(first) } }
    }
  }
  if (value instanceof UpdateCommand) throw new Error(`update operator ${value.operator} used in a query`)
  if (value instanceof DbRegExp) {
    // CloudBase's PCRE reads UTF-8 by code point; JavaScript's RegExp does so with `u`.
    return { [path]: { $regex: value.regexp, $options: `${value.options ?? ''}u` } }
  }
  return { [path]: { $eq: toStored(value) } }
}

/** A `where` argument (an object of conditions, or a top-level and/or) as a MongoDB query. */
export function encodeQuery(query: unknown, geo: GeoNear[] = []): Record<string, unknown> {
  if (query instanceof LogicCommand) {
    const parts = query.operands.map((operand) => encodeQuery(operand, geo))
    return { [`$${query.operator}`]: parts }
  }
  if (query instanceof QueryCommand) throw new Error('a query command needs a field')
  if (!isPlainObject(query)) throw new Error('a query must be an object')
  const parts = flattenQuery(query).map(([path, value]) => encodeField(path, value, geo))
  return parts.length === 0 ? {} : { $and: parts }
}

/** An update's `data` as a MongoDB update document, flattened as the SDK does. */
export function encodeUpdate(data: Record<string, unknown>): Record<string, Record<string, unknown>> {
  if ('_id' in data) throw new Error('_id cannot be updated')
  const update: Record<string, Record<string, unknown>> = {}
  const put = (op: string, path: string, value: unknown) => ((update[op] ??= {})[path] = value)
  const visit = (prefix: string, value: unknown) => {
    if (value instanceof UpdateCommand) {
      const [first] = value.operands
      if (value.operator === 'inc') put('$inc', prefix, first)
      else if (value.operator === 'push') put('$push', prefix, { $each: value.operands.map(toStored) })
      else if (value.operator === 'set') put('$set', prefix, toStored(first))
      else put('$unset', prefix, '')
      return
    }
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) visit(`${prefix}.${k}`, v)
      return
    }
    if (value === undefined) return
    if (isCommand(value)) throw new Error('a query operator cannot be an update')
    put('$set', prefix, toStored(value))
  }
  for (const [k, v] of Object.entries(data)) visit(k, v)
  return update
}

/** wx-server-sdk's error: `errCode` and `errMsg`, and a message that shows both. */
export class CloudSDKError extends Error {
  readonly errCode: number | string
  readonly errMsg: string
  readonly code?: string
  constructor(options: { errCode: number | string; errMsg: string; code?: string; label?: string }) {
    super(`errCode: ${options.errCode}${options.label ? ` ${options.label}` : ''} | errMsg: ${options.errMsg}`)
    this.errCode = options.errCode
    this.errMsg = options.errMsg
    if (options.code) this.code = options.code
  }
}

/** `-502001` is CloudBase's "database request fail": every failed database request, not only duplicates. */
export const requestFailed = (api: string, detail: string) =>
  new CloudSDKError({ errCode: -502001, label: 'database request fail', errMsg: `${api}:fail -502001 database request fail. ${detail}` })

/** A duplicate key: MongoDB's E11000 text, carried in a `-502001` error. */
export const duplicateKey = (api: string, namespace: string, index: string, key: string) =>
  requestFailed(api, `E11000 duplicate key error collection: ${namespace} index: ${index} dup key: ${key}`)

/** The transaction conflict that `runTransaction` retries (code as @cloudbase/database checks it). */
export const transactionConflict = () =>
  new CloudSDKError({
    errCode: 'DATABASE_TRANSACTION_CONFLICT',
    code: 'DATABASE_TRANSACTION_CONFLICT',
    errMsg:
      '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  })
