import { SqliteDb } from '../../cloud/db/sqlite/driver'
import type { Db, Transaction } from '../../cloud/db/types'
import { MASKS_KEPT, MemoryIndexes, NARROWED_KEPT } from '../../cloud/db/sqlite/memoryIndexes'
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

describe('sqlite driver: the nearest-first walk narrowed by element indexes', () => {
  it('gives the same answers with an element index on the fields it is asked about as without', async () => {
    const spec = (withIndexes: boolean) =>
      [
        { collection: 'places', name: 'geo', fields: [{ path: 'location', geo: true }] },
        ...(withIndexes
          ? [
              { collection: 'places', name: 'kind', fields: [{ path: 'kind', each: true }] },
              { collection: 'places', name: 'tags', fields: [{ path: 'tags', each: true }] },
              { collection: 'places', name: 'open', fields: [{ path: 'open', each: true }] },
              { collection: 'places', name: 'rank', fields: [{ path: 'rank', each: true }] },
              { collection: 'places', name: 'odd', fields: [{ path: 'odd', each: true }] },
            ]
          : []),
      ]
    const answers: string[][] = []
    for (const withIndexes of [false, true]) {
      const db = new SqliteDb({ filename: ':memory:', indexes: spec(withIndexes) })
      try {
        for (let i = 0; i < 300; i++) {
          const kind = i % 3 === 0 ? 'a' : i % 3 === 1 ? 'b' : ['a', 'b']
          await db.collection('places').add({ data: { _id: `p${i}`, kind, tags: [`t${i % 4}`, 'all'], open: i % 2 === 0, rank: i % 5, odd: i % 7 === 0 ? ['\uD800'] : [], location: db.Geo.Point(120.6 + (i % 17) * 0.001, 28 + (i % 13) * 0.001 + i * 1e-6) } })
        }
        const _ = db.command
        const near = _.geoNear({ geometry: db.Geo.Point(120.6, 28), maxDistance: 5000 })
        // No two places at the same point: the order of equal distances is not defined.
        const ids = async (q: Record<string, unknown>) => (await db.collection('places').where({ location: near, ...q }).limit(40).get()).data.map((d) => d._id).join()
        answers.push([
          await ids({ kind: 'a' }),
          await ids({ kind: _.eq('b') }),
          await ids({ kind: 'a', tags: _.all(['t1']) }),
          await ids({ open: true }),
          await ids({ rank: 3 }),
          await ids({ kind: 'c' }),
          await ids({ tags: _.all(['t1', 'all']) }),
          await ids({ tags: _.all([]) }),
          await ids({ kind: _.all(['a']) }),
          await ids({ kind: 'b', tags: _.all(['t2']) }),
          await ids({ tags: _.all(['t3']), open: false }),
          await ids({ odd: _.all(['\uD800']) }),
          await ids({ odd: _.all(['\uFFFD\uFFFD\uFFFD']) }),
        ])
      } finally {
        db.close()
      }
    }
    expect(answers[1]).toEqual(answers[0])
    // The data reaches every case: something found, and an array value never equals a scalar.
    expect(answers[0].slice(0, 5).every((a) => a.length > 0)).toBe(true)
    expect(answers[0][0].split(',').every((id) => Number(id.slice(1)) % 3 === 0)).toBe(true)
    expect(answers[0][5]).toBe('')
    expect(answers[0][6].length).toBeGreaterThan(0)
    expect(answers[0][7]).toBe('')
    // `_.all` on a string field holds for the string itself, as on an array that has it.
    const allA = answers[0][8].split(',').map((id) => Number(id.slice(1)) % 3)
    expect(allA.includes(0) && allA.includes(2) && !allA.includes(1)).toBe(true)
    expect(answers[0].slice(9, 12).every((a) => a.length > 0)).toBe(true)
    // A lone surrogate is read back from SQLite as U+FFFD: the element index is not trusted with it.
    expect(answers[0][12]).toBe('')
  })

  it('answers right past the element masks it keeps', async () => {
    const db = new SqliteDb({
      filename: ':memory:',
      indexes: [
        { collection: 'places', name: 'geo', fields: [{ path: 'location', geo: true }] },
        { collection: 'places', name: 'tags', fields: [{ path: 'tags', each: true }] },
      ],
    })
    try {
      const values = MASKS_KEPT + 20
      for (let i = 0; i < 2 * values; i++) {
        await db.collection('places').add({ data: { _id: `p${i}`, tags: [`t${i % values}`], location: db.Geo.Point(120.6 + i * 0.0001, 28) } })
      }
      const _ = db.command
      for (let round = 0; round < 2; round++) {
        for (let v = 0; v < values; v++) {
          const { data } = await db.collection('places').where({ location: _.geoNear({ geometry: db.Geo.Point(120.6, 28) }), tags: _.all([`t${v}`]) }).get()
          expect(data.map((d) => d._id)).toEqual([`p${v}`, `p${v + values}`])
        }
      }
    } finally {
      db.close()
    }
  })
})

describe('sqlite driver: the nearest-first walk narrowed by keywords', () => {
  const WORDS = ['普工', '司机', 'Pu Gong', 'pu gong', '夜班\uD800', '保洁']
  let db: SqliteDb
  beforeEach(async () => {
    db = new SqliteDb({
      filename: ':memory:',
      indexes: [
        { collection: 'jobs', name: 'geo', fields: [{ path: 'location', geo: true }] },
        { collection: 'jobs', name: 'kind', fields: [{ path: 'kind', each: true }] },
      ],
    })
    for (let i = 0; i < 300; i++) {
      const title = `${WORDS[i % WORDS.length]}${i}`
      const requirements = i % 5 === 0 ? ['能上夜班', WORDS[(i + 1) % WORDS.length]] : '身体健康'
      // 37 places, about 8 jobs at each, as jobs share their employer's point: equal distances everywhere.
      const place = (i * 7) % 37
      const location = db.Geo.Point(120.6 + (place % 6) * 0.002, 28 + Math.floor(place / 6) * 0.002)
      await db.collection('jobs').add({ data: { _id: `j${i}`, title, requirements, pay: i % 10, kind: i % 3 === 0 ? 'a' : 'b', location } })
    }
  })
  afterEach(() => db.close())

  /**
   * Within 5 km, nearest first, paying at least 3, of kind `a` when asked: those whose title or
   * requirements hold `word` (any case). `whole` writes the keyword so that nothing narrows the walk.
   */
  const search = async (word: string, { skip = 0, limit = 15, kind, whole = false }: { skip?: number; limit?: number; kind?: string; whole?: boolean } = {}) => {
    const _ = db.command
    const re = db.RegExp({ regexp: word.replace(/ /g, '\\s'), options: 'i' })
    const keyword = _.or([{ title: re }, { requirements: re }])
    const query = db
      .collection('jobs')
      .where({ location: _.geoNear({ geometry: db.Geo.Point(120.6, 28), maxDistance: 5000 }), pay: _.gte(3), ...(kind ? { kind } : {}) })
      .where(whole ? _.and([keyword, { pay: _.gte(0) }]) : keyword)
    const { data } = await query.skip(skip).limit(limit).get()
    return data.map((d) => d._id).join()
  }

  it('answers as the whole walk does, the first time, the second (its tree made) and after, equal distances included', async () => {
    const narrowed = jest.spyOn(MemoryIndexes.prototype, 'narrowedTree')
    try {
      for (const word of ['普工', 'PU GONG', '夜班', '司机', '无此词']) {
        for (const kind of [undefined, 'a']) {
          const whole = await search(word, { kind, whole: true, limit: 200 })
          const first = await search(word, { kind, limit: 200 })
          // The keywords alone decide the tree: asked again with a kind, it is made already.
          if (kind === undefined) expect(narrowed.mock.results.at(-1)?.value).toBeNull()
          expect(first).toBe(whole)
          const second = await search(word, { kind, limit: 200 })
          // PU GONG is in a third of the titles (any case), 夜班 in a third of the jobs: too many for a tree.
          if (word === 'PU GONG' || word === '夜班') expect(narrowed.mock.results.at(-1)?.value).toBeNull()
          else expect(narrowed.mock.results.at(-1)?.value).not.toBeNull()
          expect(second).toBe(whole)
          expect(await search(word, { kind, limit: 200 })).toBe(whole)
        }
      }
      // The data reaches every case: ASCII in any case, an array field, a lone surrogate, nothing.
      expect((await search('PU GONG')).split(',').length).toBe(15)
      expect(await search('夜班')).not.toBe('')
      expect(await search('无此词')).toBe('')
    } finally {
      narrowed.mockRestore()
    }
  })

  it('pages without repeating or losing a job, across the first sighting and the second', async () => {
    const all = await search('普工', { whole: true, limit: 200 })
    expect(all.split(',').length).toBeGreaterThan(20)
    const pages = [await search('普工', { limit: 7 }), await search('普工', { skip: 7, limit: 7 }), await search('普工', { skip: 14, limit: 200 })]
    expect(pages.join()).toBe(all)
  })

  it('counts what it finds, narrowed or not', async () => {
    const _ = db.command
    const re = db.RegExp({ regexp: '司机', options: 'i' })
    const count = () => db.collection('jobs').where({ location: _.geoNear({ geometry: db.Geo.Point(120.6, 28) }) }).where({ title: re }).count()
    const counts = [await count(), await count(), await count()]
    expect(counts.map((c) => c.total)).toEqual([50, 50, 50])
  })

  it('walks the whole tree for a word most jobs hold', async () => {
    const narrowed = jest.spyOn(MemoryIndexes.prototype, 'narrowedTree')
    try {
      // 身体健康 is in the requirements of four jobs in five.
      const whole = await search('身体健康', { whole: true, limit: 300 })
      for (let round = 0; round < 3; round++) expect(await search('身体健康', { limit: 300 })).toBe(whole)
      expect(narrowed.mock.results.every((r) => r.value === null)).toBe(true)
    } finally {
      narrowed.mockRestore()
    }
  })

  it('sees a write at once: a new job with the keyword, where the searcher stands', async () => {
    await search('保洁')
    const before = await search('保洁')
    expect(before).not.toContain('new')
    await db.collection('jobs').add({ data: { _id: 'new', title: '保洁员', pay: 5, location: db.Geo.Point(120.6, 28) } })
    const after = await search('保洁')
    // At distance 0 with the jobs already there, after them: equal distances go by the older row.
    expect(after).toContain('new')
    expect(after).toBe(await search('保洁', { whole: true }))
  })

  it('answers right past the trees it keeps', async () => {
    // Each word is in a handful of titles (普工1 in 普工1, 普工13, 普工103 …): each tree is small.
    const words = Array.from({ length: NARROWED_KEPT + 10 }, (_, i) => `${WORDS[i % 2]}${i + 100}`)
    const firstRound = new Map<string, string>()
    for (let round = 0; round < 3; round++) {
      for (const word of words) {
        const ids = await search(word, { limit: 300 })
        if (round === 0) firstRound.set(word, ids)
        else expect(ids).toBe(firstRound.get(word))
      }
    }
    // Words 100…237 of 普工/司机: found where the title is that word, and paying at least 3.
    const found = [...firstRound.values()].filter(Boolean)
    expect(found.length).toBeGreaterThan(10)
    expect(found.join().split(',').every((id) => Number(id.slice(1)) % 10 >= 3)).toBe(true)
  })
})

describe('sqlite driver: a transaction SQLite itself ended', () => {
  it('runs nothing more of it, so nothing of it commits on its own', async () => {
    const db = new SqliteDb({ filename: ':memory:', indexes: [] })
    try {
      await db.collection('seats').add({ data: { _id: 's1', taken: false } })
      let refused: unknown
      // SQLite's own error (COMMIT with no transaction) may come from another test file's realm,
      // where jest's toThrow does not know it for an Error: only the outcome is compared.
      const outcome = await db
        .runTransaction(async (tx) => {
          await tx.collection('seats').doc('s1').update({ data: { taken: true } })
          db.sql.exec('ROLLBACK') // what SQLite does itself on a full disk
          try {
            await tx.collection('seats').add({ data: { _id: 's2', taken: true } })
          } catch (error) {
            refused = error
          }
        })
        .then(
          () => 'committed',
          () => 'refused',
        )
      expect(outcome).toBe('refused')
      expect(refused).toEqual(new Error('the transaction has ended; nothing more of it is run'))
      expect((await db.collection('seats').get()).data).toEqual([{ _id: 's1', taken: false }])
    } finally {
      db.close()
    }
  })

  it('refuses a transaction kept past its end', async () => {
    const db = new SqliteDb({ filename: ':memory:', indexes: [] })
    try {
      let kept: Transaction | undefined
      await db.runTransaction(async (tx) => {
        kept = tx
      })
      await expect(kept!.collection('seats').add({ data: { _id: 'late' } })).rejects.toThrow('the transaction has ended')
      expect((await db.collection('seats').count()).total).toBe(0)
    } finally {
      db.close()
    }
  })
})

describe('sqlite driver: the documents a nearest-first query hands out', () => {
  let db: SqliteDb
  const near = () => db.command.geoNear({ geometry: db.Geo.Point(120.6, 28) })
  const nearest = async () => (await db.collection<{ name: string; tags: string[] }>('places').where({ location: near() }).limit(1).get()).data[0]
  beforeEach(async () => {
    db = new SqliteDb({ filename: ':memory:', indexes: [{ collection: 'places', name: 'geo', fields: [{ path: 'location', geo: true }] }] })
    await db.collection('places').add({ data: { _id: 'p1', name: '五马街道爱心驿站', tags: ['water'], location: db.Geo.Point(120.6, 28) } })
  })
  afterEach(() => db.close())

  it('are frozen through and through, and the same ones until the collection is written', async () => {
    const first = await nearest()
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first.tags)).toBe(true)
    expect(() => first.tags.push('wifi')).toThrow(TypeError)
    expect(await nearest()).toBe(first)
    await db.collection('places').doc('p1').update({ data: { name: '五马街道职工之家' } })
    const after = await nearest()
    expect(after).not.toBe(first)
    expect(after.name).toBe('五马街道职工之家')
  })

  it('never keep what a group that was rolled back wrote', async () => {
    await nearest()
    const renamesAndReads = async (grouped: Db) => {
      await grouped.collection('places').doc('p1').update({ data: { name: '改了又撤回' } })
      return (await grouped.collection<{ name: string }>('places').where({ location: near() }).limit(1).get()).data[0].name
    }
    const endsTheTransaction = async () => {
      db.sql.exec('ROLLBACK') // what SQLite does itself on a full disk
      return ''
    }
    const answers = await db.together([renamesAndReads, endsTheTransaction])
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected'])
    expect((await nearest()).name).toBe('五马街道爱心驿站')
  })
})

describe('sqlite driver: checkpoints in a worker thread', () => {
  it('checkpoints a busy database file from its worker, keeps every write, and tidies the log away on close', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'lugong-checkpoint-'))
    const file = join(dir, 'lugong.sqlite')
    const db = new SqliteDb({ filename: file, indexes: [] })
    try {
      let i = 0
      // Writes until the worker has reported a checkpoint (it starts after a few hundred writes).
      while (db.backgroundCheckpoints === 0) {
        await db.collection('notes').add({ data: { i: i++, text: '一条记录'.repeat(50) } })
        if (i % 100 === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      }
      expect(i).toBeGreaterThan(256)
      expect(db.sql.pragma('wal_autocheckpoint', { simple: true })).toBe(8000)
      db.close()
      expect(existsSync(`${file}-wal`)).toBe(false)
      const again = new SqliteDb({ filename: file, indexes: [] })
      expect((await again.collection('notes').count()).total).toBe(i)
      again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('keeps no worker for a database in memory', async () => {
    const db = new SqliteDb({ filename: ':memory:', indexes: [] })
    for (let i = 0; i < 400; i++) await db.collection('notes').add({ data: { i } })
    expect(db.backgroundCheckpoints).toBe(0)
    expect(db.sql.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    db.close()
  })
})
