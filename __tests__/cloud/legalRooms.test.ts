import { runHousekeeping } from '../../cloud/functions/housekeeping'
import { createHarness, type Harness } from './harness'
import { askForHelp, DESK, firstSlot, LAWYER, ROOM, walk, WORKER } from './legalFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(() => h.close())

const at = (text: string) => Date.parse(`${text}+08:00`)
const housekeeping = () => runHousekeeping({ db: h.db, clock: () => now, removeFile: async () => undefined })
let now = 0
const setNow = (ms: number) => {
  now = ms
  h.setNow(ms)
}

describe('mediation rooms: slots and appointments', () => {
  beforeEach(() => setNow(at('2026-11-30T10:00:00')))

  it('offers the rooms of type 调解室 with the slots of their week, holidays and closed dates left out', async () => {
    const { rooms } = await h.ok(WORKER, 'legal', 'rooms', {})
    expect(rooms.map((r: { stationId: string }) => r.stationId)).toContain(ROOM)
    const dates = [...new Set(rooms.find((r: { stationId: string }) => r.stationId === ROOM).slots.map((s: { date: string }) => s.date))]
    // DOMAIN.md's example week until an admin sets it: Tuesdays and Thursdays of the coming 14 days.
    expect(dates).toEqual(['2026-12-01', '2026-12-03', '2026-12-08', '2026-12-10'])
    await h.ok('dev-admin', 'legal', 'setClosedDates', { stationId: ROOM, dates: ['2026-12-03'] })
    const closed = (await h.ok(WORKER, 'legal', 'rooms', {})).rooms.find((r: { stationId: string }) => r.stationId === ROOM)
    expect([...new Set(closed.slots.map((s: { date: string }) => s.date))]).toEqual(['2026-12-01', '2026-12-08', '2026-12-10'])
    await h.ok('dev-admin', 'legal', 'setRoomTemplate', { stationId: ROOM, periods: [{ weekdays: [2, 3], start: '09:00', end: '10:00' }], slotMinutes: 60 })
    const after = (await h.ok(WORKER, 'legal', 'rooms', {})).rooms.find((r: { stationId: string }) => r.stationId === ROOM)
    expect(after.slots.map((s: { date: string; start: string }) => `${s.date} ${s.start}`)).toEqual(['2026-12-01 09:00', '2026-12-02 09:00', '2026-12-08 09:00', '2026-12-09 09:00'])
    // Closed dates survive a change of the week.
    expect((await h.ok('dev-admin', 'legal', 'settings', {})).rooms.find((r: { stationId: string }) => r.stationId === ROOM)).toMatchObject({ closedDates: ['2026-12-03'], isDefault: false, slotMinutes: 60 })
  })

  it('books a slot for the case once a lawyer is assigned: the appointment with place, map and time on the case; the lawyer told', async () => {
    const caseId = await askForHelp(h)
    const slot = await firstSlot(h)
    expect(await h.call(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    await walk(h, caseId, 'assigned')
    await h.ok(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })
    const view = await h.ok(WORKER, 'legal', 'case', { caseId })
    expect(view.appointment).toMatchObject({ stationId: ROOM, stationName: '丰门街道人民路商务楼劳动争议调解室', date: '2026-12-01', start: '14:00', end: '14:30', location: { lat: expect.any(Number), lng: expect.any(Number) } })
    expect(view).toMatchObject({ canBook: false, appointmentCancellable: true })
    expect(view.timeline.at(-1)).toMatchObject({ action: 'book', appointment: '12月1日（周二）14:00–14:30，丰门街道人民路商务楼劳动争议调解室' })
    expect((await h.ok(LAWYER, 'users', 'inbox', {})).items.map((m: { title: string }) => m.title)).toContain('申请人预约了调解室')
    // The slot is no longer offered; a second appointment for the case waits for the first to be cancelled.
    expect((await firstSlot(h)).start).toBe('14:30')
    const next = await firstSlot(h)
    expect(await h.call(LAWYER, 'legal', 'book', { caseId, stationId: ROOM, date: next.date, start: next.start })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  })

  it('refuses a slot the room does not have, one past, and a room that is not a mediation room', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'assigned')
    for (const [payload, field] of [
      [{ stationId: ROOM, date: '2026-12-01', start: '14:10' }, 'start'],
      [{ stationId: ROOM, date: '2026-12-02', start: '14:00' }, 'start'],
      [{ stationId: ROOM, date: '2026-11-24', start: '14:00' }, 'date'],
      [{ stationId: 'demo-station-00001', date: '2026-12-01', start: '14:00' }, 'stationId'],
    ] as const) {
      const res = await h.call(WORKER, 'legal', 'book', { caseId, ...payload })
      expect(res.ok ? 'ok' : Object.keys(res.error.fields ?? {})).toEqual([field])
    }
    expect(await h.all('legal_bookings')).toEqual([])
  })

  it('of 50 bookings of one slot at once, exactly one is written; the others are told it was taken', async () => {
    const ids: string[] = []
    for (let i = 0; i < 50; i++) ids.push(await askForHelp(h))
    for (const caseId of ids) await walk(h, caseId, 'assigned')
    const slot = await firstSlot(h)
    const results = await Promise.all(ids.map((caseId) => h.call(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.error.code} ${r.error.message}`))
    expect(new Set(refused)).toEqual(new Set(['CONFLICT 这个时段刚刚被预约了，请选择其他时段']))
    expect((await h.all('legal_bookings')).filter((b: any) => b.status === 'active')).toHaveLength(1)
    const booked = (await h.all('cases')).filter((c: any) => c.details.appointment)
    expect(booked).toHaveLength(1)
  })

  it('frees the slot when the worker cancels, up to two hours before; the desk cancels any time with a reason the worker reads', async () => {
    const [a, b] = [await askForHelp(h), await askForHelp(h)]
    await walk(h, a, 'granted')
    await walk(h, b, 'granted')
    const slot = await firstSlot(h)
    await h.ok(WORKER, 'legal', 'book', { caseId: a, stationId: ROOM, date: slot.date, start: slot.start })
    expect(await h.call(WORKER, 'legal', 'book', { caseId: b, stationId: ROOM, date: slot.date, start: slot.start })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await h.ok(WORKER, 'legal', 'cancelBooking', { caseId: a })
    expect((await h.ok(WORKER, 'legal', 'case', { caseId: a })).appointment).toBeUndefined()
    await h.ok(LAWYER, 'legal', 'book', { caseId: b, stationId: ROOM, date: slot.date, start: slot.start })

    setNow(slot.startAt - 90 * 60 * 1000)
    expect(await h.call(WORKER, 'legal', 'cancelBooking', { caseId: b })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('2小时') } })
    expect(await h.call(LAWYER, 'legal', 'cancelBooking', { caseId: b })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect(await h.call(DESK, 'legal', 'deskCancelBooking', { caseId: b, note: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    await h.ok(DESK, 'legal', 'deskCancelBooking', { caseId: b, note: '调解室临时停电' })
    const inbox = await h.ok(WORKER, 'users', 'inbox', {})
    expect(inbox.items.map((m: { body: string }) => m.body)).toContain('调解室预约已取消：12月1日（周二）14:00–14:30，丰门街道人民路商务楼劳动争议调解室。原因：调解室临时停电。')
    expect((await h.all('legal_bookings')).filter((x: any) => x.status === 'active')).toEqual([])
  })

  it('cancels an appointment still to come when the case ends', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'granted')
    const slot = await firstSlot(h)
    await h.ok(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })
    await h.ok(LAWYER, 'legal', 'close', { caseId, outcome: 'withdrawn', note: '职工与公司自行和解，撤回申请' })
    expect((await h.all('legal_bookings'))[0]).toMatchObject({ status: 'cancelled', slotKey: expect.stringMatching(/^cancelled:/) })
    expect((await h.ok(WORKER, 'legal', 'case', { caseId })).appointment).toBeUndefined()
  })

  it('reminds the worker and the lawyer the day before, once, however often or late the housekeeping runs', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'assigned')
    const slot = await firstSlot(h)
    await h.ok(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })
    setNow(at('2026-11-29T10:00:00'))
    expect((await housekeeping()).remindLegalAppointments).toBe(0)
    setNow(at('2026-11-30T18:00:00'))
    const runs = await Promise.all([housekeeping(), housekeeping()])
    expect(runs.map((r) => r.remindLegalAppointments).sort()).toEqual([0, 1])
    expect((await housekeeping()).remindLegalAppointments).toBe(0)
    setNow(at('2026-12-01T09:00:00'))
    expect((await housekeeping()).remindLegalAppointments).toBe(0)
    const reminders = (await h.all('inbox')).filter((m: any) => m.title === '明天的调解室预约')
    expect(reminders.map((m: any) => m.userId).sort()).toEqual([LAWYER, WORKER].sort())
    expect((reminders.find((m: any) => m.userId === WORKER) as any).body).toContain('12月1日（周二）14:00–14:30')
  })

  it('reminds late on the day itself when the run before was missed', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'assigned')
    const slot = await firstSlot(h)
    await h.ok(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })
    setNow(at('2026-12-01T08:00:00'))
    expect((await housekeeping()).remindLegalAppointments).toBe(1)
    expect((await h.all('inbox')).filter((m: any) => m.title === '今天的调解室预约')).toHaveLength(2)
  })
})
