import { Op } from '../command'
import type { DbRegExp, RegExpOptions } from '../types'
import { isPlainObject, join, unlikeInSqlite } from './sql'

/** The flags CloudBase documents for `db.RegExp` (Database.RegExp: i, m, s). */
const FLAGS = /^[ims]*$/

/** `db.RegExp` of the local driver: an operator the SQL compiler turns into one call of `lugong_regexp`. */
export class RegExpOp extends Op implements DbRegExp {
  constructor(
    readonly regexp: string,
    readonly options: string,
  ) {
    super('regex', { regexp, options })
  }
}

export function dbRegExp({ regexp, options = '' }: RegExpOptions): RegExpOp {
  // As wx-server-sdk's RegExp: an empty expression is refused when it is made.
  if (typeof regexp !== 'string' || regexp === '') throw new TypeError('regexp must be a non-empty string')
  if (typeof options !== 'string' || !FLAGS.test(options)) throw new TypeError(`regexp options must be made of i, m and s: ${String(options)}`)
  return new RegExpOp(regexp, options)
}

/** How many compiled expressions are kept; the services use a handful of shapes, keywords vary. */
export const REGEXP_CACHE_SIZE = 256

/**
 * Compiled expressions by flags and text, the least recently used dropped past the bound, so a
 * stream of different keywords neither recompiles the same one on every row nor grows memory.
 */
export class RegExpCache {
  private readonly compiled = new Map<string, RegExp>()

  constructor(readonly capacity = REGEXP_CACHE_SIZE) {}

  get size(): number {
    return this.compiled.size
  }

  /** A query calls the function once per row with the same expression: the last one is at hand. */
  private last: { key: string; re: RegExp } | null = null

  get(pattern: string, flags: string): RegExp {
    const key = `${flags}\u0000${pattern}`
    if (this.last?.key === key) return this.last.re
    const re = this.lookup(key, pattern, flags)
    this.last = { key, re }
    return re
  }

  private lookup(key: string, pattern: string, flags: string): RegExp {
    const found = this.compiled.get(key)
    if (found) {
      this.compiled.delete(key)
      this.compiled.set(key, found)
      return found
    }
    // `u`: a Chinese character outside the BMP is one character, as in MongoDB's UTF-8 PCRE.
    const made = new RegExp(pattern, `${flags}u`)
    this.compiled.set(key, made)
    if (this.compiled.size > this.capacity) this.compiled.delete(this.compiled.keys().next().value as string)
    return made
  }
}

/**
 * The SQL function `lugong_regexp(pattern, flags, value, type)`: `value` is the field as `->>` reads
 * it and `type` its `json_type`, so a string is tested as it is and an array (JSON text) element by
 * element. As MongoDB's `$regex`: a string matches when the expression finds a match in it, an
 * array when one of its strings does; anything else never.
 */
export function regexpFunction(cache: RegExpCache) {
  return (pattern: unknown, flags: unknown, value: unknown, type: unknown): number => {
    if (typeof pattern !== 'string' || typeof flags !== 'string' || typeof value !== 'string') return 0
    if (type !== 'text' && type !== 'array') return 0
    return regExpFinds(cache.get(pattern, flags), type === 'text' ? value : JSON.parse(value)) ? 1 : 0
  }
}

/** Whether `re` finds a match in a field's value: a string, or one of the strings of an array. */
export function regExpFinds(re: RegExp, value: unknown): boolean {
  if (typeof value === 'string') return re.test(value)
  return Array.isArray(value) && value.some((item) => typeof item === 'string' && re.test(item))
}

/** A condition made of regular expressions only, and/or of them, on any fields. */
export function onlyRegExps(query: unknown): boolean {
  if (query instanceof RegExpOp) return true
  if (query instanceof Op) return (query.kind === 'and' || query.kind === 'or') && Array.isArray(query.arg) && query.arg.length > 0 && query.arg.every(onlyRegExps)
  if (!isPlainObject(query)) return false
  const values = Object.values(query)
  return values.length > 0 && values.every(onlyRegExps)
}

/** Characters that mean something in an expression; escaped, each stands for itself, as `/` does (`u` allows no other escape of a character). */
const SYNTAX = new Set('^$\\.*+?()[]{}|')
const ESCAPED = new Set([...SYNTAX, '/'])

/**
 * The text an expression matches, when it matches only that: plain characters and escaped syntax
 * characters. Null for anything else, and under `i` for text with a letter that has a case (under
 * `u`, `k` also matches the Kelvin sign): such text is found in other spellings too.
 */
function literalOf(regexp: string, options: string): string | null {
  let text = ''
  for (let i = 0; i < regexp.length; i++) {
    const c = regexp[i]
    if (c === '\\') {
      const next = regexp[++i]
      if (next === undefined || !ESCAPED.has(next)) return null
      text += next
    } else if (SYNTAX.has(c)) return null
    else text += c
  }
  if (options.includes('i') && text.toLowerCase() !== text.toUpperCase()) return null
  return text
}

/** Text a document's JSON text holds as it is: no quote, backslash or control character (JSON escapes them), nothing SQLite reads otherwise. */
const verbatimInJson = (text: string) => /^[^"\\\u0000-\u001f]+$/.test(text) && !unlikeInSqlite(text)

/**
 * A cheap condition a document's JSON text must meet for `query` — regular expressions only (see
 * `onlyRegExps`) — to hold: each literal text it must find in some field is somewhere in the
 * document (`instr`, in SQLite's own code). Null when nothing can be said. It only narrows: the
 * expressions still decide. Making a keyword's tree tested 10,000 jobs' three fields in
 * JavaScript; most jobs hold no keyword at all.
 */
export function textNeeded(query: unknown): { sql: string; params: string[] } | null {
  if (query instanceof RegExpOp) {
    const text = literalOf(query.regexp, query.options)
    return text !== null && verbatimInJson(text) ? { sql: 'instr(doc, ?) > 0', params: [text] } : null
  }
  if (query instanceof Op && query.kind !== 'and' && query.kind !== 'or') return null
  // `_id` is a column: what it holds is not in the document's text as the column gives it (a number).
  const parts = query instanceof Op ? (query.arg as unknown[]) : isPlainObject(query) ? Object.entries(query).map(([path, value]) => (path === '_id' ? undefined : value)) : []
  const needed = parts.map((part) => (part === undefined ? null : textNeeded(part)))
  const kind = query instanceof Op ? query.kind : 'and'
  const known = needed.filter((n) => n !== null)
  // All of them: any one that says something; one of them: only when each says something.
  if (known.length === 0 || (kind === 'or' && known.length < needed.length)) return null
  const distinct = [...new Map(known.map((n) => [`${n.sql}\u0000${n.params.join('\u0000')}`, n])).values()]
  if (distinct.length === 1) return distinct[0]
  const { sql, params } = join(distinct, kind === 'or' ? 'OR' : 'AND')
  return { sql, params: params as string[] }
}
