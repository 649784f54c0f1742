import type { IndexSpec } from '../../cloud/db/indexes'
import { compileAggregate } from '../../cloud/db/sqlite/aggregate'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import type { Db } from '../../cloud/db/types'
import { DRIVERS } from './drivers'

const INDEXES: IndexSpec[] = [{ collection: 'claims', name: 'service_at', fields: [{ path: 'service' }, { path: 'at' }, { path: 'kind' }, { path: 'fen' }] }]

interface Claim {
  _id?: string
  service: string
  kind: string
  owner: string
  at: number
  fen?: number
  paidAt?: number
  tier?: string
  present?: boolean
}

/** Ten claims: hand-counted below. */
const CLAIMS: Claim[] = [
  { service: 'medical', kind: 'inpatient', owner: 'a', at: 100, fen: 670_000, paidAt: 100 + 3 * 86_400_000 },
  { service: 'medical', kind: 'inpatient', owner: 'a', at: 200, fen: 1_850_000, paidAt: 200 + 5 * 86_400_000 },
  { service: 'medical', kind: 'inpatient', owner: 'b', at: 300, fen: 100_000 },
  { service: 'medical', kind: 'critical', owner: 'c', at: 400, fen: 1_000_000, paidAt: 400 + 10 * 86_400_000 },
  { service: 'medical', kind: 'accident', owner: 'd', at: 500 },
  { service: 'aid', kind: 'winter', owner: 'a', at: 150, fen: 200_000, tier: 'deep' },
  { service: 'aid', kind: 'winter', owner: 'e', at: 250, fen: 100_000, tier: 'relative' },
  { service: 'aid', kind: 'autumn', owner: 'e', at: 350, fen: 300_000, tier: 'relative' },
  { service: 'aid', kind: 'summer', owner: 'f', at: 450, tier: 'none' },
  { service: 'legal', kind: 'wages', owner: 'g', at: 9_999 },
]

const byId = <T extends { _id: unknown }>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a._id).localeCompare(JSON.stringify(b._id)))

/**
 * The aggregate API both drivers hold to (`cloud/db/aggregate.ts`): the stages and operators of
 * CloudBase's `collection.aggregate()` that the figures use, on sqlite and on cloudbase over the
 * stand-in (mingo's pipeline, MongoDB's semantics).
 */
describe.each(DRIVERS)('aggregate on the %s driver', (_name, open) => {
  let db: Db & { close(): void }
  const claims = () => db.collection<Claim>('claims')
  beforeEach(async () => {
    db = open({ indexes: INDEXES })
    for (const claim of CLAIMS) await claims().add({ data: claim })
  })
  afterEach(() => db.close())

  it('counts, sums, averages and finds the least and greatest per group of the matched documents', async () => {
    const $ = db.command.aggregate
    const { list } = await claims()
      .aggregate()
      .match({ service: 'medical' })
      .group({ _id: '$kind', claims: $.sum(1), fen: $.sum('$fen'), average: $.avg('$fen'), first: $.min('$at'), last: $.max('$at') })
      .limit(100)
      .end()
    expect(byId(list as any[])).toEqual([
      { _id: 'accident', claims: 1, fen: 0, average: null, first: 500, last: 500 },
      { _id: 'critical', claims: 1, fen: 1_000_000, average: 1_000_000, first: 400, last: 400 },
      { _id: 'inpatient', claims: 3, fen: 2_620_000, average: 2_620_000 / 3, first: 100, last: 300 },
    ])
  })

  it('groups under a compound key, and everything under a constant one; no documents make no group', async () => {
    const $ = db.command.aggregate
    const { list } = await claims().aggregate().match({ service: 'aid' }).group({ _id: { kind: '$kind', tier: '$tier' }, n: $.sum(1) }).limit(100).end()
    expect((list as any[]).map((r) => `${r._id.kind}/${r._id.tier}:${r.n}`).sort()).toEqual(['autumn/relative:1', 'summer/none:1', 'winter/deep:1', 'winter/relative:1'])
    expect((await claims().aggregate().match({ service: 'aid' }).group({ _id: null, fen: $.sum('$fen') }).end()).list).toEqual([{ _id: null, fen: 600_000 }])
    expect((await claims().aggregate().match({ service: 'nobody' }).group({ _id: null, n: $.sum(1) }).end()).list).toEqual([])
  })

  it('counts distinct values with addToSet and size; a missing field adds nothing', async () => {
    const $ = db.command.aggregate
    const { list } = await claims()
      .aggregate()
      .match({ service: db.command.in(['aid', 'medical']) })
      .group({ _id: '$service', owners: $.addToSet('$owner'), tiers: $.addToSet('$tier') })
      .project({ people: $.size('$owners'), tiers: $.size('$tiers') })
      .limit(10)
      .end()
    expect(byId(list as any[])).toEqual([
      { _id: 'aid', people: 3, tiers: 3 },
      { _id: 'medical', people: 4, tiers: 0 },
    ])
  })

  it('computes in project (the days from a claim to its payment) and averages what it computed', async () => {
    const $ = db.command.aggregate
    const { list } = await claims()
      .aggregate()
      .match({ service: 'medical', paidAt: db.command.exists(true) })
      .project({ days: $.divide([$.subtract(['$paidAt', '$at']), 86_400_000]) })
      .group({ _id: null, days: $.avg('$days'), n: $.sum(1) })
      .end()
    expect(list).toEqual([{ _id: null, days: 6, n: 3 }])
  })

  it('turns conditions into numbers with cond, and groups what was grouped again', async () => {
    const $ = db.command.aggregate
    const marks = db.collection<{ child: string; present: boolean }>('marks')
    // Child x came 2 of 3 days (67 %), y 3 of 3, z 0 of 1.
    for (const [child, present] of [['x', true], ['x', true], ['x', false], ['y', true], ['y', true], ['y', true], ['z', false]] as const) {
      await marks.add({ data: { child, present } })
    }
    const { list } = await marks
      .aggregate()
      .group({ _id: '$child', present: $.sum($.cond({ if: '$present', then: 1, else: 0 })), marks: $.sum(1) })
      .project({ below: $.lt([$.multiply(['$present', 10]), $.multiply(['$marks', 7])]) })
      .group({ _id: null, below: $.sum($.cond({ if: '$below', then: 1, else: 0 })), children: $.sum(1), present: $.sum(0) })
      .end()
    expect(list).toEqual([{ _id: null, below: 2, children: 3, present: 0 }])
    const flags = await marks.aggregate().group({ _id: '$child', none: $.max('$present') }).project({ _id: 1, missed: $.eq(['$none', false]) }).sort({ _id: 1 }).end()
    expect(flags.list).toEqual([
      { _id: 'x', missed: false },
      { _id: 'y', missed: false },
      { _id: 'z', missed: true },
    ])
  })

  it('sorts values into buckets by their lower boundary, and the rest into the default', async () => {
    const $ = db.command.aggregate
    const { list } = await claims()
      .aggregate()
      .match({ service: 'medical' })
      .bucket({ groupBy: '$at', boundaries: [0, 250, 450], default: 'other', output: { n: $.sum(1), fen: $.sum('$fen') } })
      .sort({ n: -1 })
      .end()
    expect(list).toEqual([
      { _id: 0, n: 2, fen: 2_520_000 },
      { _id: 250, n: 2, fen: 1_100_000 },
      { _id: 'other', n: 1, fen: 0 },
    ])
    const counted = await claims().aggregate().match({ service: 'aid' }).bucket({ groupBy: '$fen', boundaries: [0, 250_000, 1_000_000], default: -1 }).sort({ _id: 1 }).end()
    expect(counted.list).toEqual([
      { _id: -1, count: 1 },
      { _id: 0, count: 2 },
      { _id: 250_000, count: 1 },
    ])
  })

  it('matches with command operators and nested paths, sorts and limits', async () => {
    const $ = db.command.aggregate
    const _ = db.command
    const { list } = await claims()
      .aggregate()
      .match({ at: _.gte(200).and(_.lt(500)), kind: _.nin(['critical']) })
      .group({ _id: '$owner', n: $.sum(1), at: $.max('$at') })
      .sort({ n: -1, _id: 1 })
      .limit(2)
      .end()
    expect(list).toEqual([
      { _id: 'e', n: 2, at: 350 },
      { _id: 'a', n: 1, at: 200 },
    ])
  })

  it('answers the documents themselves when it only matches, sorts and limits', async () => {
    const { list } = await claims().aggregate().match({ service: 'aid' }).sort({ at: -1 }).limit(2).end<Claim>()
    expect(list.map((c) => c.at)).toEqual([450, 350])
  })

  it('answers 20 results without a limit stage, as CloudBase does', async () => {
    const many = db.collection<{ n: number }>('many')
    for (let n = 0; n < 30; n++) await many.add({ data: { n } })
    const $ = db.command.aggregate
    expect((await many.aggregate().group({ _id: '$n', c: $.sum(1) }).end()).list).toHaveLength(20)
    expect((await many.aggregate().group({ _id: '$n', c: $.sum(1) }).limit(25).end()).list).toHaveLength(25)
  })

  it('refuses a match after another stage, a limit that is not a whole number, and a bucket without its default, at the call', () => {
    const $ = db.command.aggregate
    expect(() => claims().aggregate().group({ _id: null, n: $.sum(1) }).match({ service: 'aid' })).toThrow(/match must come before/)
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => claims().aggregate().limit(bad)).toThrow(/limit must be a whole number/)
    expect(() => claims().aggregate().bucket({ groupBy: '$at', boundaries: [0, 10], default: 5 })).toThrow(/default outside/)
    expect(() => claims().aggregate().bucket({ groupBy: '$at', boundaries: [10, 0], default: 'x' })).toThrow(/ascending/)
  })
})

describe('aggregate on the sqlite driver: in SQL, from the index, with SQL that does not grow', () => {
  it('reads the fields of a covering index without opening the documents; a statement per number of boundaries up to 64, one beyond', async () => {
    const db = new SqliteDb({ filename: ':memory:', indexes: INDEXES })
    try {
      for (const claim of CLAIMS) await db.collection<Claim>('claims').add({ data: claim })
      const $ = db.command.aggregate
      const pipeline = (lo: number, bounds: number[]) =>
        db
          .collection('claims')
          .aggregate()
          .match({ service: 'medical', at: db.command.gte(lo) })
          .bucket({ groupBy: '$at', boundaries: bounds, default: 'other', output: { fen: $.sum('$fen'), kinds: $.addToSet('$kind') } })
          .limit(50)
      const bounds = (n: number) => Array.from({ length: n }, (_v, k) => k * 10)
      const before = db.cachedStatements
      for (let i = 0; i < 3; i++) for (const n of [2, 13, 25]) await pipeline(i, bounds(n)).end()
      expect(db.cachedStatements - before).toBe(3)
      for (let n = 65; n < 120; n++) await pipeline(n, bounds(n)).end()
      expect(db.cachedStatements - before).toBe(4)
      // The same answer either way: 65 boundaries are looked up, 64 are a CASE.
      const [many, few] = [await pipeline(0, bounds(65)).end(), await pipeline(0, bounds(64)).end()]
      expect(many.list).toEqual(few.list)
      const compiled = compileAggregate('c_claims', (pipeline(0, [0, 1]) as any).stages)
      const plan = db.sql.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.params) as Array<{ detail: string }>
      expect(plan.map((p) => p.detail).join(' | ')).toMatch(/COVERING INDEX ix_claims_service_at/)
    } finally {
      db.close()
    }
  })
})
