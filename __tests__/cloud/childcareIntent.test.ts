import { DIFFERENT_PAYLOAD } from '../../cloud/core/idempotency'
import { yieldToOthers } from './drivers'
import { createHarness, type Harness } from './harness'
import { addRealNamedParents, newClass, signUp } from './childcareFixtures'

/**
 * The sign-up keeps its requestId itself, in the one write that places the child (`remember:
 * 'record'`): the same guarantees as the kernel's idempotency store, with no write of its own.
 * The statements of concurrent calls interleave for real (`yieldBetween`), so that on CloudBase's
 * stand-in two calls of one intent both get past the first look and meet at the insert.
 */
describe('a sign-up sent again with its requestId', () => {
  let h: Harness
  let classId: string
  let parents: string[]
  beforeEach(async () => {
    h = await createHarness({ yieldBetween: yieldToOthers })
    classId = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ capacity: 1 })))._id
    parents = await addRealNamedParents(h, 3)
  })
  afterEach(() => h.close())

  const signUps = () => h.all('childcare_enrollments')
  const seatsLeft = async () => (await h.ok('dev-worker', 'childcare', 'classDetail', { classId })).seatsLeft

  it('is answered with the sign-up it made, as it stands now, and writes nothing more', async () => {
    const first = await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1), 'intent-repeat-1')
    const waiting = await h.ok(parents[1], 'childcare', 'enroll', signUp(classId, 2), 'intent-repeat-2')
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    await h.ok(parents[0], 'childcare', 'cancel', { enrollmentId: first._id }, 'intent-cancel-1')
    // Promoted meanwhile: the repeat says so, rather than an old position.
    expect(await h.ok(parents[1], 'childcare', 'enroll', signUp(classId, 2), 'intent-repeat-2')).toMatchObject({ _id: waiting._id, status: 'enrolled' })
    expect(await signUps()).toHaveLength(2)
    expect(await h.all('idempotency')).toHaveLength(1) // the cancel's, not the sign-ups'
  })

  it('refuses the same requestId with another payload, in words a worker understands, writing nothing', async () => {
    await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1), 'intent-other-1')
    const other = await h.call(parents[0], 'childcare', 'enroll', signUp(classId, 2), 'intent-other-1')
    expect(other).toEqual({ ok: false, error: { code: 'CONFLICT', message: DIFFERENT_PAYLOAD } })
    expect(await signUps()).toHaveLength(1)
  })

  it('keeps the requestIds of different parents apart', async () => {
    await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1), 'intent-shared-1')
    expect(await h.ok(parents[1], 'childcare', 'enroll', signUp(classId, 2), 'intent-shared-1')).toMatchObject({ status: 'waitlisted' })
    expect(await signUps()).toHaveLength(2)
  })

  it('makes one sign-up of one intent sent five times at once, and gives back the seats the others took', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.call<any>(parents[0], 'childcare', 'enroll', signUp(classId, 1), 'intent-burst-1')))
    expect(answers.filter((a) => !a.ok)).toEqual([])
    expect(new Set(answers.map((a) => (a.ok ? a.data._id : null))).size).toBe(1)
    expect(await signUps()).toHaveLength(1)
    expect(await seatsLeft()).toBe(0)
    // The next parent finds the line, not a seat lost to a repeat.
    expect(await h.ok(parents[1], 'childcare', 'enroll', signUp(classId, 2))).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
  })

  it('lets one of three payloads sent at once with one requestId through, and refuses the others', async () => {
    const answers = await Promise.all([1, 2, 3].map((n) => h.call(parents[0], 'childcare', 'enroll', signUp(classId, n), 'intent-three-1')))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? null : a.error))).toEqual([0, 1].map(() => ({ code: 'CONFLICT', message: DIFFERENT_PAYLOAD })))
    expect(await signUps()).toHaveLength(1)
    expect(await seatsLeft()).toBe(0)
  })

  it('binds the requestId only by a sign-up made: a parent who fixes the form sends again with the same id', async () => {
    const refused = await h.call(parents[0], 'childcare', 'enroll', signUp(classId, 1, { consentVersion: '' }), 'intent-fixed-1')
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await h.ok(parents[0], 'childcare', 'enroll', signUp(classId, 1), 'intent-fixed-1')).toMatchObject({ status: 'enrolled' })
  })
})
