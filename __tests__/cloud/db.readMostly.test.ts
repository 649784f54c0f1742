import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { idsAsked, KEPT_BY_ID_MAX } from '../../cloud/db/sqlite/keptById'
import type { Db } from '../../cloud/db/types'

interface Employer {
  name: string
  status: string
  tags?: string[]
}

/**
 * Read-mostly collections (`READ_MOSTLY`): reads by id hand out documents kept parsed and frozen,
 * and answer exactly what SQL answers — `plain` is the same data in a collection that is not kept.
 */
describe('sqlite driver: documents of a read-mostly collection, kept by id', () => {
  let db: SqliteDb
  const kept = () => db.collection<Employer>('employers')
  const plain = () => db.collection<Employer>('plain')
  beforeEach(async () => {
    db = new SqliteDb({ filename: ':memory:', indexes: [], readMostly: ['employers'] })
    for (const c of [kept(), plain()]) {
      for (let i = 0; i < 30; i++) await c.add({ data: { _id: `e${i}`, name: `企业${i}`, status: i % 3 === 0 ? 'suspended' : 'verified', tags: ['a'] } })
    }
  })
  afterEach(() => db.close())

  const byIds = async (c: ReturnType<typeof kept>, ids: unknown[], limit?: number) => {
    const q = c.where({ _id: db.command.in(ids) })
    return (await (limit === undefined ? q : q.limit(limit)).get()).data
  }

  it('answers what SQL answers: by id, by a list with repeats and unknown ids, in order, within the limit', async () => {
    const lists: unknown[][] = [['e3', 'e1', 'e3', 'nobody', 'e20', 'e2'], [], ['nobody'], Array.from({ length: 30 }, (_, i) => `e${29 - i}`), ['e10', 'e9']]
    // Twice: the first reads through SQL and keeps, the second answers from what was kept.
    for (let round = 0; round < 2; round++) {
      for (const ids of lists) {
        for (const limit of [undefined, 2, 100]) expect(await byIds(kept(), ids, limit)).toEqual(await byIds(plain(), ids, limit))
      }
      for (const id of ['e0', 'e29', 'nobody']) expect((await kept().doc(id).get()).data).toEqual((await plain().doc(id).get()).data)
      expect((await kept().where({ _id: 'e4' }).get()).data).toEqual((await plain().where({ _id: 'e4' }).get()).data)
      expect((await kept().where({ _id: db.command.eq('e5') }).get()).data).toEqual((await plain().where({ _id: db.command.eq('e5') }).get()).data)
    }
  })

  it('hands every reader the same frozen document until the collection is written', async () => {
    const first = (await kept().doc('e1').get()).data!
    expect(Object.isFrozen(first)).toBe(true)
    expect(() => first.tags!.push('b')).toThrow(TypeError)
    expect((await kept().doc('e1').get()).data).toBe(first)
    expect((await byIds(kept(), ['e1']))[0]).toBe(first)
    // A plain collection still hands out a fresh copy each time.
    expect(Object.isFrozen((await plain().doc('e1').get()).data)).toBe(false)
  })

  it('sees every kind of write at once, to that document or any other', async () => {
    const status = async (id: string) => (await kept().doc(id).get()).data?.status
    expect(await status('e1')).toBe('verified')
    await kept().doc('e1').update({ data: { status: 'suspended' } })
    expect(await status('e1')).toBe('suspended')
    expect((await byIds(kept(), ['e1', 'e2'])).map((e) => e.status)).toEqual(['suspended', 'verified'])
    await kept().where({ status: 'verified' }).update({ data: { status: 'pending' } })
    expect((await byIds(kept(), ['e1', 'e2'])).map((e) => e.status)).toEqual(['suspended', 'pending'])
    // An id nobody had is known as missing, until it is added.
    expect((await kept().doc('new').get()).data).toBeNull()
    await kept().add({ data: { _id: 'new', name: '新企业', status: 'pending' } })
    expect((await kept().doc('new').get()).data?.name).toBe('新企业')
    await kept().doc('new').remove()
    expect((await byIds(kept(), ['new']))).toEqual([])
    await kept().doc('e2').set({ data: { name: '改名', status: 'verified' } })
    expect((await kept().doc('e2').get()).data).toEqual({ _id: 'e2', name: '改名', status: 'verified' })
  })

  it('never keeps what a transaction that was rolled back wrote, nor misses what one committed', async () => {
    expect((await kept().doc('e1').get()).data?.name).toBe('企业1')
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('employers').doc('e1').update({ data: { name: '撤回' } })
        // Read inside the transaction: it sees its own write.
        expect((await tx.collection<Employer>('employers').doc('e1').get()).data?.name).toBe('撤回')
        throw new Error('no')
      }),
    ).rejects.toThrow('no')
    expect((await kept().doc('e1').get()).data?.name).toBe('企业1')
    await db.runTransaction(async (tx) => {
      await tx.collection('employers').doc('e1').update({ data: { name: '提交' } })
    })
    expect((await kept().doc('e1').get()).data?.name).toBe('提交')
    // In a group (the rush), a call's own transaction is a savepoint, rolled back alone.
    const renames = (grouped: Db) =>
      grouped.runTransaction(async (tx) => {
        await tx.collection('employers').doc('e1').update({ data: { name: '组里撤回' } })
        expect((await tx.collection<Employer>('employers').doc('e1').get()).data?.name).toBe('组里撤回')
        throw new Error('undo')
      })
    const reads = async (grouped: Db) => (await grouped.collection<Employer>('employers').doc('e1').get()).data?.name
    const answers = await db.together([renames, reads])
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : 'rejected'))).toEqual(['rejected', '提交'])
    expect((await kept().doc('e1').get()).data?.name).toBe('提交')
  })

  it('answers whole lists longer than it keeps, and keeps no more than KEPT_BY_ID_MAX', async () => {
    const many = Array.from({ length: KEPT_BY_ID_MAX + 50 }, (_, i) => `x${i}`)
    await db.runTransaction(async (tx) => {
      for (const id of many.slice(-60)) await tx.collection('employers').add({ data: { _id: id, name: id, status: 'verified' } })
    })
    const found = await byIds(kept(), many, 1000)
    expect(found.map((e) => e._id)).toEqual(many.slice(-60).sort())
    const kept_ = db.memory.keptById('employers')!
    expect(kept_.size).toBeLessThanOrEqual(KEPT_BY_ID_MAX)
    // The newest are kept, the oldest went.
    expect(kept_.get(many.at(-1)!)).toBeDefined()
    expect(kept_.get(many[0])).toBeUndefined()
  })

  it('leaves every other query to SQL', async () => {
    // An id that is not a string, or that SQLite reads otherwise, is SQL's to answer too.
    expect((await kept().doc(5 as unknown as string).get()).data).toBeNull()
    expect((await kept().doc('e1\uD800').get()).data).toBeNull()
    const _ = db.command
    expect(idsAsked([{ _id: _.in(['b', 'a', 'b']) }])).toEqual(['a', 'b'])
    expect(idsAsked([{ _id: 'a' }])).toEqual(['a'])
    for (const where of [[{ _id: _.in(['a']), status: 'x' }], [{ _id: _.in(['a']) }, { status: 'x' }], [{ _id: _.nin(['a']) }], [{ _id: _.in([1]) }], [{ _id: _.in(['\uD800']) }], [{ name: 'a' }], [_.or([{ _id: 'a' }])], []]) {
      expect(idsAsked(where)).toBeNull()
    }
  })

  it('orders ids as SQLite does, by code point, whatever JavaScript compares', async () => {
    // U+FF21 sorts before U+1F600 by code point, after it by UTF-16 unit.
    for (const id of ['\u{1F600}', '\uFF21', 'a']) {
      for (const c of [kept(), plain()]) await c.add({ data: { _id: id, name: id, status: 'verified' } })
    }
    const ids = ['\u{1F600}', '\uFF21', 'a']
    expect((await byIds(kept(), ids)).map((e) => e._id)).toEqual((await byIds(plain(), ids)).map((e) => e._id))
    expect((await byIds(kept(), ids)).map((e) => e._id)).toEqual(['a', '\uFF21', '\u{1F600}'])
  })

  it("sees another process's write to the file within a millisecond (a role granted while the runtime runs)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lugong-kept-')), 'lugong.sqlite')
    const runtime = new SqliteDb({ filename: file, checkpointInBackground: false })
    const grant = new SqliteDb({ filename: file, checkpointInBackground: false })
    try {
      await runtime.collection('users').add({ data: { _id: 'o1', roles: ['worker'] } })
      const roles = async () => ((await runtime.collection<{ roles: string[] }>('users').doc('o1').get()).data?.roles ?? []).join()
      expect(await roles()).toBe('worker')
      expect(await roles()).toBe('worker') // kept now
      await grant.collection('users').doc('o1').update({ data: { roles: grant.command.set(['worker', 'admin']) } })
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(await roles()).toBe('worker,admin')
    } finally {
      grant.close()
      runtime.close()
    }
  })
})
