import type { IndexSpec } from '../../cloud/db/indexes'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { REGEXP_CACHE_SIZE } from '../../cloud/db/sqlite/regexp'
import { DuplicateKeyError, type Db } from '../../cloud/db/types'
import { DRIVERS, yieldToOthers } from './drivers'

/** The indexes this suite declares, as `cloud/db/indexes.ts` declares the portal's. */
const INDEXES: IndexSpec[] = [
  { collection: 'people', name: 'email', fields: [{ path: 'email' }], unique: true, sparse: true },
  { collection: 'members', name: 'memberKey', fields: [{ path: 'memberKey' }], unique: true },
  { collection: 'places', name: 'geo', fields: [{ path: 'location', geo: true }] },
]

/**
 * The semantics of the `Db` interface (the part of the CloudBase database API the services use),
 * stated once and run on both drivers: sqlite, and cloudbase (the production driver) over the
 * in-memory stand-in of wx-server-sdk's database (cloudbaseStandIn.ts).
 */
describe.each(DRIVERS)('Db contract on the %s driver', (_name, open) => {
  let db: Db & { close(): void }
  beforeEach(() => {
    db = open({ indexes: INDEXES })
  })
  afterEach(() => db.close())

  const people = () => db.collection<{ name: string; age?: number; email?: string; tags?: string[]; address?: { city: string; street?: string } }>('people')

  it('adds, reads, replaces and removes a document', async () => {
    const { _id } = await people().add({ data: { name: '甲', age: 30 } })
    expect((await people().doc(_id).get()).data).toEqual({ _id, name: '甲', age: 30 })
    await people().doc(_id).set({ data: { name: '乙' } })
    expect((await people().doc(_id).get()).data).toEqual({ _id, name: '乙' })
    expect((await people().doc(_id).remove()).stats.removed).toBe(1)
    expect((await people().doc(_id).get()).data).toBeNull()
  })

  it('answers null for a missing document', async () => {
    expect((await people().doc('nobody').get()).data).toBeNull()
  })

  it('keeps a given _id and refuses a second document with it', async () => {
    await people().add({ data: { _id: 'p1', name: '甲' } })
    await expect(people().add({ data: { _id: 'p1', name: '乙' } })).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('refuses a duplicate of a sparse UNIQUE index but admits any number of documents without the field', async () => {
    await people().add({ data: { name: '甲', email: 'a@x.cn' } })
    await expect(people().add({ data: { name: '乙', email: 'a@x.cn' } })).rejects.toBeInstanceOf(DuplicateKeyError)
    await people().add({ data: { name: '丙' } })
    await people().add({ data: { name: '丁' } })
    expect((await people().count()).total).toBe(3)
    // A sparse index leaves out only documents that lack the field: an explicit null is a value.
    const explicitNull = null as unknown as string
    await people().add({ data: { name: '戊', email: explicitNull } })
    await expect(people().add({ data: { name: '己', email: explicitNull } })).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('counts a missing field as null in a UNIQUE index that is not sparse: one document may lack it', async () => {
    const members = db.collection<{ name: string; memberKey?: string | null }>('members')
    await members.add({ data: { name: '甲', memberKey: '2026:a' } })
    await expect(members.add({ data: { name: '乙', memberKey: '2026:a' } })).rejects.toBeInstanceOf(DuplicateKeyError)
    await members.add({ data: { name: '丙' } })
    await expect(members.add({ data: { name: '丁' } })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(members.add({ data: { name: '戊', memberKey: null } })).rejects.toBeInstanceOf(DuplicateKeyError)
    expect((await members.count()).total).toBe(2)
  })

  it('refuses a duplicate made by set, update, the conditional update and a transaction, writing nothing', async () => {
    const _ = db.command
    await people().add({ data: { _id: 'a', name: '甲', email: 'a@x.cn' } })
    await people().add({ data: { _id: 'b', name: '乙', email: 'b@x.cn' } })
    await expect(people().doc('b').set({ data: { name: '乙', email: 'a@x.cn' } })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(people().doc('b').update({ data: { email: 'a@x.cn' } })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(people().where({ name: '乙' }).update({ data: { email: 'a@x.cn' } })).rejects.toBeInstanceOf(DuplicateKeyError)
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('people').doc('b').update({ data: { name: '乙改' } })
        await tx.collection('people').add({ data: { _id: 'c', name: '丙', email: 'a@x.cn' } })
      }),
    ).rejects.toBeInstanceOf(DuplicateKeyError)
    expect((await people().doc('b').get()).data).toMatchObject({ name: '乙', email: 'b@x.cn' })
    expect((await people().doc('c').get()).data).toBeNull()
    expect((await people().where({ email: _.exists(true) }).count()).total).toBe(2)
  })

  it('is no DuplicateKeyError when the database refuses for another reason (a geoNear without a geo index)', async () => {
    const _ = db.command
    await people().add({ data: { name: '甲' } })
    const near = { address: _.geoNear({ geometry: db.Geo.Point(120, 28) }) }
    for (const refused of [people().where(near).get(), people().where(near).update({ data: { name: '乙' } })]) {
      await expect(refused).rejects.toThrow()
      await expect(refused).rejects.not.toBeInstanceOf(DuplicateKeyError)
    }
  })

  it('merges nested objects on update and applies inc, push, set and remove', async () => {
    const { _id } = await people().add({ data: { name: '甲', age: 30, tags: ['a'], address: { city: '温州', street: '人民路' } } })
    const _ = db.command
    await people().doc(_id).update({ data: { age: _.inc(2), tags: _.push('b'), address: { city: '杭州' } } })
    expect((await people().doc(_id).get()).data).toMatchObject({ age: 32, tags: ['a', 'b'], address: { city: '杭州', street: '人民路' } })
    await people().doc(_id).update({ data: { address: _.set({ city: '宁波' }), email: _.remove() } })
    const doc = (await people().doc(_id).get()).data!
    expect(doc.address).toEqual({ city: '宁波' })
    expect('email' in doc).toBe(false)
  })

  it('creates a nested path and an array that did not exist', async () => {
    const { _id } = await people().add({ data: { name: '甲' } })
    await people().doc(_id).update({ data: { address: { city: '温州' }, tags: db.command.push('x', 'y'), age: db.command.inc(1) } })
    expect((await people().doc(_id).get()).data).toMatchObject({ address: { city: '温州' }, tags: ['x', 'y'], age: 1 })
    const logs = db.collection<{ entries: unknown[] }>('logs')
    await logs.add({ data: { _id: 'l', entries: [{ at: 1 }] } })
    await logs.doc('l').update({ data: { entries: db.command.push({ at: 2, ok: true }, false, null, '中') } })
    expect((await logs.doc('l').get()).data!.entries).toEqual([{ at: 1 }, { at: 2, ok: true }, false, null, '中'])
  })

  it('refuses to push onto a field that is not an array, and changes nothing', async () => {
    // As MongoDB's $push: a string that reads as a JSON array is still a string.
    const notes = db.collection<{ text: unknown; n: number }>('notes')
    await notes.add({ data: { _id: 'n', text: '[{"a":1,"a":2}]', n: 1 } })
    await expect(notes.doc('n').update({ data: { text: db.command.push('x'), n: db.command.inc(1) } })).rejects.toThrow()
    expect((await notes.doc('n').get()).data).toEqual({ _id: 'n', text: '[{"a":1,"a":2}]', n: 1 })
  })

  it('queries with the command operators', async () => {
    const _ = db.command
    for (const [name, age, tags] of [['a', 10, ['x']], ['b', 20, ['x', 'y']], ['c', 30, ['y']], ['d', undefined, []]] as const) {
      await people().add({ data: { name, age, tags: [...tags] } })
    }
    const names = async (q: Record<string, unknown> | ReturnType<typeof _.or>) =>
      (await people().where(q).orderBy('name', 'asc').get()).data.map((d) => d.name)
    expect(await names({ age: 20 })).toEqual(['b'])
    expect(await names({ age: _.eq(20) })).toEqual(['b'])
    expect(await names({ age: _.neq(20) })).toEqual(['a', 'c', 'd'])
    expect(await names({ age: _.gt(10) })).toEqual(['b', 'c'])
    expect(await names({ age: _.gte(10).and(_.lt(30)) })).toEqual(['a', 'b'])
    expect(await names({ age: _.lte(10).or(_.gte(30)) })).toEqual(['a', 'c'])
    expect(await names({ name: _.in(['a', 'c', 'z']) })).toEqual(['a', 'c'])
    expect(await names({ name: _.nin(['a', 'c']) })).toEqual(['b', 'd'])
    expect(await names({ age: _.exists(false) })).toEqual(['d'])
    expect(await names({ tags: _.all(['x', 'y']) })).toEqual(['b'])
    expect(await names({ age: _.in([null, 10]) })).toEqual(['a', 'd'])
    expect(await names({ age: _.nin([null, 10]) })).toEqual(['b', 'c'])
    expect(await names({ tags: _.all([]) })).toEqual([])
    expect(await names(_.or([{ name: 'a' }, { age: 30 }]))).toEqual(['a', 'c'])
    expect(await names(_.or({ name: 'a' }, { age: 30 }))).toEqual(['a', 'c'])
    expect(await names(_.and({ tags: _.all(['y']) }, { age: _.lt(25) }))).toEqual(['b'])
    expect(await names({ age: _.and(_.gte(10), _.lt(30)) })).toEqual(['a', 'b'])
    expect(await names({ age: _.or([_.lte(10), _.gte(30)]) })).toEqual(['a', 'c'])
    expect(await names({ age: _.exists(true), tags: _.all(['x']) })).toEqual(['a', 'b'])
    // Conditions given in two where() calls all hold.
    const chained = await people().where({ age: _.gte(10) }).where({ age: _.lt(30) }).orderBy('name', 'asc').get()
    expect(chained.data.map((d) => d.name)).toEqual(['a', 'b'])
    expect(await names(_.and([{ tags: _.all(['y']) }, { age: _.lt(25) }]))).toEqual(['b'])
  })

  it('matches lists of any length with _.in, _.nin and _.all, and pushes many values at once', async () => {
    const _ = db.command
    const many = Array.from({ length: 5000 }, (_v, i) => `t${i}`)
    const { _id } = await people().add({ data: { name: 'many', tags: many } })
    await people().add({ data: { name: 'few', tags: ['t1'] } })
    expect((await people().where({ tags: _.all(many) }).get()).data.map((d) => d.name)).toEqual(['many'])
    expect((await people().where({ name: _.in([...many, 'few']) }).get()).data.map((d) => d.name)).toEqual(['few'])
    expect((await people().where({ name: _.nin(many) }).count()).total).toBe(2)
    await people().doc(_id).update({ data: { tags: _.push(...many) } })
    const tags = (await people().doc(_id).get()).data!.tags!
    expect(tags).toHaveLength(10_000)
    expect(tags.slice(4998, 5002)).toEqual(['t4998', 't4999', 't0', 't1'])
  })

  it('matches nested fields by object or by dot path', async () => {
    await people().add({ data: { name: '甲', address: { city: '温州' } } })
    await people().add({ data: { name: '乙', address: { city: '杭州' } } })
    expect((await people().where({ address: { city: '温州' } }).get()).data.map((d) => d.name)).toEqual(['甲'])
    expect((await people().where({ 'address.city': '杭州' }).get()).data.map((d) => d.name)).toEqual(['乙'])
  })

  it('orders, skips, limits and counts', async () => {
    for (let i = 0; i < 5; i++) await people().add({ data: { name: `n${i}`, age: i } })
    const page = await people().where({ age: db.command.gte(0) }).orderBy('age', 'desc').skip(1).limit(2).get()
    expect(page.data.map((d) => d.age)).toEqual([3, 2])
    expect((await people().where({ age: db.command.gte(2) }).count()).total).toBe(3)
  })

  it('answers at most 100 documents unless asked for more, and never more than 1000, as CloudBase does', async () => {
    for (let i = 0; i < 1010; i++) await people().add({ data: { name: `n${i}` } })
    expect((await people().get()).data).toHaveLength(100)
    expect((await people().limit(120).get()).data).toHaveLength(120)
    expect((await people().limit(5000).get()).data).toHaveLength(1000)
    expect((await people().skip(1000).limit(1000).get()).data).toHaveLength(10)
  })

  it('refuses a skip or limit that is not a whole number in range with a plain Error, before any query', () => {
    for (const bad of [1e300, 99999999999999999999, -1, 1.5, Number.NaN, Infinity, 2 ** 53]) {
      expect(() => people().skip(bad)).toThrow(/^skip must be a whole number/)
    }
    for (const bad of [0, -3, 2.5, 1e300, Number.NaN, Infinity]) {
      expect(() => people().limit(bad)).toThrow(/^limit must be a whole number/)
    }
    expect(() => people().where({}).skip(Number.MAX_SAFE_INTEGER).limit(1)).not.toThrow()
  })

  it('updates only the documents still matching: the conditional update', async () => {
    const _ = db.command
    const { _id } = await db.collection('seats').add({ data: { left: 2 } })
    const take = () => db.collection('seats').where({ _id, left: _.gt(0) }).update({ data: { left: _.inc(-1) } })
    const results = await Promise.all([take(), take(), take(), take()])
    expect(results.map((r) => r.stats.updated).sort()).toEqual([0, 0, 1, 1])
    expect((await db.collection('seats').doc(_id).get()).data).toMatchObject({ left: 0 })
  })

  it('commits a transaction whole', async () => {
    await db.runTransaction(async (tx) => {
      await tx.collection('people').add({ data: { _id: 't1', name: '甲' } })
      await tx.collection('people').doc('t1').update({ data: { age: 5 } })
    })
    expect((await people().doc('t1').get()).data).toMatchObject({ name: '甲', age: 5 })
  })

  it('rolls a failed transaction back whole', async () => {
    await people().add({ data: { _id: 'keep', name: '原' } })
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('people').doc('keep').update({ data: { name: '改' } })
        await tx.collection('people').add({ data: { _id: 'new', name: '新' } })
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect((await people().doc('keep').get()).data?.name).toBe('原')
    expect((await people().doc('new').get()).data).toBeNull()
  })

  it('lets no outside write slip into an open transaction', async () => {
    let outside: Promise<unknown> | undefined
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('people').add({ data: { _id: 'in', name: '内' } })
        outside = people().add({ data: { _id: 'out', name: '外' } })
        await new Promise((r) => setTimeout(r, 10))
        throw new Error('rollback')
      }),
    ).rejects.toThrow('rollback')
    await outside
    expect((await people().doc('in').get()).data).toBeNull()
    expect((await people().doc('out').get()).data).toMatchObject({ name: '外' })
  })

  it('loses no update of read-modify-write transactions started in the same instant', async () => {
    // sqlite runs them one after the other; CloudBase runs the callback again on a conflict, up to
    // three times, then refuses: either way every committed bump is counted exactly once.
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })
    const bump = () =>
      db.runTransaction(async (tx) => {
        const ref = tx.collection<{ n: number }>('counters').doc('c')
        const { data } = await ref.get()
        await new Promise((r) => setTimeout(r, 1))
        await ref.update({ data: { n: data!.n + 1 } })
        return data!.n + 1
      })
    const settled = await Promise.allSettled(Array.from({ length: 20 }, bump))
    const done = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    expect(done.length).toBeGreaterThan(0)
    expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: done.length }, (_, i) => i + 1))
    expect((await db.collection('counters').doc('c').get()).data).toMatchObject({ n: done.length })
  })

  it('completes two interleaved read-modify-write transactions on one counter with the right total', async () => {
    db.close()
    db = open({ indexes: INDEXES, yieldBetween: yieldToOthers })
    await db.collection('counters').add({ data: { _id: 'c', n: 0 } })
    let started = 0
    const bump = (by: number) =>
      db.runTransaction(async (tx) => {
        started++
        const ref = tx.collection<{ n: number }>('counters').doc('c')
        const { data } = await ref.get()
        await ref.update({ data: { n: data!.n + by } })
      })
    await Promise.all([bump(1), bump(10)])
    expect((await db.collection('counters').doc('c').get()).data).toMatchObject({ n: 11 })
    // Both ran at least once; on CloudBase the one that lost the conflict ran again.
    expect(started).toBeGreaterThanOrEqual(2)
  })

  it('finds the nearest places first with geoNear, within maxDistance', async () => {
    const places = db.collection<{ name: string; kind: string; location: unknown }>('places')
    const centre = { lat: 28.0156, lng: 120.6554 }
    const at = (dLat: number) => db.Geo.Point(centre.lng, centre.lat + dLat)
    await places.add({ data: { name: 'far', kind: 'a', location: at(0.5) } }) // ~55 km
    await places.add({ data: { name: 'near', kind: 'a', location: at(0.001) } }) // ~111 m
    await places.add({ data: { name: 'mid', kind: 'b', location: at(-0.02) } }) // ~2.2 km
    await places.add({ data: { name: 'nowhere', kind: 'a', location: at(10) } })
    const geoNear = (maxDistance?: number) =>
      db.command.geoNear({ geometry: db.Geo.Point(centre.lng, centre.lat), maxDistance })
    const names = async (q: Record<string, unknown>, limit = 10) => (await places.where(q).limit(limit).get()).data.map((d) => d.name)
    expect(await names({ location: geoNear() })).toEqual(['near', 'mid', 'far', 'nowhere'])
    expect(await names({ location: geoNear(10_000) })).toEqual(['near', 'mid'])
    expect(await names({ location: geoNear(), kind: 'a' }, 2)).toEqual(['near', 'far'])
    expect((await places.where({ location: geoNear() }).skip(1).limit(2).get()).data.map((d) => d.name)).toEqual(['mid', 'far'])
    expect((await places.where({ location: geoNear(10_000) }).count()).total).toBe(2)
  })
})

/**
 * `db.RegExp({ regexp, options })` (CloudBase's Database.RegExp): a field matches when it is a
 * string the expression finds a match in, or an array holding one; flags i, m and s.
 */
describe.each(DRIVERS)('db.RegExp on the %s driver', (_name, open) => {
  let db: Db & { close(): void }
  beforeEach(() => {
    db = open({ indexes: INDEXES })
  })
  afterEach(() => db.close())

  type Person = { name: string; note?: unknown; tags?: unknown[]; address?: { city: string } }
  const people = () => db.collection<Person>('people')
  const names = async (query: Record<string, unknown> | ReturnType<Db['command']['or']>) =>
    (await people().where(query).orderBy('name', 'asc').get()).data.map((d) => d.name)
  const re = (regexp: string, options?: string) => db.RegExp({ regexp, options })

  beforeEach(async () => {
    const rows: Person[] = [
      { name: 'a', note: '温州鹿城顺达快递有限公司招聘分拣员', tags: ['包吃住', '五险一金'], address: { city: '温州' } },
      { name: 'b', note: 'Courier WANTED\nnight shift', tags: ['双休'] },
      { name: 'c', note: 42, tags: [7, { x: '快递' }] },
      { name: 'd', note: ['快递员', '司机'] },
      { name: 'e', note: { text: '快递' } },
      { name: 'f', note: null },
      { name: 'g' },
      { name: 'h', note: '价格 (元)+[含税]. 快递*' },
      { name: 'i', note: '𠀾记快递' },
    ]
    for (const row of rows) await people().add({ data: row })
  })

  it('matches a substring of a string field, Chinese included, and nothing else', async () => {
    expect(await names({ note: re('快递') })).toEqual(['a', 'd', 'h', 'i'])
    expect(await names({ note: re('^温州') })).toEqual(['a'])
    expect(await names({ note: re('分拣员$') })).toEqual(['a'])
    expect(await names({ note: re('没有这个词') })).toEqual([])
  })

  it('matches an array by any string element, never numbers, objects, null or a missing field', async () => {
    expect(await names({ tags: re('吃住') })).toEqual(['a'])
    expect(await names({ note: re('司机') })).toEqual(['d'])
    expect(await names({ note: re('42') })).toEqual([])
    expect(await names({ tags: re('7') })).toEqual([])
    expect(await names({ note: re('null') })).toEqual([])
    expect(await names({ note: re('text') })).toEqual([])
  })

  it('is case-sensitive unless `i`, and reads ^ and $ per line with `m` and . across lines with `s`', async () => {
    expect(await names({ note: re('courier') })).toEqual([])
    expect(await names({ note: re('courier', 'i') })).toEqual(['b'])
    expect(await names({ note: re('^night') })).toEqual([])
    expect(await names({ note: re('^night', 'm') })).toEqual(['b'])
    expect(await names({ note: re('WANTED.night') })).toEqual([])
    expect(await names({ note: re('WANTED.night', 's') })).toEqual(['b'])
  })

  it('reads a character outside the basic plane as one character', async () => {
    expect(await names({ note: re('^.记快递$') })).toEqual(['i'])
  })

  it('takes the special characters of an expression literally once escaped', async () => {
    const escaped = '(元)+[含税]. 快递*'.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    expect(await names({ note: re(escaped) })).toEqual(['h'])
    // Unescaped, the same text is an expression that means something else.
    expect(await names({ note: re('快递*') })).toEqual(['a', 'd', 'h', 'i'])
  })

  it('combines with other conditions, nested paths, _.or and _.and, and counts', async () => {
    const _ = db.command
    expect(await names({ 'address.city': re('温') })).toEqual(['a'])
    expect(await names({ address: { city: re('州$') } })).toEqual(['a'])
    expect(await names(_.or([{ note: re('司机') }, { tags: re('双休') }]))).toEqual(['b', 'd'])
    expect(await names(_.and([{ note: re('快递') }, { tags: re('五险') }]))).toEqual(['a'])
    expect(await names({ note: re('快递'), name: _.in(['d', 'h']) })).toEqual(['d', 'h'])
    expect((await people().where({ note: re('快递') }).count()).total).toBe(4)
    expect((await people().where({ _id: re('.') }).count()).total).toBe(9)
  })

  it('selects the documents of a conditional update', async () => {
    const { stats } = await people().where({ note: re('快递') }).update({ data: { matched: true } })
    expect(stats.updated).toBe(4)
  })

  it('refuses an empty expression or a flag CloudBase does not document, and an expression that does not compile', async () => {
    expect(() => re('')).toThrow()
    if (_name === 'sqlite') expect(() => re('a', 'g')).toThrow()
    await expect((async () => people().where({ note: re('(') }).get())()).rejects.toThrow()
  })
})

describe('db.RegExp on the sqlite driver: bounded and with SQL that does not grow', () => {
  it('keeps at most its bound of compiled expressions, and one SQL text for any expression', async () => {
    const db = new SqliteDb({ filename: ':memory:', indexes: INDEXES })
    try {
      await db.collection('people').add({ data: { name: '甲', note: '快递员' } })
      for (let i = 0; i < 1000; i++) await db.collection('people').where({ note: db.RegExp({ regexp: `快递${'员'.repeat(i % 7)}|关键词${i}` }) }).get()
      expect(db.regexps.size).toBeLessThanOrEqual(REGEXP_CACHE_SIZE)
      expect(db.cachedStatements).toBeLessThan(10)
    } finally {
      db.close()
    }
  })
})
