import fc from 'fast-check'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { prefilterOf, type Verdict } from '../../cloud/db/sqlite/prefilter'
import type { Query } from '../../cloud/db/types'

/**
 * The sqlite driver tests the simple conditions of a nearest-first query on parsed documents
 * before SQL (`prefilterOf`). Whatever it answers yes or no must be what SQL answers: random
 * documents of awkward values, random queries, both asked.
 */
const SEED = 20261129
const RUNS = 300

const db = new SqliteDb({ filename: ':memory:', indexes: [] })
afterAll(() => db.close())
const _ = db.command

// Values where JavaScript and SQLite could part: fractions, unsafe integers, numbers as text,
// booleans (1 and 0 in SQLite), null, characters outside the BMP, objects.
const plain = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('1', '快递', '快递员', '司机', 'a', 'A', 'abc', '𠀀', '', '\uD800', '\uFFFD'))
const odd = fc.oneof(fc.constantFrom(1.5, 2.0, -0.5, 9007199254740993, 1e21), fc.boolean(), fc.constant(null))
const scalar = fc.oneof({ arbitrary: plain, weight: 4 }, { arbitrary: odd, weight: 1 })
const fieldValue = fc.oneof(
  { arbitrary: scalar, weight: 4 },
  { arbitrary: fc.array(scalar, { maxLength: 4 }), weight: 3 },
  { arbitrary: fc.record({ x: scalar }), weight: 2 },
  { arbitrary: fc.array(fc.record({ x: scalar }), { maxLength: 2 }), weight: 1 },
)
const doc = fc.record({ n: fieldValue, s: fieldValue, tags: fieldValue, obj: fieldValue }, { requiredKeys: [] })

const path = fc.constantFrom('n', 's', 'tags', 'obj.x', 'tags.0', 'obj.0', 'tags.0.x', 'missing', '_id')
const number = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(1.5, 9007199254740992))
const word = fc.constantFrom('快递', '司机', 'a', '1', '𠀀', '.', 'd1', '\uD800', '\uFFFD')
// Expressions as a worker's keywords make them, and others: anchors, any character, flags.
const regExp = fc.oneof(
  word.map((regexp) => db.RegExp({ regexp: regexp.replace('.', '\\.'), options: 'i' })),
  fc.tuple(fc.constantFrom('^快', '递$', '^.$', 'a.c', '^d', 'A', '\uD800', '\uFFFD', '^$'), fc.constantFrom('', 'i', 'm', 's', 'ims')).map(([regexp, options]) => db.RegExp({ regexp, options })),
)
const condition: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(fc.constantFrom('gt', 'gte', 'lt', 'lte', 'eq', 'neq'), number).map(([kind, n]) => (_ as unknown as Record<string, (v: unknown) => unknown>)[kind](n)),
  fc.oneof(scalar, word),
  regExp,
  fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), word, fc.constant(true)), { maxLength: 3 }).map((values) => _.all(values)),
  fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), word), { maxLength: 3 }).map((values) => _.in(values)),
  fc.boolean().map((present) => _.exists(present)),
  fc.tuple(number, number).map(([a, b]) => _.gt(a).and(_.lt(b))),
  fc.tuple(number, number).map(([a, b]) => _.lt(a).or(_.gt(b))),
)
const fieldQuery = fc.tuple(path, condition).map(([p, c]) => ({ [p]: c }) as Query)
const query: fc.Arbitrary<Query> = fc.oneof(
  fieldQuery,
  fc.tuple(fieldQuery, fieldQuery).map(([a, b]) => ({ ...a, ...b })),
  fc.array(fieldQuery, { minLength: 1, maxLength: 3 }).map((qs) => _.or(qs) as unknown as Query),
  fc.array(fieldQuery, { minLength: 1, maxLength: 3 }).map((qs) => _.and(qs) as unknown as Query),
)

let collections = 0

/** Asks SQL and the prefilter about every document for every query; counts what the prefilter decided. */
async function expectAgreement(docs: Array<Record<string, unknown>>, queries: Query[], decided = { yes: 0, no: 0, unknown: 0 }) {
  const things = db.collection(`things${collections++}`)
  for (const [i, d] of docs.entries()) await things.add({ data: { ...d, _id: `d${i}` } })
  // Values SQL wrote itself, as `inc` does: 2.0 rather than 2, fractions, text read as a number.
  for (const i of docs.keys()) if (i % 3 === 0) await things.doc(`d${i}`).update({ data: { n: _.inc(i % 2 ? 1 : 0.5) } })
  // As the driver keeps them: parsed from the stored JSON.
  const parsed = (await things.limit(100).get()).data
  for (const q of queries) {
    const matched = new Set((await things.where(q).limit(100).get()).data.map((d) => d._id))
    const prefilter = prefilterOf([q], db.regexps)
    for (const d of parsed) {
      const verdict: Verdict = prefilter ? prefilter(d) : undefined
      if (verdict === undefined) decided.unknown++
      else {
        decided[verdict ? 'yes' : 'no']++
        if (verdict !== matched.has(d._id)) throw new Error(`prefilter said ${verdict}, SQL ${!verdict}: ${JSON.stringify(d)} for ${JSON.stringify(q)}`)
      }
    }
  }
  return decided
}

describe('the prefilter of nearest-first queries', () => {
  it('answers yes and no only where SQL answers the same', async () => {
    const decided = { yes: 0, no: 0, unknown: 0 }
    const cases = fc.sample(fc.tuple(fc.array(doc, { minLength: 1, maxLength: 12 }), fc.array(query, { minLength: 1, maxLength: 8 })), { numRuns: RUNS, seed: SEED })
    for (const [docs, queries] of cases) await expectAgreement(docs, queries, decided)
    // It decides something of every kind, so the comparison above is not empty.
    expect(decided.yes).toBeGreaterThan(50)
    expect(decided.no).toBeGreaterThan(500)
    expect(decided.unknown).toBeGreaterThan(50)
  })

  it('leaves to SQL the values SQLite reads its own way', async () => {
    const docs = [{ tags: [true] }, { tags: [1.5, 'a'] }, { n: true }, { n: '1' }, { obj: { 0: 'a' } }, { s: { x: '快递' } }, { tags: null }, { tags: 'a' }, { s: ['快递员'] }]
    const queries: Query[] = [{ tags: _.all([1]) }, { tags: _.all(['a', 1]) }, { n: 1 }, { n: _.gte(1) }, { 'obj.0': 'a' }, { s: db.RegExp({ regexp: '快递' }) }, { tags: _.all(['a']) }]
    const decided = await expectAgreement(docs, queries)
    expect(decided.unknown).toBeGreaterThan(0)
    expect(prefilterOf([{ tags: _.all([1]) }], db.regexps)!({ tags: [true] })).toBeUndefined()
    expect(prefilterOf([{ n: 1 }], db.regexps)!({ n: true })).toBeUndefined()
    expect(prefilterOf([{ s: db.RegExp({ regexp: '快递' }) }], db.regexps)!({ s: ['快递员'] })).toBe(true)
    // A lone surrogate leaves SQLite as U+FFFD: SQL decides; so it does for an expression it cannot compile.
    expect(prefilterOf([{ s: db.RegExp({ regexp: '^.$' }) }], db.regexps)!({ s: '\uD800' })).toBeUndefined()
    expect(prefilterOf([{ s: db.RegExp({ regexp: '[' }) }], db.regexps)).toBeNull()
    // `_id` is a TEXT column.
    expect(prefilterOf([{ _id: _.gt(10) }], db.regexps)!({ _id: 5 })).toBeUndefined()
  })
})
