import { createCloudbaseStandIn } from './cloudbaseStandIn'
import { yieldToOthers } from './drivers'

 

/**
 * The CloudBase stand-in itself, as wx-server-sdk's database answers (the raw SDK shapes that
 * `cloudbaseDb` maps): what the contract suite cannot see through the `Db` interface.
 */
describe('CloudBase stand-in', () => {
  const indexes = [{ collection: 'people', name: 'email', fields: [{ path: 'email' }], unique: true }]
  const open = (options: Parameters<typeof createCloudbaseStandIn>[0] = {}) =>
    createCloudbaseStandIn({ indexes, ...options }).database() as any

  it('rejects get() of a missing document as the SDK does', async () => {
    const db = open()
    await expect(db.collection('people').doc('nobody').get()).rejects.toMatchObject({
      errMsg: 'document.get:fail document with _id nobody does not exist',
    })
  })

  it('reports a duplicate key as -502001 carrying MongoDB E11000', async () => {
    const db = open()
    await db.collection('people').add({ data: { email: 'a@x.cn' } })
    const error = await db.collection('people').add({ data: { email: 'a@x.cn' } }).catch((e: unknown) => e)
    expect(error.errCode).toBe(-502001)
    expect(error.errMsg).toContain('E11000 duplicate key error collection: lugong-test.people index: email dup key: { email: "a@x.cn" }')
    expect(error.message).toMatch(/^errCode: -502001 database request fail \| errMsg: collection\.add:fail/)
  })

  it('answers 100 documents by default and 1000 at most', async () => {
    const db = open()
    for (let i = 0; i < 1001; i++) await db.collection('things').add({ data: { i } })
    expect((await db.collection('things').get()).data).toHaveLength(100)
    expect((await db.collection('things').limit(5000).get()).data).toHaveLength(1000)
  })

  it('keeps only the last where(), as the SDK’s Query does', async () => {
    const db = open()
    const _ = db.command
    for (const n of [1, 2, 3]) await db.collection('things').add({ data: { n } })
    const { data } = await db.collection('things').where({ n: _.gte(2) }).where({ n: _.lte(2) }).orderBy('n', 'asc').get()
    expect(data.map((d: { n: number }) => d.n)).toEqual([1, 2])
  })

  it('offers only single-document operations inside a transaction', async () => {
    const db = open()
    await db.runTransaction(async (tx: any) => {
      const things = tx.collection('things')
      expect(things.where).toBeUndefined()
      expect(things.get).toBeUndefined()
      expect(things.update).toBeUndefined()
      expect(Object.keys(things).sort()).toEqual(['add', 'doc'])
    })
  })

  it('makes a transaction’s writes visible only at commit', async () => {
    const db = open()
    await db.runTransaction(async (tx: any) => {
      await tx.collection('things').add({ data: { _id: 't', n: 1 } })
      expect((await tx.collection('things').doc('t').get()).data).toMatchObject({ n: 1 })
      await expect(db.collection('things').doc('t').get()).rejects.toMatchObject({ errCode: -1 })
    })
    expect((await db.collection('things').doc('t').get()).data).toMatchObject({ n: 1 })
  })

  it('runs the callback again on a conflict, up to `times`, then rejects with the conflict', async () => {
    const db = open()
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })
    for (const times of [undefined, 5]) {
      let runs = 0
      const outcome = await db
        .runTransaction(async (tx: any) => {
          runs++
          const { data } = await tx.collection('counters').doc('c').get()
          // Another writer changes the document after this transaction first touched it.
          await db.collection('counters').doc('c').update({ data: { n: db.command.inc(100) } })
          await tx.collection('counters').doc('c').update({ data: { n: data.n + 1 } })
        }, times)
        .catch((e: unknown) => e)
      expect(outcome).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
      expect(runs).toBe(times ?? 3)
    }
  })

  it('rejects at once on any other error, writing nothing', async () => {
    const db = open()
    let runs = 0
    await expect(
      db.runTransaction(async (tx: any) => {
        runs++
        await tx.collection('things').add({ data: { _id: 'x' } })
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(runs).toBe(1)
    expect((await db.collection('things').count()).total).toBe(0)
    await expect(db.runTransaction(async (tx: any) => tx.rollback('changed my mind'))).rejects.toBe('changed my mind')
  })

  it('awaits yieldBetween before every operation, so two transactions interleave and one runs again', async () => {
    let yields = 0
    const db = open({ yieldBetween: () => (yields++, yieldToOthers()) })
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })
    let runs = 0
    const bump = () =>
      db.runTransaction(async (tx: any) => {
        runs++
        const { data } = await tx.collection('counters').doc('c').get()
        await tx.collection('counters').doc('c').update({ data: { n: data.n + 1 } })
      })
    await Promise.all([bump(), bump()])
    expect((await db.collection('counters').doc('c').get()).data.n).toBe(2)
    expect(runs).toBe(3)
    // add, then per run a get, an update and the commit, then the last get.
    expect(yields).toBe(1 + runs * 3 + 1)
  })
})
