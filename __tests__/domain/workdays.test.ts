import { checkYearNotice, PACKAGE_YEARS, shanghaiDate, workCalendar, workingDayDeadline, type YearNotice } from '../../cloud/domain/workdays'
import { DEFAULT_PROMISE, promiseOf } from '../../cloud/domain/legal/promise'
import { promiseText, timeLeft } from '../../cloud/domain/legal/promiseText'

/** A moment in Wenzhou. */
const at = (text: string) => Date.parse(`${text}+08:00`)
/** The end of a day in Wenzhou: when a promise due that day runs out. */
const endOf = (date: string) => Date.parse(`${date}T00:00:00+08:00`) + 24 * 60 * 60 * 1000
const calendar = workCalendar()

describe('the working-day calendar (chinese-days plus the notices an admin enters)', () => {
  it('knows the years the package carries: 2026, not 2027', () => {
    expect(PACKAGE_YEARS).toContain(2026)
    expect(PACKAGE_YEARS).not.toContain(2027)
    expect(calendar.knows(2026)).toBe(true)
    expect(calendar.knows(2027)).toBe(false)
  })

  it('has the 2026 notice: National Day off with its make-up Sunday and Saturday, Spring Festival, Labour Day, Mid-autumn', () => {
    for (const off of ['2026-10-01', '2026-10-07', '2026-02-16', '2026-02-23', '2026-05-01', '2026-05-05', '2026-09-25']) expect(calendar.isWorkday(off)).toBe(false)
    for (const on of ['2026-10-10', '2026-09-20', '2026-02-14', '2026-02-28', '2026-05-09', '2026-10-08']) expect(calendar.isWorkday(on)).toBe(true)
    expect(calendar.isWorkday('2026-10-17')).toBe(false) // a plain Saturday
    expect(calendar.isHoliday('2026-10-17')).toBe(false)
    expect(calendar.isHoliday('2026-10-04')).toBe(true)
  })

  it('counts weekdays in a year it does not know, and uses an admin\'s notice for it', () => {
    expect(calendar.isWorkday('2027-01-01')).toBe(true)
    const notice: YearNotice = { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }
    const withNotice = workCalendar([notice])
    expect(withNotice.knows(2027)).toBe(true)
    expect(withNotice.isWorkday('2027-01-01')).toBe(false)
    expect(withNotice.isWorkday('2027-01-04')).toBe(true)
  })

  it('never lets an entered notice change a year the package carries', () => {
    const wrong = workCalendar([{ year: 2026, holidays: ['2026-10-10'], workdays: [] }])
    expect(wrong.isWorkday('2026-10-10')).toBe(true)
    expect(checkYearNotice({ year: 2026, holidays: ['2026-10-10'], workdays: [] })).toEqual({ year: expect.stringContaining('内置') })
  })

  it('checks an entered notice: dates of its year, make-up days on weekends, no day both', () => {
    expect(checkYearNotice({ year: 2027, holidays: ['2026-12-31'], workdays: [] })).toEqual({ holidays: expect.stringContaining('不在2027年') })
    expect(checkYearNotice({ year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-08'] })).toEqual({ workdays: expect.stringContaining('周六或周日') })
    expect(checkYearNotice({ year: 2027, holidays: ['2027-02-06'], workdays: ['2027-02-06'] })).toEqual({ workdays: expect.stringContaining('既放假又补班') })
    expect(checkYearNotice({ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-02-06'] })).toBeNull()
  })

  it('reads the date in Asia/Shanghai, whatever the UTC date', () => {
    expect(shanghaiDate(at('2026-12-01T00:30:00'))).toBe('2026-12-01')
  })
})

describe('the promise: acknowledged within 1 working day, decided within 7, from the filing date', () => {
  const promise = (filed: string, cal = calendar) => promiseOf(at(filed), DEFAULT_PROMISE, cal)

  it('on an ordinary Monday: Tuesday and the Wednesday after next, due at the end of the day', () => {
    expect(promise('2026-11-30T10:00:00')).toEqual({
      acknowledgeDays: 1,
      acknowledgeBy: '2026-12-01',
      acknowledgeDueAt: endOf('2026-12-01'),
      decideDays: 7,
      decideBy: '2026-12-09',
      decideDueAt: endOf('2026-12-09'),
      acknowledgeEstimated: false,
      decideEstimated: false,
    })
  })

  it('over National Day: the week off skipped, the make-up Saturday 10 October counted', () => {
    expect(promise('2026-09-30T15:00:00')).toMatchObject({ acknowledgeBy: '2026-10-08', decideBy: '2026-10-15' })
  })

  it('filed on a holiday: counted from the next working day', () => {
    expect(promise('2026-10-03T11:00:00')).toMatchObject({ acknowledgeBy: '2026-10-08', decideBy: '2026-10-15' })
  })

  it('filed on the make-up Saturday: that day does not count either', () => {
    expect(promise('2026-10-10T09:00:00')).toMatchObject({ acknowledgeBy: '2026-10-12', decideBy: '2026-10-20' })
  })

  it('over the Spring Festival: both make-up Saturdays count, the nine days off do not', () => {
    expect(promise('2026-02-13T18:00:00')).toMatchObject({ acknowledgeBy: '2026-02-14', decideBy: '2026-03-02' })
  })

  it('over Labour Day, with its make-up Saturday 9 May', () => {
    expect(promise('2026-04-30T20:00:00')).toMatchObject({ acknowledgeBy: '2026-05-06', decideBy: '2026-05-13' })
  })

  it('over Mid-autumn running into National Day', () => {
    expect(promise('2026-09-24T09:00:00')).toMatchObject({ acknowledgeBy: '2026-09-28', decideBy: '2026-10-12' })
  })

  it('filed late on a Friday evening: the filing day never counts, so Monday, not Saturday', () => {
    const p = promise('2026-11-27T23:59:30')
    expect(p.acknowledgeBy).toBe('2026-11-30')
    expect(p.acknowledgeDueAt).toBe(endOf('2026-11-30'))
  })

  it('filed just after midnight in Wenzhou (still the day before in UTC): counts from the Wenzhou date', () => {
    expect(promise('2026-12-01T00:30:00')).toMatchObject({ acknowledgeBy: '2026-12-02', decideBy: '2026-12-10' })
  })

  it('into a year the calendar does not know: weekdays counted and said to be an estimate; with the notice entered, exact', () => {
    expect(promise('2026-12-30T10:00:00')).toMatchObject({ acknowledgeBy: '2026-12-31', acknowledgeEstimated: false, decideBy: '2027-01-08', decideEstimated: true })
    const entered = workCalendar([{ year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }])
    expect(promise('2026-12-30T10:00:00', entered)).toMatchObject({ acknowledgeBy: '2026-12-31', decideBy: '2027-01-11', decideEstimated: false })
    expect(workingDayDeadline(at('2027-03-01T10:00:00'), 1, calendar)).toMatchObject({ date: '2027-03-02', estimated: true })
  })

  it('follows the admin\'s numbers', () => {
    expect(promiseOf(at('2026-11-30T10:00:00'), { acknowledgeDays: 2, decideDays: 5 }, calendar)).toMatchObject({ acknowledgeBy: '2026-12-02', decideBy: '2026-12-07' })
  })

  it('is shown in dates, with the estimate said in each', () => {
    expect(promiseText(promise('2026-11-30T10:00:00'), '2026-11-30')).toBe('1个工作日内受理（12月1日前），7个工作日内答复是否提供援助（12月9日前）')
    expect(promiseText(promise('2026-12-30T10:00:00'), '2026-12-30')).toBe(
      '1个工作日内受理（12月31日前），7个工作日内答复是否提供援助（2027年1月8日前，按常规工作日估算）',
    )
  })

  it('says the time left on it, or how late it is', () => {
    const due = endOf('2026-12-01')
    expect(timeLeft(due, at('2026-12-01T19:00:00'))).toEqual({ overdue: false, words: '剩5小时' })
    expect(timeLeft(due, at('2026-11-30T10:00:00'))).toEqual({ overdue: false, words: '剩1天14小时' })
    expect(timeLeft(due, at('2026-12-03T03:00:00'))).toEqual({ overdue: true, words: '已超时1天3小时' })
    expect(timeLeft(due, due)).toMatchObject({ overdue: true })
  })
})
