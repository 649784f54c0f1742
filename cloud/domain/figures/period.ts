import { dayAfter, yearBefore, type PeriodChoice } from '../../../types/figures'
import { shanghaiMidnight } from '../time'

/**
 * A period the figures count over: from the start of its first day to the start of the day after
 * its last (Asia/Shanghai), and the same period a year earlier, which never overlaps it.
 */
export interface Span {
  /** Epoch ms, inclusive. */
  from: number
  /** Epoch ms, exclusive. */
  to: number
  /** `YYYY-MM-DD`, inclusive. */
  fromDate: string
  /** `YYYY-MM-DD`, exclusive: the day after the last. */
  toDate: string
  /** The plan years it touches (medical mutual aid counts members by plan year). */
  years: number[]
  label: string
}

export interface Period {
  /** Names the period in a cache: the same choice gives the same key. */
  key: string
  now: Span
  before: Span
  /** The start of each month of the period, then its end: the bars of a chart by month. */
  monthStarts: number[]
  /** The same for the period a year earlier. */
  beforeMonthStarts: number[]
  /** A label per month of the period (`3月`, or `2026年12月` when it spans two years). */
  monthLabels: string[]
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The last day of a span, from its exclusive end. */
const lastDayOf = (toDate: string) => new Date(Date.parse(`${toDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

function spanOf(fromDate: string, toDate: string, label: string): Span {
  const years: number[] = []
  for (let y = Number(fromDate.slice(0, 4)); y <= Number(lastDayOf(toDate).slice(0, 4)); y++) years.push(y)
  return { from: shanghaiMidnight(fromDate), to: shanghaiMidnight(toDate), fromDate, toDate, years, label }
}

/** The first day of each month after `fromDate` up to `toDate` (exclusive), with both ends. */
function monthBoundaries(fromDate: string, toDate: string): string[] {
  const dates = [fromDate]
  let [y, m] = fromDate.split('-').map(Number)
  for (;;) {
    m += 1
    if (m > 12) [y, m] = [y + 1, 1]
    const first = `${y}-${pad(m)}-01`
    if (first >= toDate) break
    dates.push(first)
  }
  dates.push(toDate)
  return dates
}

const rangeLabel = (fromDate: string, lastDate: string) => `${fromDate} 至 ${lastDate}`

/** The dates and words of a chosen period (already checked by `PeriodInput`). */
export function periodOf(choice: PeriodChoice): Period {
  let fromDate: string
  let toDate: string
  let label: (year: number) => string
  switch (choice.kind) {
    case 'year':
      fromDate = `${choice.year}-01-01`
      toDate = `${choice.year + 1}-01-01`
      label = (y) => `${y}年`
      break
    case 'quarter':
      fromDate = `${choice.year}-${pad(choice.quarter * 3 - 2)}-01`
      toDate = choice.quarter === 4 ? `${choice.year + 1}-01-01` : `${choice.year}-${pad(choice.quarter * 3 + 1)}-01`
      label = (y) => `${y}年第${choice.quarter}季度`
      break
    case 'month':
      fromDate = `${choice.year}-${pad(choice.month)}-01`
      toDate = choice.month === 12 ? `${choice.year + 1}-01-01` : `${choice.year}-${pad(choice.month + 1)}-01`
      label = (y) => `${y}年${choice.month}月`
      break
    default:
      fromDate = choice.from
      toDate = dayAfter(choice.to)
      label = () => ''
  }
  const beforeFrom = yearBefore(fromDate)
  const beforeTo = yearBefore(toDate)
  const year = Number(fromDate.slice(0, 4))
  const custom = choice.kind === 'range'
  const now = spanOf(fromDate, toDate, custom ? rangeLabel(fromDate, lastDayOf(toDate)) : label(year))
  const before = spanOf(beforeFrom, beforeTo, custom ? rangeLabel(beforeFrom, lastDayOf(beforeTo)) : label(year - 1))
  const months = monthBoundaries(fromDate, toDate)
  const spansYears = fromDate.slice(0, 4) !== lastDayOf(toDate).slice(0, 4)
  return {
    key: `${fromDate}/${toDate}`,
    now,
    before,
    monthStarts: months.map(shanghaiMidnight),
    beforeMonthStarts: monthBoundaries(beforeFrom, beforeTo).map(shanghaiMidnight),
    monthLabels: months.slice(0, -1).map((d) => (spansYears ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月` : `${Number(d.slice(5, 7))}月`)),
  }
}
