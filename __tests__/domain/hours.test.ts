import { describeHours, isOpenAt, type OpeningHours } from '../../cloud/domain/stations/hours'

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (iso: string) => Date.parse(`${iso}+08:00`)

const weekdays: OpeningHours = { open24h: false, periods: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }] }

describe('opening hours, in Asia/Shanghai whatever the server zone', () => {
  // 2026-11-30 is a Monday.
  it('is open from the opening minute until just before closing', () => {
    expect(isOpenAt(weekdays, shanghai('2026-11-30T08:29:59'))).toBe(false)
    expect(isOpenAt(weekdays, shanghai('2026-11-30T08:30:00'))).toBe(true)
    expect(isOpenAt(weekdays, shanghai('2026-11-30T17:29:00'))).toBe(true)
    expect(isOpenAt(weekdays, shanghai('2026-11-30T17:30:00'))).toBe(false)
  })

  it('is closed on a day not listed', () => {
    expect(isOpenAt(weekdays, shanghai('2026-11-29T10:00:00'))).toBe(false) // Sunday
  })

  it('uses Shanghai time, not UTC: 01:00 UTC Monday is 09:00 in Wenzhou', () => {
    expect(isOpenAt(weekdays, Date.parse('2026-11-30T01:00:00Z'))).toBe(true)
    expect(isOpenAt(weekdays, Date.parse('2026-11-30T10:00:00Z'))).toBe(false) // 18:00 Shanghai
  })

  it('runs a period past midnight into the next day', () => {
    const night: OpeningHours = { open24h: false, periods: [{ days: [5], open: '20:00', close: '02:00' }] }
    expect(isOpenAt(night, shanghai('2026-12-04T23:00:00'))).toBe(true) // Friday night
    expect(isOpenAt(night, shanghai('2026-12-05T01:59:00'))).toBe(true) // early Saturday
    expect(isOpenAt(night, shanghai('2026-12-05T02:00:00'))).toBe(false)
    expect(isOpenAt(night, shanghai('2026-12-04T01:00:00'))).toBe(false) // early Friday: Thursday is not listed
  })

  it('is always open with open24h', () => {
    expect(isOpenAt({ open24h: true, periods: [] }, shanghai('2026-11-29T03:00:00'))).toBe(true)
  })

  it('reads out the hours in plain words', () => {
    expect(describeHours(weekdays)).toBe('周一至周五 08:30–17:30')
    expect(describeHours({ open24h: true, periods: [] })).toBe('24小时开放')
    expect(
      describeHours({
        open24h: false,
        periods: [
          { days: [1, 2, 3, 4, 5, 6, 7], open: '07:00', close: '21:00' },
          { days: [6, 7], open: '09:00', close: '17:00' },
        ],
      }),
    ).toBe('每天 07:00–21:00；周六、周日 09:00–17:00')
  })
})
