import { createHarness, type Harness } from './harness'
import { addRealNamedParents, newClass, signUp } from './childcareFixtures'

/**
 * First come, first served, whatever the database does between a sign-up's statements: a seeded
 * random number of turns of the event loop before every statement makes the sign-ups' statements
 * interleave differently from the order they arrived in. No clock is involved.
 */
function jitter(seed: number) {
  let state = seed
  const next = () => (state = (state * 16807) % 2147483647)
  return async () => {
    for (let turns = next() % 4; turns > 0; turns--) await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

/** A fixed shuffle of 0…n−1: the order in which the gate lets the sign-ups in. */
function shuffled(n: number, seed: number): number[] {
  let state = seed
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647
    const j = state % (i + 1)
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}

type Answer = { ok: boolean; data?: { _id: string; status: string; waitlistPosition?: number } }

/** 0 for a seat, k for the k-th in line. */
const placeOf = (a: Answer) => (a.data!.status === 'enrolled' ? 0 : a.data!.waitlistPosition!)

const PARENTS = 500
const SEATS = 30
const onLocalRuntime = (process.env.LUGONG_TEST_DRIVER ?? 'sqlite') === 'sqlite'

describe('the 9:00 rush in the order of arrival', () => {
  let h: Harness
  let classId: string
  let parents: string[]
  let order: number[]
  let answers: Answer[]

  beforeAll(async () => {
    h = await createHarness({ yieldBetween: jitter(20261130) })
    classId = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ title: '抢报班', capacity: SEATS })))._id
    parents = await addRealNamedParents(h, PARENTS)
    order = shuffled(PARENTS, 7)
    // The gate holds every sign-up, then lets them into the function one at a time, in `order`.
    const held = order.map((i) => () => h.call(parents[i], 'childcare', 'enroll', signUp(classId, i), `arrival-${i}-intent`))
    answers = new Array(PARENTS)
    await Promise.all(held.map((enter, k) => enter().then((answer) => (answers[order[k]] = answer as Answer))))
  }, 120_000)
  afterAll(() => h.close())

  it('answers every parent, never seating more than the class holds', () => {
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(answers.filter((a) => a.data!.status === 'enrolled')).toHaveLength(SEATS)
  })

  ;(onLocalRuntime ? it : it.skip)('on the local runtime, seats the first 30 to arrive and lines up the rest in the order they arrived: no inversions', () => {
    const told = order.map((i) => placeOf(answers[i]))
    expect(told).toEqual([...Array<number>(SEATS).fill(0), ...Array.from({ length: PARENTS - SEATS }, (_, k) => k + 1)])
  })

  it('keeps the line gap-free and in the order of its keys when read again', async () => {
    const enrollments = (await h.db.collection<{ _id: string; classId: string; status: string; waitlistKey?: string }>('childcare_enrollments')
      .where({ classId, status: 'waitlisted' }).orderBy('waitlistKey', 'asc').limit(1000).get()).data
    expect(enrollments).toHaveLength(PARENTS - SEATS)
    const ids = enrollments.map((e) => e._id)
    const positions = await Promise.all(
      ids.slice(0, 5).concat(ids.slice(-5)).map(async (id) => {
        const i = answers.findIndex((a) => a.data!._id === id)
        const mine = await h.ok<{ items: Array<{ _id: string; waitlistPosition?: number }> }>(parents[i], 'childcare', 'mine', {})
        return mine.items.find((e) => e._id === id)!.waitlistPosition
      }),
    )
    const n = PARENTS - SEATS
    expect(positions).toEqual([1, 2, 3, 4, 5, n - 4, n - 3, n - 2, n - 1, n])
    if (onLocalRuntime) {
      // What each parent was told is where they stand.
      const byId = new Map(answers.map((a) => [a.data!._id, a]))
      expect(ids.map((id) => byId.get(id)!.data!.waitlistPosition)).toEqual(Array.from({ length: n }, (_, k) => k + 1))
    }
  })
})
