import { arbitrationLimit, isLimitProblem, oneYearOn } from '../../cloud/domain/legal/arbitration'
import { meansTest, meansTestApplies } from '../../cloud/domain/legal/means'
import { checkTemplate, DEFAULT_ROOM_TEMPLATE, roomSlots, slotKeyOf, slotsOn } from '../../cloud/domain/legal/slots'
import { addDays, weekdayOf, workCalendar } from '../../cloud/domain/workdays'

const TODAY = '2026-11-30'

describe('the arbitration time limit (劳动争议调解仲裁法 art. 27)', () => {
  it('does not run for unpaid wages while the worker is still employed', () => {
    expect(arbitrationLimit({ category: 'wage_arrears', stillEmployed: true, learnedOn: '2025-01-01' }, TODAY)).toMatchObject({ running: false })
  })

  it('runs a year from the end of the employment for unpaid wages', () => {
    expect(arbitrationLimit({ category: 'wage_arrears', stillEmployed: false, employmentEndedOn: '2026-03-15' }, TODAY)).toMatchObject({
      running: true,
      lastDay: '2027-03-15',
      daysLeft: 105,
      warn: false,
      passed: false,
    })
  })

  it('warns plainly when less than 60 days are left', () => {
    const r = arbitrationLimit({ category: 'wage_arrears', stillEmployed: false, employmentEndedOn: '2026-01-20' }, TODAY)
    expect(r).toMatchObject({ running: true, lastDay: '2027-01-20', daysLeft: 51, warn: true })
    expect((r as { text: string }).text).toBe('请抓紧：申请仲裁的时效到2027年1月20日，只剩51天。')
    // 60 days exactly is not "less than 60".
    expect(arbitrationLimit({ category: 'work_injury', stillEmployed: true, learnedOn: '2026-01-29' }, TODAY)).toMatchObject({ daysLeft: 60, warn: false })
  })

  it('runs a year from when the worker learned of the injury determination or the dismissal, employed or not', () => {
    expect(arbitrationLimit({ category: 'work_injury', stillEmployed: true, learnedOn: '2026-06-01' }, TODAY)).toMatchObject({ lastDay: '2027-06-01' })
    expect(arbitrationLimit({ category: 'contract', stillEmployed: false, employmentEndedOn: '2026-02-01', learnedOn: '2026-01-10' }, TODAY)).toMatchObject({ lastDay: '2027-01-10' })
  })

  it('falls back on the end of the employment when a worker who left gives no other date', () => {
    expect(arbitrationLimit({ category: 'social_insurance', stillEmployed: false, employmentEndedOn: '2026-05-05' }, TODAY)).toMatchObject({ lastDay: '2027-05-05' })
  })

  it('says when it has passed, and that the lawyer will still look', () => {
    const r = arbitrationLimit({ category: 'work_injury', stillEmployed: true, learnedOn: '2025-10-01' }, TODAY)
    expect(r).toMatchObject({ running: true, lastDay: '2026-10-01', daysLeft: -60, passed: true, warn: false })
    expect((r as { text: string }).text).toContain('届满')
  })

  it('asks for the date it needs', () => {
    const missing = arbitrationLimit({ category: 'wage_arrears', stillEmployed: false }, TODAY)
    expect(isLimitProblem(missing) && missing.field).toBe('employmentEndedOn')
    const injury = arbitrationLimit({ category: 'work_injury', stillEmployed: true }, TODAY)
    expect(isLimitProblem(injury) && injury).toEqual({ field: 'learnedOn', message: '哪天知道工伤认定结论？' })
  })

  it('ends a year on, on the same date; from 29 February on the 28th', () => {
    expect(oneYearOn('2026-03-15')).toBe('2027-03-15')
    expect(oneYearOn('2024-02-29')).toBe('2025-02-28')
    expect(oneYearOn('2026-12-31')).toBe('2027-12-31')
  })
})

describe('the means test', () => {
  it('is skipped for a migrant worker\'s unpaid wages or work injury only', () => {
    expect(meansTestApplies('wage_arrears', true)).toBe(false)
    expect(meansTestApplies('work_injury', true)).toBe(false)
    expect(meansTestApplies('contract', true)).toBe(true)
    expect(meansTestApplies('wage_arrears', false)).toBe(true)
    expect(meansTest('work_injury', true, null, 120_000)).toMatchObject({ exempt: true, eligible: true })
  })

  it('applies the hardship tier rule on the household\'s income', () => {
    // Three people, 48,000 − 12,000 a year: 1,000 each a month, under the 1,200 line.
    expect(meansTest('contract', false, { householdSize: 3, annualIncomeFen: 4_800_000, unavoidableSpendingFen: 1_200_000 }, 120_000)).toMatchObject({ exempt: false, eligible: true })
    // Two people on 120,000: 5,000 each, over twice the line.
    const over = meansTest('wage_arrears', false, { householdSize: 2, annualIncomeFen: 12_000_000, unavoidableSpendingFen: 0 }, 120_000)
    expect(over).toMatchObject({ exempt: false, eligible: false })
    expect(over.text).toContain('不符合法律援助的经济困难条件')
  })
})

describe('mediation-room slots', () => {
  const calendar = workCalendar()
  const days = (closed: string[] = []) => ({ weekdayOf, isHoliday: calendar.isHoliday, closed: new Set(closed) })
  const fortnight = Array.from({ length: 14 }, (_, i) => addDays('2026-09-28', i))
  const before = Date.parse('2026-09-28T08:00:00+08:00')

  it('cuts the weekly template into slots: 周二、周四 14:00–17:00 in 30 minutes is six a day', () => {
    const slots = slotsOn(DEFAULT_ROOM_TEMPLATE, '2026-09-29', 2)
    expect(slots.map((s) => s.start)).toEqual(['14:00', '14:30', '15:00', '15:30', '16:00', '16:30'])
    expect(slots[5]).toMatchObject({ end: '17:00', startAt: Date.parse('2026-09-29T16:30:00+08:00') })
    expect(slotsOn(DEFAULT_ROOM_TEMPLATE, '2026-09-30', 3)).toEqual([])
  })

  it('skips the statutory holidays (National Day\'s Thursday and Tuesday) and the dates the admin closed', () => {
    const dates = new Set(roomSlots(DEFAULT_ROOM_TEMPLATE, fortnight, days(), before).map((s) => s.date))
    expect([...dates]).toEqual(['2026-09-29', '2026-10-08'])
    expect(new Set(roomSlots(DEFAULT_ROOM_TEMPLATE, fortnight, days(['2026-10-08']), before).map((s) => s.date))).toEqual(new Set(['2026-09-29']))
  })

  it('keeps a weekend period of the template on a plain weekend', () => {
    const saturdays = { periods: [{ weekdays: [6], start: '09:00', end: '10:00' }], slotMinutes: 60 }
    expect(roomSlots(saturdays, fortnight, days(), before).map((s) => s.date)).toEqual(['2026-10-10'])
  })

  it('offers no slot that has begun', () => {
    const now = Date.parse('2026-09-29T15:10:00+08:00')
    expect(roomSlots(DEFAULT_ROOM_TEMPLATE, ['2026-09-29'], days(), now).map((s) => s.start)).toEqual(['15:30', '16:00', '16:30'])
  })

  it('refuses a period shorter than one slot', () => {
    expect(checkTemplate({ periods: [{ weekdays: [2], start: '14:00', end: '14:20' }], slotMinutes: 30 })).toEqual({ 'periods.0.end': expect.any(String) })
    expect(checkTemplate(DEFAULT_ROOM_TEMPLATE)).toBeNull()
  })

  it('keys a booked slot by room, date and start', () => {
    expect(slotKeyOf('room-1', '2026-09-29', '14:00')).toBe('room-1:2026-09-29:14:00')
  })
})
