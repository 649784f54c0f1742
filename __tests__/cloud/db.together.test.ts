import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ArrivalOrder, MOST_TOGETHER } from '../../cloud/core/arrival'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { DuplicateKeyError, type Db } from '../../cloud/db/types'

/**
 * The sqlite driver's group commit (`together`), as the local runtime's line of sign-ups uses it:
 * the calls of a turn run one after another in one SQLite transaction and are answered after its
 * one commit.
 */
describe('sqlite driver: calls committed together', () => {
  let dir: string
  let db: SqliteDb
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lugong-together-'))
    db = new SqliteDb({ filename: join(dir, 'db.sqlite'), indexes: [{ collection: 'seats', name: 'child', fields: [{ path: 'child' }], unique: true }], checkpointInBackground: false })
  })
  afterEach(() => db.close())

  /** What another process reading the file sees: only what was committed. */
  const committedSeats = () => {
    const reader = new Database(join(dir, 'db.sqlite'), { readonly: true })
    try {
      return (reader.prepare("SELECT json_extract(doc, '$.child') AS child FROM c_seats ORDER BY rowid").all() as Array<{ child: string }>).map((r) => r.child)
    } catch (error) {
      if (/no such table/.test(String(error))) return []
      throw error
    } finally {
      reader.close()
    }
  }

  /** A sign-up: counts the seats taken so far (what the calls before it wrote), then takes one in a transaction. */
  const signUp = (child: string) => async (grouped: Db) => {
    const { total } = await grouped.collection('seats').count()
    await grouped.runTransaction(async (tx) => {
      await tx.collection('seats').add({ data: { child, place: total + 1 } })
    })
    return total + 1
  }

  it('runs the calls in order, each seeing what the calls before it wrote, and answers them only once committed', async () => {
    await db.collection('seats').add({ data: { child: 'before' } })
    const answers = await db.together(['a', 'b', 'c'].map(signUp))
    expect(answers).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'fulfilled', value: 3 },
      { status: 'fulfilled', value: 4 },
    ])
    expect(committedSeats()).toEqual(['before', 'a', 'b', 'c'])
  })

  it('undoes a failing call\'s transaction alone, and keeps the others', async () => {
    const failing = async (grouped: Db) =>
      grouped.runTransaction(async (tx) => {
        await tx.collection('seats').add({ data: { child: 'half-written' } })
        throw new Error('the sign-up broke half-way')
      })
    const answers = await db.together([signUp('a'), failing, signUp('a'), signUp('b')])
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
    expect((answers[1] as PromiseRejectedResult).reason).toEqual(new Error('the sign-up broke half-way'))
    // The same child twice: the UNIQUE index refuses the second, as it would outside a group.
    expect((answers[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateKeyError)
    expect(answers[3]).toEqual({ status: 'fulfilled', value: 2 })
    expect(committedSeats()).toEqual(['a', 'b'])
  })

  it('writes nothing and answers every call with the error when SQLite ends the group\'s transaction', async () => {
    const endsTheTransaction = async () => {
      db.sql.exec('ROLLBACK') // what SQLite does itself on a full disk
      return 0
    }
    const answers = await db.together([signUp('a'), endsTheTransaction, signUp('b')])
    expect(answers.every((a) => a.status === 'rejected')).toBe(true)
    expect(committedSeats()).toEqual([])
    // The connection is whole again: the next call is served.
    expect(await db.together([signUp('c')])).toEqual([{ status: 'fulfilled', value: 1 }])
  })

  it('runs nothing more of a call once SQLite has ended the group\'s transaction, so nothing commits on its own', async () => {
    // A sign-up whose insert meets a full disk gives its seat back: outside the group, that would commit by itself.
    const givesBackAfterTheEnd = async (grouped: Db) => {
      await grouped.collection('seats').add({ data: { child: 'claimed' } })
      db.sql.exec('ROLLBACK') // what SQLite does itself on a full disk
      await grouped.collection('seats').add({ data: { child: 'given back' } }).catch(() => undefined)
      await grouped.runTransaction(async (tx) => tx.collection('seats').add({ data: { child: 'in a savepoint' } })).catch(() => undefined)
      return 0
    }
    const answers = await db.together([signUp('a'), givesBackAfterTheEnd, signUp('b')])
    expect(answers.every((a) => a.status === 'rejected')).toBe(true)
    expect(committedSeats()).toEqual([])
  })

  it('refuses a grouped database used after its group is over', async () => {
    let kept: Db | undefined
    await db.together([async (grouped: Db) => ((kept = grouped), 0)])
    await expect(kept!.collection('seats').add({ data: { child: 'late' } })).rejects.toThrow('the group commit has ended')
    await expect(kept!.runTransaction(async () => 0)).rejects.toThrow('the group commit has ended')
    expect(committedSeats()).toEqual([])
  })

  it('creates a collection again after a rollback undid the table its first use created', async () => {
    const firstUse = async (grouped: Db) => {
      await grouped.collection('policies').count()
      db.sql.exec('ROLLBACK')
      return 0
    }
    await db.together([firstUse])
    await db.collection('policies').add({ data: { _id: 'privacy' } })
    expect((await db.collection('policies').count()).total).toBe(1)
    // The same for a transaction of its own.
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('notices').add({ data: { _id: 'n1' } })
        throw new Error('undone')
      }),
    ).rejects.toThrow('undone')
    expect((await db.collection('notices').count()).total).toBe(0)
  })

  it('holds every other caller\'s statements until the group has committed', async () => {
    let outsiderSaw = -1
    const slowSignUp = async (grouped: Db) => {
      const place = await signUp('a')(grouped)
      await new Promise((resolve) => setImmediate(resolve))
      return place
    }
    const group = db.together([slowSignUp, signUp('b')])
    const outsider = db.collection('seats').count().then(({ total }) => (outsiderSaw = total))
    await Promise.all([group, outsider])
    expect(outsiderSaw).toBe(2)
  })

  it('lets a call aggregate inside a group, where a transaction may not', async () => {
    await db.collection('seats').add({ data: { child: 'x', place: 5 } })
    const [answer] = await db.together([async (grouped: Db) => (await grouped.collection('seats').aggregate().group({ _id: null, n: db.command.aggregate.sum(1) }).end()).list])
    expect(answer).toEqual({ status: 'fulfilled', value: [{ _id: null, n: 1 }] })
  })

  it('in the line: calls that arrive together are committed in groups of at most MOST_TOGETHER, in the order they arrived', async () => {
    const groups: number[] = []
    const order = new ArrivalOrder((calls) => (groups.push(calls.length), db.together(calls)))
    const children = Array.from({ length: MOST_TOGETHER * 2 + 3 }, (_, i) => `child-${i}`)
    const answeredBeforeCommit: string[] = []
    const places = await Promise.all(
      children.map((child) =>
        order.inTurn('seats', (grouped) => signUp(child)(grouped!)).then((place) => {
          if (!committedSeats().includes(child)) answeredBeforeCommit.push(child)
          return place
        }),
      ),
    )
    expect(places).toEqual(children.map((_, i) => i + 1))
    expect(answeredBeforeCommit).toEqual([])
    expect(groups).toEqual([MOST_TOGETHER, MOST_TOGETHER, 3])
    expect(committedSeats()).toEqual(children)
  })
})
