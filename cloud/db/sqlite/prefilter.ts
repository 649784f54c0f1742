import { Op } from '../command'
import { RegExpOp, regExpFinds, type RegExpCache } from './regexp'
import { isPlainObject, unlikeInSqlite } from './sql'

/** What JavaScript can tell of a document without SQL: it matches, it does not, or only SQL knows. */
export type Verdict = boolean | undefined

/** A query's conditions tested on a parsed document; true and false always as SQL would answer. */
export type Prefilter = (doc: unknown) => Verdict

const UNKNOWN: Prefilter = () => undefined
const YES: Prefilter = () => true

/** Not a value SQL would read at that path (a number segment on an object): decides nothing. */
const UNREADABLE = Symbol('unreadable')

/** How to read a dot path as `doc ->> '$.a.b[0]'` does: a number segment indexes an array only. */
function reader(path: string): (doc: unknown) => unknown {
  // `_id` is a TEXT column: anything else stored there compares as SQLite converts it.
  if (path === '_id') return (doc) => (isPlainObject(doc) && typeof doc._id === 'string' ? doc._id : UNREADABLE)
  const segments = path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
  return (doc) => {
    let value = doc
    for (const segment of segments) {
      if (typeof segment === 'number') {
        if (isPlainObject(value)) return UNREADABLE
        value = Array.isArray(value) ? value[segment] : undefined
      } else {
        value = isPlainObject(value) && Object.hasOwn(value, segment) ? value[segment] : undefined
      }
    }
    return value
  }
}

/** Every test holds: no as soon as one says no, yes only when all say yes. */
function all(tests: Prefilter[]): Prefilter {
  const deciding = tests.filter((t) => t !== YES)
  if (deciding.length === 0) return YES
  if (deciding.length === 1) return deciding[0]
  return (doc) => {
    let verdict: Verdict = true
    for (const test of deciding) {
      const v = test(doc)
      if (v === false) return false
      if (v === undefined) verdict = undefined
    }
    return verdict
  }
}

/** One test holds: yes as soon as one says yes, no only when all say no. */
function any(tests: Prefilter[]): Prefilter {
  if (tests.includes(YES)) return YES
  if (tests.length === 1) return tests[0]
  return (doc) => {
    let verdict: Verdict = false
    for (const test of tests) {
      const v = test(doc)
      if (v === true) return true
      if (v === undefined) verdict = undefined
    }
    return verdict
  }
}

/** The number comparisons SQL makes, of a field's value with the query's. */
function numberTest(kind: string, arg: number): ((field: number) => boolean) | undefined {
  switch (kind) {
    case 'eq':
      return (field) => field === arg
    case 'gt':
      return (field) => field > arg
    case 'gte':
      return (field) => field >= arg
    case 'lt':
      return (field) => field < arg
    case 'lte':
      return (field) => field <= arg
    default:
      return undefined
  }
}

/** A JSON value both sides read alike: a string, or an integer JSON text gives both exactly. */
const plainScalar = (v: unknown): v is string | number => typeof v === 'string' || Number.isSafeInteger(v)

/**
 * A comparison decided only where JavaScript and SQLite agree: a field holding a safe integer
 * against a finite number; equality of two strings or two booleans. Anything else (a missing field,
 * mixed types, fractions, strings in order, whose UTF-16 and UTF-8 orders differ) is left to SQL.
 */
function comparison(read: (doc: unknown) => unknown, kind: string, arg: unknown): Prefilter {
  const compare = typeof arg === 'number' && Number.isFinite(arg) ? numberTest(kind, arg) : undefined
  if (compare) {
    return (doc) => {
      const field = read(doc)
      return Number.isSafeInteger(field) ? compare(field as number) : undefined
    }
  }
  if (kind === 'eq' && (typeof arg === 'string' || typeof arg === 'boolean')) {
    return (doc) => {
      const field = read(doc)
      return typeof field === typeof arg ? field === arg : undefined
    }
  }
  return UNKNOWN
}

/**
 * `_.all([...])` of strings and integers, as SQL reads the field with json_each: an array holds
 * every one among its elements, a string or integer is its own only element; missing or null
 * holds none. Elements SQLite reads otherwise (true as 1, fractions) leave a miss to SQL.
 */
function holdsAll(read: (doc: unknown) => unknown, wanted: Array<string | number>): Prefilter {
  return (doc) => {
    const field = read(doc)
    if (field === undefined || field === null) return false
    const elements = Array.isArray(field) ? field : plainScalar(field) ? [field] : null
    if (!elements) return undefined
    if (wanted.every((w) => elements.includes(w))) return true
    return elements.every(plainScalar) ? false : undefined
  }
}

/** The expression as `lugong_regexp` compiles it; null (SQL decides, or refuses) when it cannot be. */
function compiled(value: RegExpOp, regexps: RegExpCache): RegExp | null {
  if (unlikeInSqlite(value.regexp)) return null
  try {
    return regexps.get(value.regexp, value.options)
  } catch {
    return null
  }
}

const textUnlikeInSqlite = (field: unknown): boolean =>
  typeof field === 'string' ? unlikeInSqlite(field) : Array.isArray(field) && field.some((item) => typeof item === 'string' && unlikeInSqlite(item))

function fieldTest(path: string, value: unknown, regexps: RegExpCache): Prefilter {
  const read = reader(path)
  if (value instanceof RegExpOp) {
    const re = compiled(value, regexps)
    if (!re) return UNKNOWN
    return (doc) => {
      const field = read(doc)
      if (field === UNREADABLE || textUnlikeInSqlite(field)) return undefined
      return regExpFinds(re, field)
    }
  }
  if (value instanceof Op) {
    switch (value.kind) {
      case 'geoNear':
        return YES // the walk over the geo index decides it
      case 'and':
      case 'or': {
        const tests = (value.arg as unknown[]).map((v) => fieldTest(path, v, regexps))
        return value.kind === 'and' ? all(tests) : any(tests)
      }
      case 'all': {
        const wanted = value.arg as unknown[]
        return wanted.length > 0 && wanted.every(plainScalar) ? holdsAll(read, wanted) : UNKNOWN
      }
      default:
        return comparison(read, value.kind, value.arg)
    }
  }
  if (isPlainObject(value)) return all(Object.entries(value).map(([k, v]) => fieldTest(`${path}.${k}`, v, regexps)))
  return comparison(read, 'eq', value)
}

function queryTest(query: unknown, regexps: RegExpCache): Prefilter {
  if (query instanceof Op && (query.kind === 'and' || query.kind === 'or')) {
    const tests = (query.arg as unknown[]).map((q) => queryTest(q, regexps))
    return query.kind === 'and' ? all(tests) : any(tests)
  }
  if (!isPlainObject(query)) return UNKNOWN
  return all(Object.entries(query).map(([path, value]) => fieldTest(path, value, regexps)))
}

/**
 * A nearest-first query's conditions — comparisons, equality, `_.all`, regular expressions (a
 * worker's keywords), and/or of them — tested on documents already parsed; null when it could
 * never decide anything. Where it cannot tell, SQL decides. In SQL, a job search read each of the
 * ~146 jobs near its point and crossed into JavaScript with the text of three of its fields.
 */
export function prefilterOf(where: unknown[], regexps: RegExpCache): Prefilter | null {
  const test = all(where.map((query) => queryTest(query, regexps)))
  return test === UNKNOWN ? null : test
}
