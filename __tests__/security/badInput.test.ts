import fc from 'fast-check'
import type { Envelope } from '../../types/envelope'
import { ENTRIES, type Entry } from './catalogue'
import { buildWorld, callOn, changedCollections, openCopy, PEOPLE, removeCopies, snapshot, type World } from './world'

/**
 * Bad input, property-based: for every action, (a) its valid payload with ONE field — nested ones
 * and list items too — replaced by a bad value or left out, and (b) arbitrary payloads. Whatever
 * arrives: never INTERNAL; a refusal writes nothing; an INVALID_ARGUMENT speaks plain Chinese, and
 * for (a) names the field that was replaced (or a parent of it, or a field a check across fields
 * names, as the catalogue declares).
 */

const SEED = 20261130
const RUNS_ONE_FIELD = 30
const RUNS_ARBITRARY = 15

/** A value and how a failure message names it (never the 100k characters themselves). */
interface Bad {
  label: string
  value: unknown
}
const MISSING = Symbol('missing')

const nested = (depth: number, wrap: (inner: unknown) => unknown) => {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = wrap(value)
  return value
}

const BAD_VALUES: Bad[] = [
  { label: 'missing', value: MISSING },
  { label: 'null', value: null },
  { label: 'true', value: true },
  { label: '0', value: 0 },
  { label: '-1', value: -1 },
  { label: '0.5', value: 0.5 },
  { label: '1e308', value: 1e308 },
  { label: '-1e308', value: -1e308 },
  { label: '2**53+1', value: 2 ** 53 + 1 },
  { label: '-(2**53+1)', value: -(2 ** 53 + 1) },
  { label: "''", value: '' },
  { label: "' '", value: ' ' },
  { label: "'NaN'", value: 'NaN' },
  { label: "'Infinity'", value: 'Infinity' },
  { label: "'-1'", value: '-1' },
  { label: "'1e300' (a cursor)", value: '1e300' },
  { label: "'99999999999999999999' (a cursor)", value: '99999999999999999999' },
  { label: "'x' × 100,000", value: 'x'.repeat(100_000) },
  { label: "'字' × 100,000", value: '字'.repeat(100_000) },
  { label: "'\\u0000'", value: '\u0000' },
  { label: "'张\\u0000三'", value: '张\u0000三' },
  { label: "'张\\u200b三' (zero width)", value: '张\u200b三' },
  { label: "'\\u200b'", value: '\u200b' },
  { label: "'张\\u202e三' (direction override)", value: '张\u202e三' },
  { label: "'2030-02-30'", value: '2030-02-30' },
  { label: "'2026-13-01'", value: '2026-13-01' },
  { label: "'../../etc/passwd'", value: '../../etc/passwd' },
  { label: "'a' × 65", value: 'a'.repeat(65) },
  { label: "'<script>'", value: '<script>alert(1)</script>' },
  { label: '{}', value: {} },
  { label: '[]', value: [] },
  { label: '[null]', value: [null] },
  { label: "{ $ne: null } (an operator)", value: { $ne: null } },
  { label: "{ $gt: '' } (an operator)", value: { $gt: '' } },
  { label: '{ __proto__: { admin: true } }', value: JSON.parse('{"__proto__": {"admin": true}, "roles": ["admin"]}') },
  { label: "5,000 × 'x'", value: Array(5000).fill('x') },
  { label: '5,000 × 1', value: Array(5000).fill(1) },
  { label: '5,000 × {}', value: Array.from({ length: 5000 }, () => ({})) },
  { label: 'an object 1,001 deep', value: nested(1001, (inner) => ({ a: inner })) },
  { label: 'a list 1,001 deep', value: nested(1001, (inner) => [inner]) },
]

const shortLabel = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
const labelled = (value: unknown): Bad => ({ label: shortLabel(value), value })

/** A bad value: most often one of the list above, sometimes one fast-check makes up. */
const badValue: fc.Arbitrary<Bad> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...BAD_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }).map(labelled) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map(labelled) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(labelled) },
)

type Path = Array<string | number>
const dotted = (path: Path) => path.join('.')

/** Every field of a payload, nested objects and list items included. */
function fieldPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...fieldPaths(item, [...prefix, i])])
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...fieldPaths(item, [...prefix, key])])
  }
  return []
}

/** The payload with the field at `path` replaced (or taken out). */
function replaced(payload: object, path: Path, bad: unknown): object {
  const copy = structuredClone(payload) as Record<string | number, unknown>
  let parent: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (bad !== MISSING) parent[last] = bad
  else if (Array.isArray(parent)) parent.splice(last as number, 1)
  else delete parent[last]
  return copy
}

const CHINESE = /[\u4e00-\u9fff]/
/** Words a worker may meet in a message: file types and units, not a validator's English. */
const KNOWN_WORDS = new Set(['jpg', 'png', 'pdf', 'MB', 'CSV', 'WiFi'])
function notPlainChinese(text: unknown): string | null {
  if (typeof text !== 'string' || !CHINESE.test(text)) return `not Chinese: ${JSON.stringify(text)}`
  const english = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !KNOWN_WORDS.has(w))
  return english.length ? `English in ${JSON.stringify(text)}` : null
}

/** What is wrong with an answer to bad input; empty when it held. */
function problemsOf(res: Envelope<unknown>, wrote: string[]): string[] {
  if (res.ok) return []
  const problems: string[] = []
  if (res.error.code === 'INTERNAL') problems.push('INTERNAL')
  if (wrote.length) problems.push(`refused with ${res.error.code} but wrote to ${wrote.join(', ')}`)
  // Every refusal is worded for a worker (ARCHITECTURE.md, the call protocol), not only INVALID_ARGUMENT.
  const message = notPlainChinese(res.error.message)
  if (message) problems.push(`${res.error.code} message ${message}`)
  if (res.error.code === 'INVALID_ARGUMENT') {
    for (const [field, text] of Object.entries(res.error.fields ?? {})) {
      const wrong = notPlainChinese(text)
      if (wrong) problems.push(`fields.${field} ${wrong}`)
    }
  }
  return problems
}

/** Whether a field named in `fields` is the replaced one, a parent or a part of it, or a declared partner. */
function names(key: string, path: string, entry: Entry): boolean {
  const within = (a: string, b: string) => a === b || b.startsWith(`${a}.`)
  return within(key, path) || within(path, key) || (entry.crossFields?.[path] ?? []).some((partner) => within(partner, key))
}

let world: World
beforeAll(async () => {
  world = await buildWorld()
})
afterAll(removeCopies)

/** Calls on a copy of the world: the answer and what it wrote. */
async function attempt(fn: string, action: string, entry: Entry, payload: unknown, requestId: string | undefined) {
  const copy = openCopy(world)
  try {
    const before = snapshot(copy.db)
    const res = await callOn(copy.db, world, PEOPLE[entry.caller], fn, action, payload, requestId)
    return { res, wrote: changedCollections(before, snapshot(copy.db)) }
  } finally {
    copy.dispose()
  }
}

let intents = 0
const requestIdArb = fc.boolean().map((send) => (send ? `bad-input-${intents++}` : undefined))

const CASES = ENTRIES.map(([fn, action, entry]) => [`${fn}.${action}`, fn, action, entry] as const)

/** Replaces one field and judges the answer; the problems found, worded for the failure message. */
async function oneField(name: string, fn: string, action: string, entry: Entry, valid: object, path: Path, bad: Bad, requestId?: string) {
  const { res, wrote } = await attempt(fn, action, entry, replaced(valid, path, bad.value), requestId)
  const problems = problemsOf(res, wrote)
  if (!res.ok && res.error.code === 'INVALID_ARGUMENT') {
    const keys = Object.keys(res.error.fields ?? {})
    if (keys.length === 0) problems.push('INVALID_ARGUMENT without fields')
    const strays = keys.filter((k) => !names(k, dotted(path), entry))
    if (strays.length) problems.push(`fields name ${strays.join(', ')}`)
  }
  return problems.map((p) => `${name}: ${dotted(path)} := ${bad.label} → ${p}`)
}

/** What every field meets at least once, besides the random draws. */
const SWEEP = ['missing', 'null', '{}', "'x' × 100,000", "'张\\u0000三'", "'张\\u202e三' (direction override)", '1e308', '5,000 × 1'].map(
  (label) => BAD_VALUES.find((b) => b.label === label)!,
)

describe('(a) one field of a valid payload replaced by a bad value', () => {
  it('sweeps with values the list holds', () => {
    expect(SWEEP.every(Boolean)).toBe(true)
  })

  it.each(CASES)('%s', async (name, fn, action, entry) => {
    const valid = entry.payload(world.ids, { owner: 'worker', caller: entry.caller })
    const paths = fieldPaths(valid)
    if (paths.length === 0) return
    const found = new Set<string>()
    // Every field once with each value of the sweep, then random draws of field, value and requestId.
    for (const path of paths) for (const bad of SWEEP) for (const p of await oneField(name, fn, action, entry, valid, path, bad)) found.add(p)
    const samples = fc.sample(fc.tuple(fc.constantFrom(...paths), badValue, requestIdArb), { numRuns: RUNS_ONE_FIELD, seed: SEED })
    for (const [path, bad, requestId] of samples) for (const p of await oneField(name, fn, action, entry, valid, path, bad, requestId)) found.add(p)
    expect([...found]).toEqual([])
  })
})

describe('(b) arbitrary payloads', () => {
  it.each(CASES)('%s', async (name, fn, action, entry) => {
    const valid = entry.payload(world.ids, { owner: 'worker', caller: entry.caller })
    const keys = Object.keys(valid)
    const payloadArb: fc.Arbitrary<unknown> = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'toString', 'x'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }),
      keys.length ? fc.record(Object.fromEntries(keys.map((k) => [k, fc.jsonValue({ maxDepth: 2 })])), { requiredKeys: [] }) : fc.constant({}),
      fc.record({ base: fc.constant(valid), over: fc.dictionary(fc.constantFrom(...keys, 'x'), badValue.filter((b) => b.value !== MISSING).map((b) => b.value)) }).map(({ base, over }) => ({ ...base, ...over })),
    )
    const samples = fc.sample(fc.tuple(payloadArb, requestIdArb), { numRuns: RUNS_ARBITRARY, seed: SEED + 1 })
    const found = new Set<string>()
    for (const [payload, requestId] of samples) {
      const { res, wrote } = await attempt(fn, action, entry, payload, requestId)
      for (const p of problemsOf(res, wrote)) found.add(`${name}: ${shortLabel(payload)} → ${p}`)
    }
    expect([...found]).toEqual([])
  })
})

/** The requestId beside the payload is input too: checked before anything runs, named in `fields`. */
const BAD_REQUEST_IDS: Bad[] = [
  { label: '7', value: 7 },
  { label: 'null', value: null },
  { label: 'true', value: true },
  { label: '{}', value: {} },
  { label: '[]', value: [] },
  { label: "''", value: '' },
  { label: "'short'", value: 'short' },
  { label: "'a' × 65", value: 'a'.repeat(65) },
  { label: "'x' × 100,000", value: 'x'.repeat(100_000) },
  { label: "'申请编号一二三四'", value: '申请编号一二三四' },
  { label: "'intent 0001'", value: 'intent 0001' },
  { label: "'../../../etc'", value: '../../../etc' },
  { label: "'intent-0001\\u0000'", value: 'intent-0001\u0000' },
]

describe('(c) a bad requestId beside a valid payload', () => {
  it.each(CASES)('%s', async (name, fn, action, entry) => {
    const valid = entry.payload(world.ids, { owner: 'worker', caller: entry.caller })
    const found = new Set<string>()
    for (const bad of BAD_REQUEST_IDS) {
      const { res, wrote } = await attempt(fn, action, entry, valid, bad.value as string)
      const problems = problemsOf(res, wrote)
      if (res.ok || res.error.code !== 'INVALID_ARGUMENT') problems.push(`answered ${res.ok ? 'ok' : res.error.code}`)
      else if (Object.keys(res.error.fields ?? {}).join() !== 'requestId') problems.push(`fields name ${Object.keys(res.error.fields ?? {}).join(', ')}`)
      for (const p of problems) found.add(`${name}: requestId := ${bad.label} → ${p}`)
    }
    expect([...found]).toEqual([])
  })
})
