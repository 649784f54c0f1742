/**
 * China's official working-day calendar (DOMAIN.md §5): weekends and statutory holidays off, the
 * make-up working days (调休) of the State Council's yearly notice on. The notices come from the
 * `chinese-days` package (its JSON: every listed holiday and make-up day of the years it carries),
 * and an admin may enter a year's notice the package does not know yet. For a year neither knows,
 * weekdays count and whatever is counted with it is an estimate (按常规工作日估算).
 */
import packageCalendar from 'chinese-days/dist/chinese-days.json'
import { shanghaiMidnight } from './time'

/** A year's notice: its days off beyond weekends (the weekend days inside a holiday may be listed too) and its make-up working days. */
export interface YearNotice {
  year: number
  holidays: readonly string[]
  workdays: readonly string[]
}

const DAY_MS = 24 * 60 * 60 * 1000
const yearOf = (date: string) => Number(date.slice(0, 4))

/**
 * The years the package carries. Every notice names 元旦, so a year is known exactly when one of its
 * dates is among the package's holidays: `chinese-days` 1.5.7 knows 2004–2026, not 2027.
 */
export const PACKAGE_YEARS: readonly number[] = [...new Set(Object.keys(packageCalendar.holidays).map(yearOf))].sort((a, b) => a - b)

const PACKAGE_HOLIDAYS = new Set(Object.keys(packageCalendar.holidays))
const PACKAGE_WORKDAYS = new Set(Object.keys(packageCalendar.workdays))

/** The day of the week of a calendar date: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return day === 0 ? 7 : day
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The calendar date in Asia/Shanghai of a moment. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

export interface WorkCalendar {
  isWorkday(date: string): boolean
  /** A statutory holiday of the notice (weekends in a holiday block included); plain weekends are not. */
  isHoliday(date: string): boolean
  /** Whether the year's official calendar is known (the package's, or a notice an admin entered). */
  knows(year: number): boolean
}

/**
 * The calendar of the package plus the notices an admin entered. A notice is used only for a year
 * the package does not know: the package carries the State Council's text for the years it has.
 */
export function workCalendar(notices: readonly YearNotice[] = []): WorkCalendar {
  const entered = new Map(notices.filter((n) => !PACKAGE_YEARS.includes(n.year)).map((n) => [n.year, { off: new Set(n.holidays), on: new Set(n.workdays) }]))
  const knows = (year: number) => PACKAGE_YEARS.includes(year) || entered.has(year)
  return {
    knows,
    isHoliday(date) {
      const year = yearOf(date)
      if (PACKAGE_YEARS.includes(year)) return PACKAGE_HOLIDAYS.has(date)
      return entered.get(year)?.off.has(date) ?? false
    },
    isWorkday(date) {
      const weekday = weekdayOf(date) <= 5
      const year = yearOf(date)
      if (PACKAGE_YEARS.includes(year)) return PACKAGE_WORKDAYS.has(date) || (weekday && !PACKAGE_HOLIDAYS.has(date))
      const notice = entered.get(year)
      if (notice) return notice.on.has(date) || (weekday && !notice.off.has(date))
      return weekday
    },
  }
}

export interface WorkingDayDeadline {
  /** The due working day. */
  date: string
  /** The end of that day, Asia/Shanghai: due while the clock is before it. */
  dueAt: number
  /** Counted over a year whose calendar is not known: weekdays were taken as working days. */
  estimated: boolean
}

/**
 * The `n`th working day after the day of `fromMs` (Asia/Shanghai), due at the end of that day. The
 * starting day never counts, whatever the hour; from a holiday the count starts on the next working day.
 */
export function workingDayDeadline(fromMs: number, n: number, calendar: WorkCalendar): WorkingDayDeadline {
  let date = shanghaiDate(fromMs)
  let estimated = false
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1)
    if (!calendar.knows(yearOf(date))) estimated = true
    if (calendar.isWorkday(date)) counted++
  }
  return { date, dueAt: shanghaiMidnight(date) + DAY_MS, estimated }
}

/** Why an admin's notice for a year cannot be used, by field; null when it can. */
export function checkYearNotice(notice: YearNotice): Record<string, string> | null {
  if (PACKAGE_YEARS.includes(notice.year)) return { year: `${notice.year}年的放假安排已经内置，不用再录入` }
  const outside = (dates: readonly string[]) => dates.find((d) => yearOf(d) !== notice.year)
  const wrongHoliday = outside(notice.holidays)
  if (wrongHoliday) return { holidays: `${wrongHoliday}不在${notice.year}年` }
  const wrongWorkday = outside(notice.workdays)
  if (wrongWorkday) return { workdays: `${wrongWorkday}不在${notice.year}年` }
  const weekdayMakeUp = notice.workdays.find((d) => weekdayOf(d) <= 5)
  if (weekdayMakeUp) return { workdays: `${weekdayMakeUp}本来就是工作日，补班日应为周六或周日` }
  const both = notice.workdays.find((d) => notice.holidays.includes(d))
  if (both) return { workdays: `${both}不能既放假又补班` }
  return null
}
