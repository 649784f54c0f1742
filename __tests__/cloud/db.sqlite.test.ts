import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { STATEMENT_CACHE_SIZE } from '../../cloud/db/sqlite/statements'

/** What only the sqlite driver has: its statement cache. The semantics are in db.contract.test.ts. */
describe('sqlite driver statements', () => {
  let db: SqliteDb
  beforeEach(() => {
    db = new SqliteDb({ filename: ':memory:', indexes: [] })
  })
  afterEach(() => db.close())

  it('compiles _.in, _.nin and _.all of any length to the same SQL text', async () => {
    await db.collection('things').add({ data: { kind: 'k1', tags: ['k1', 'k2'] } })
    const _ = db.command
    const before = db.cachedStatements
    for (let n = 1; n <= 3000; n++) {
      const kinds = Array.from({ length: n }, (_v, i) => `k${i + 1}`)
      const { total } = await db.collection('things').where({ kind: _.in(kinds), tags: _.all(kinds.slice(0, 2)) }).count()
      expect(total).toBe(1)
      await db.collection('things').where({ kind: _.nin(kinds) }).count()
    }
    expect(db.cachedStatements - before).toBeLessThanOrEqual(2)
  })

  it('keeps at most STATEMENT_CACHE_SIZE statements, however many distinct queries it sees', async () => {
    for (let i = 0; i < 3000; i++) await db.collection('things').where({ [`field${i}`]: 1 }).count()
    expect(db.cachedStatements).toBe(STATEMENT_CACHE_SIZE)
    // An evicted statement is prepared again when it comes back.
    expect((await db.collection('things').where({ field0: 1 }).count()).total).toBe(0)
  })
})

describe('sqlite driver yieldBetween', () => {
  it('is awaited before every statement, inside transactions too, and transactions still run one at a time', async () => {
    let yields = 0
    const db = new SqliteDb({ filename: ':memory:', indexes: [], yieldBetween: () => (yields++, new Promise((r) => setImmediate(r))) })
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })
    let runs = 0
    const bump = () =>
      db.runTransaction(async (tx) => {
        runs++
        const ref = tx.collection<{ n: number }>('counters').doc('c')
        const { data } = await ref.get()
        await ref.update({ data: { n: data!.n + 1 } })
      })
    await Promise.all([bump(), bump(), db.collection('counters').doc('c').get()])
    expect((await db.collection('counters').doc('c').get()).data).toMatchObject({ n: 2 })
    expect(runs).toBe(2)
    // add, two statements per transaction, the outside get, the last get.
    expect(yields).toBe(1 + 2 * 2 + 1 + 1)
    db.close()
  })
})
