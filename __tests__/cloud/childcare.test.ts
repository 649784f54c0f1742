import { createHarness, MONDAY_10AM, type Harness } from './harness'
import { addRealNamedParents, childId, newClass, signUp } from './childcareFixtures'

const DAY = 24 * 60 * 60 * 1000

describe('childcare', () => {
  let h: Harness
  let classId: string
  beforeEach(async () => {
    h = await createHarness()
    classId = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ capacity: 2 })))._id
  })
  afterEach(() => h.close())

  const enrollments = () => h.all('childcare_enrollments')

  describe('classes (admin)', () => {
    it('creates a class that workers see with its seats and sign-up phase', async () => {
      const page = await h.ok('dev-worker', 'childcare', 'classes', {})
      const mine = page.items.find((c: any) => c._id === classId)
      expect(mine).toMatchObject({ seatsLeft: 2, waitlistLength: 0, signUp: 'open', termName: '2027年寒假', cancelDeadline: Date.parse('2027-01-22T00:00:00+08:00') })
      const upcoming = await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ opensAt: MONDAY_10AM + DAY, closesAt: MONDAY_10AM + 2 * DAY }))
      expect(upcoming.signUp).toBe('upcoming')
    })

    it('refuses bad class input with each field named, and writes nothing', async () => {
      const before = await h.all('childcare_classes')
      const res = await h.call('dev-admin', 'childcare', 'upsertClass', newClass({ title: '', capacity: 0, season: 'spring' }))
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      if (!res.ok) expect(Object.keys(res.error.fields!).sort()).toEqual(['capacity', 'season', 'title'])
      const order = await h.call('dev-admin', 'childcare', 'upsertClass', newClass({ endDate: '2027-01-01', maxAge: 5 }))
      if (!order.ok) expect(order.error.fields).toMatchObject({ endDate: expect.any(String) })
      expect(order.ok).toBe(false)
      expect(await h.all('childcare_classes')).toEqual(before)
    })

    it('lists every class, closed ones too, to childcare staff only', async () => {
      await h.ok('dev-admin', 'childcare', 'setClassStatus', { classId, status: 'closed' })
      expect((await h.ok('dev-worker', 'childcare', 'classes', {})).items.map((c: any) => c._id)).not.toContain(classId)
      expect((await h.ok('dev-volunteer', 'childcare', 'allClasses', {})).items.map((c: any) => c._id)).toContain(classId)
      expect(await h.call('dev-worker', 'childcare', 'allClasses', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    })

    it('lets only admins create, edit and close classes', async () => {
      for (const who of ['dev-worker', 'dev-volunteer', 'dev-hr']) {
        expect(await h.call(who, 'childcare', 'upsertClass', newClass())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(await h.call(who, 'childcare', 'setClassStatus', { classId, status: 'closed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    })

    it('never lets the capacity fall below the seats taken, and fills new seats from the waitlist', async () => {
      const parents = await addRealNamedParents(h, 3)
      for (const [i, p] of parents.entries()) await h.ok(p, 'childcare', 'enroll', signUp(classId, i))
      expect(await h.call('dev-admin', 'childcare', 'upsertClass', newClass({ id: classId, capacity: 1 }))).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', fields: { capacity: expect.any(String) } },
      })
      const grown = await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ id: classId, capacity: 3 }))
      expect(grown).toMatchObject({ seatsLeft: 0, waitlistLength: 0 })
      const third = await h.ok(parents[2], 'childcare', 'mine', {})
      expect(third.items[0]).toMatchObject({ status: 'enrolled' })
    })
  })

  it('refuses bad input to every other action, and callers without identity', async () => {
    const bad: Array<[string, string, unknown]> = [
      ['dev-worker', 'classes', ['x']],
      ['dev-worker', 'classDetail', {}],
      ['dev-volunteer', 'allClasses', 'all'],
      ['dev-admin', 'setClassStatus', { classId, status: 'gone' }],
      ['dev-volunteer', 'roster', {}],
      ['dev-volunteer', 'revealIdNumber', { enrollmentId: '' }],
      ['dev-volunteer', 'attendance', { classId: 7 }],
    ]
    for (const [who, action, payload] of bad) {
      expect([action, await h.call(who, 'childcare', action, payload)]).toMatchObject([action, { ok: false, error: { code: 'INVALID_ARGUMENT' } }])
    }
    for (const action of ['classes', 'mine', 'enroll']) {
      expect(await h.call(null, 'childcare', action, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
  })

  describe('enroll', () => {
    it('gives a seat at once, encrypts the child\'s data and records the guardian\'s consent', async () => {
      const e = await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1))
      expect(e).toMatchObject({ status: 'enrolled', childName: '孩**号', classTitle: '测试托班' })
      const [raw] = (await enrollments()) as any[]
      expect(JSON.stringify(raw)).not.toContain(childId(1))
      expect(JSON.stringify(raw)).not.toContain('花生过敏')
      expect(raw.consent).toEqual({ version: '2026.11', at: MONDAY_10AM })
    })

    it('puts a sign-up on the waitlist with its position once the class is full', async () => {
      const parents = await addRealNamedParents(h, 4)
      const results = []
      for (const [i, p] of parents.entries()) results.push(await h.ok(p, 'childcare', 'enroll', signUp(classId, i)))
      expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
        ['enrolled', undefined],
        ['enrolled', undefined],
        ['waitlisted', 1],
        ['waitlisted', 2],
      ])
      expect(await h.ok('dev-worker', 'childcare', 'classDetail', { classId })).toMatchObject({ seatsLeft: 0, waitlistLength: 2 })
    })

    it('holds one place per child per term, across classes', async () => {
      const other = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ title: '另一个班' })))._id
      await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 7))
      const again = await h.call('dev-worker', 'childcare', 'enroll', signUp(other, 7))
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { 'child.idNumber': expect.any(String) } } })
      const summer = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ title: '暑期班', season: 'summer', startDate: '2027-07-10', endDate: '2027-08-01' })))._id
      expect(await h.ok('dev-worker', 'childcare', 'enroll', signUp(summer, 7))).toMatchObject({ status: 'enrolled' })
      expect(await enrollments()).toHaveLength(2)
    })

    it('refuses before opening and after closing, by the server clock', async () => {
      h.setNow(MONDAY_10AM - 2 * 60 * 60 * 1000)
      expect(await h.call('dev-worker', 'childcare', 'enroll', signUp(classId, 1))).toMatchObject({
        ok: false,
        error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('报名还没开始') },
      })
      h.setNow(MONDAY_10AM + 11 * DAY)
      expect(await h.call('dev-worker', 'childcare', 'enroll', signUp(classId, 1))).toMatchObject({
        ok: false,
        error: { code: 'FAILED_PRECONDITION', message: '报名已经截止了' },
      })
      expect(await enrollments()).toHaveLength(0)
    })

    it('refuses a closed class', async () => {
      await h.ok('dev-admin', 'childcare', 'setClassStatus', { classId, status: 'closed' })
      expect(await h.call('dev-worker', 'childcare', 'enroll', signUp(classId, 1))).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    })

    it('asks a worker who is not real-named to do that first', async () => {
      expect(await h.call('dev-worker2', 'childcare', 'enroll', signUp(classId, 1))).toMatchObject({
        ok: false,
        error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名') },
      })
    })

    it('refuses a child outside the age range on the start date, naming the field', async () => {
      const tooYoung = signUp(classId, 1, {})
      tooYoung.child.idNumber = childId(1, '20210126') // 5 on 2027-01-25
      const res = await h.call('dev-worker', 'childcare', 'enroll', tooYoung)
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { 'child.idNumber': expect.stringContaining('5岁') } } })
      expect(await enrollments()).toHaveLength(0)
    })

    it('refuses bad input with each field named, and writes nothing', async () => {
      const res = await h.call('dev-worker', 'childcare', 'enroll', {
        classId,
        child: { name: '', idNumber: '330302201803151231', gender: 'x', school: '', grade: 12, healthNotes: 'ok' },
        emergencyContact: { name: '外婆', mobile: '123' },
        consentVersion: '',
      })
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      if (!res.ok) {
        expect(Object.keys(res.error.fields!)).toEqual(
          expect.arrayContaining(['child.name', 'child.gender', 'child.school', 'child.grade', 'emergencyContact.mobile', 'consentVersion']),
        )
      }
      expect(await enrollments()).toHaveLength(0)
      expect((await h.ok('dev-worker', 'childcare', 'classDetail', { classId })).seatsLeft).toBe(2)
    })

    it('makes one sign-up of one requestId sent twice', async () => {
      const a = await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1), 'signup-intent-1')
      const b = await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1), 'signup-intent-1')
      expect(b._id).toBe(a._id)
      expect(await enrollments()).toHaveLength(1)
    })
  })

  describe('mine and cancel', () => {
    it('shows a parent only their own sign-ups', async () => {
      await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1))
      expect((await h.ok('dev-worker', 'childcare', 'mine', {})).items).toHaveLength(1)
      expect((await h.ok('dev-worker2', 'childcare', 'mine', {})).items).toHaveLength(0)
    })

    it('lets no parent cancel another parent\'s sign-up', async () => {
      const e = await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1))
      expect(await h.call('dev-worker2', 'childcare', 'cancel', { enrollmentId: e._id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect((await h.ok('dev-worker', 'childcare', 'mine', {})).items[0].status).toBe('enrolled')
    })

    it('promotes the first in line when a seat is given back, and tells that parent', async () => {
      const parents = await addRealNamedParents(h, 4)
      const placed = []
      for (const [i, p] of parents.entries()) placed.push(await h.ok(p, 'childcare', 'enroll', signUp(classId, i)))
      const cancelled = await h.ok(parents[0], 'childcare', 'cancel', { enrollmentId: placed[0]._id })
      expect(cancelled.status).toBe('cancelled')
      expect((await h.ok(parents[2], 'childcare', 'mine', {})).items[0]).toMatchObject({ status: 'enrolled', promotedAt: MONDAY_10AM })
      expect((await h.ok(parents[3], 'childcare', 'mine', {})).items[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
      const inbox = await h.ok(parents[2], 'users', 'inbox', {})
      expect(inbox.items[0]).toMatchObject({ title: expect.stringContaining('候补成功'), link: '/packages/childcare/mine/index' })
      expect(await h.ok('dev-worker', 'childcare', 'classDetail', { classId })).toMatchObject({ seatsLeft: 0, waitlistLength: 1 })
    })

    it('gives the seat back to the class when nobody waits, and lets the child sign up again', async () => {
      const e = await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1))
      await h.ok('dev-worker', 'childcare', 'cancel', { enrollmentId: e._id })
      expect((await h.ok('dev-worker', 'childcare', 'classDetail', { classId })).seatsLeft).toBe(2)
      expect(await h.call('dev-worker', 'childcare', 'cancel', { enrollmentId: e._id })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
      expect(await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1))).toMatchObject({ status: 'enrolled' })
    })

    it('takes a family off the waitlist, closing the gap in the positions', async () => {
      const parents = await addRealNamedParents(h, 5)
      const placed = []
      for (const [i, p] of parents.entries()) placed.push(await h.ok(p, 'childcare', 'enroll', signUp(classId, i)))
      await h.ok(parents[2], 'childcare', 'cancel', { enrollmentId: placed[2]._id })
      expect((await h.ok(parents[3], 'childcare', 'mine', {})).items[0].waitlistPosition).toBe(1)
      expect((await h.ok(parents[4], 'childcare', 'mine', {})).items[0].waitlistPosition).toBe(2)
    })

    it('refuses cancelling from 3 days before the start, with a clear message', async () => {
      const e = await h.ok('dev-worker', 'childcare', 'enroll', signUp(classId, 1))
      h.setNow(Date.parse('2027-01-22T00:00:00+08:00'))
      const res = await h.call('dev-worker', 'childcare', 'cancel', { enrollmentId: e._id })
      expect(res).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('1月22日 00:00') } })
      expect((await h.ok('dev-worker', 'childcare', 'mine', {})).items[0].status).toBe('enrolled')
    })

    it('refuses bad input', async () => {
      expect(await h.call('dev-worker', 'childcare', 'cancel', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { enrollmentId: expect.any(String) } } })
      expect(await h.call('dev-worker', 'childcare', 'mine', [1])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    })
  })

  describe('the 9:00 rush', () => {
    it('seats exactly 30 of 500 simultaneous sign-ups and queues 470 at positions 1…470; 5 cancellations promote the first 5 in order', async () => {
      const rush = (await h.ok('dev-admin', 'childcare', 'upsertClass', newClass({ title: '抢报班', capacity: 30 })))._id
      const parents = await addRealNamedParents(h, 500)
      const results = await Promise.all(parents.map((p, i) => h.call<any>(p, 'childcare', 'enroll', signUp(rush, i))))
      expect(results.filter((r) => !r.ok)).toEqual([])
      const answers = results.map((r) => (r.ok ? r.data : null))
      const seated = answers.filter((a) => a.status === 'enrolled')
      const waiting = answers.filter((a) => a.status === 'waitlisted')
      expect(seated).toHaveLength(30)
      expect(waiting).toHaveLength(470)
      expect(waiting.map((a) => a.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 470 }, (_, i) => i + 1))
      expect(await h.ok('dev-worker', 'childcare', 'classDetail', { classId: rush })).toMatchObject({ seatsLeft: 0, waitlistLength: 470 })

      const firstFive = waiting.filter((a) => a.waitlistPosition <= 5).sort((a, b) => a.waitlistPosition - b.waitlistPosition)
      const owners = new Map(answers.map((a, i) => [a._id, parents[i]]))
      for (const s of seated.slice(0, 5)) await h.ok(owners.get(s._id)!, 'childcare', 'cancel', { enrollmentId: s._id })
      for (const a of firstFive) {
        const mine = await h.ok(owners.get(a._id)!, 'childcare', 'mine', {})
        expect(mine.items[0]).toMatchObject({ _id: a._id, status: 'enrolled' })
      }
      const sixth = waiting.find((a) => a.waitlistPosition === 6)
      expect((await h.ok(owners.get(sixth._id)!, 'childcare', 'mine', {})).items[0].waitlistPosition).toBe(1)
      const all = (await h.all('childcare_enrollments')).filter((e: any) => e.classId === rush)
      expect(all.filter((e: any) => e.status === 'enrolled')).toHaveLength(30)
    }, 60_000)
  })

  describe('staff: roster, check-in, attendance', () => {
    let placed: any[]
    let parents: string[]
    beforeEach(async () => {
      parents = await addRealNamedParents(h, 3)
      placed = []
      for (const [i, p] of parents.entries()) placed.push(await h.ok(p, 'childcare', 'enroll', signUp(classId, i)))
    })

    it('shows the roster to childcare staff with ID numbers masked, and records that it was seen', async () => {
      const { entries } = await h.ok('dev-volunteer', 'childcare', 'roster', { classId })
      expect(entries.map((e: any) => [e.status, e.waitlistPosition])).toEqual([
        ['enrolled', undefined],
        ['enrolled', undefined],
        ['waitlisted', 1],
      ])
      expect(entries[0]).toMatchObject({ childName: '孩子0号', healthNotes: '花生过敏', guardianName: '家长0', emergencyContact: { name: '外婆', mobileMasked: '138****2222' } })
      expect(entries[0].idNumberMasked).toMatch(/^3303\*+\d{3}[\dX]$/)
      expect(await h.all('audit')).toEqual(expect.arrayContaining([expect.objectContaining({ who: 'dev-volunteer', action: 'roster', target: classId })]))
    })

    it('reveals an ID number only to childcare staff, and audits it', async () => {
      expect(await h.ok('dev-volunteer', 'childcare', 'revealIdNumber', { enrollmentId: placed[0]._id })).toEqual({ idNumber: childId(0) })
      expect(await h.all('audit')).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'revealIdNumber', target: placed[0]._id })]))
      await h.db.collection('users').add({ data: { _id: 'vol-stations', roles: ['worker', 'volunteer'], services: ['stations'], consents: {} } })
      for (const who of ['dev-worker', parents[0], 'vol-stations']) {
        expect(await h.call(who, 'childcare', 'revealIdNumber', { enrollmentId: placed[0]._id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(await h.call(who, 'childcare', 'roster', { classId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
    })

    it('checks children in each day and flags a family under 70 % attendance', async () => {
      h.setNow(Date.parse('2027-01-27T18:00:00+08:00'))
      await h.ok('dev-volunteer', 'childcare', 'checkIn', { classId, date: '2027-01-25', presentEnrollmentIds: [placed[0]._id, placed[1]._id] })
      await h.ok('dev-volunteer', 'childcare', 'checkIn', { classId, date: '2027-01-26', presentEnrollmentIds: [placed[0]._id] })
      await h.ok('dev-volunteer', 'childcare', 'checkIn', { classId, date: '2027-01-27', presentEnrollmentIds: [placed[0]._id] })
      // Checking a day in again corrects it.
      await h.ok('dev-volunteer', 'childcare', 'checkIn', { classId, date: '2027-01-27', presentEnrollmentIds: [placed[0]._id, placed[1]._id] })
      const { sessions, entries } = await h.ok('dev-volunteer', 'childcare', 'attendance', { classId })
      expect(sessions).toEqual(['2027-01-25', '2027-01-26', '2027-01-27'])
      const byId = new Map(entries.map((e: any) => [e.enrollmentId, e]))
      expect(byId.get(placed[0]._id)).toMatchObject({ attendedDays: 3, rate: 1, losesPriority: false })
      expect(byId.get(placed[1]._id)).toMatchObject({ attendedDays: 2, losesPriority: true })
    })

    it('refuses a check-in for a day outside the class, in the future, or a child not in the class', async () => {
      h.setNow(Date.parse('2027-01-26T10:00:00+08:00'))
      expect(await h.call('dev-volunteer', 'childcare', 'checkIn', { classId, date: '2027-01-20', presentEnrollmentIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { date: expect.any(String) } } })
      expect(await h.call('dev-volunteer', 'childcare', 'checkIn', { classId, date: '2027-01-27', presentEnrollmentIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { date: expect.any(String) } } })
      expect(await h.call('dev-volunteer', 'childcare', 'checkIn', { classId, date: '2027-01-26', presentEnrollmentIds: [placed[2]._id] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await h.call('dev-worker', 'childcare', 'checkIn', { classId, date: '2027-01-26', presentEnrollmentIds: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call('dev-worker', 'childcare', 'attendance', { classId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.all('childcare_attendance')).toHaveLength(0)
    })
  })
})
