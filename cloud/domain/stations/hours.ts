import dayjs from 'dayjs'
import { SHANGHAI_OFFSET_MIN } from '../time'

/** Days are ISO weekdays: 1 Monday … 7 Sunday. Times are `HH:mm` in Asia/Shanghai. */
export interface OpeningPeriod {
  days: number[]
  open: string
  close: string
}

export interface OpeningHours {
  open24h: boolean
  periods: OpeningPeriod[]
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** A moment as a Wenzhou wall clock: ISO weekday and minute of the day. */
export interface WallClock {
  isoDay: number
  minute: number
}

export function shanghaiClock(nowMs: number): WallClock {
  const t = dayjs(nowMs).utcOffset(SHANGHAI_OFFSET_MIN)
  return { isoDay: t.day() === 0 ? 7 : t.day(), minute: t.hour() * 60 + t.minute() }
}

const previousDay = (isoDay: number) => (isoDay === 1 ? 7 : isoDay - 1)

/**
 * Whether a station with these hours is open at `nowMs`. A period whose close is not after its open
 * runs past midnight into the next day (20:00–02:00); `close` itself is already closed.
 */
export function isOpenAt(hours: OpeningHours, nowMs: number): boolean {
  return isOpenOn(hours, shanghaiClock(nowMs))
}

/** `isOpenAt` for a wall clock read once, when many stations are checked at the same moment. */
export function isOpenOn(hours: OpeningHours, { isoDay, minute }: WallClock): boolean {
  if (hours.open24h) return true
  return hours.periods.some((p) => {
    const open = minutesOf(p.open)
    const close = minutesOf(p.close)
    if (close > open) return p.days.includes(isoDay) && minute >= open && minute < close
    const lateToday = p.days.includes(isoDay) && minute >= open
    const earlyFromYesterday = p.days.includes(previousDay(isoDay)) && minute < close
    return lateToday || earlyFromYesterday
  })
}

const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

function describeDays(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b)
  if (sorted.length === 7) return '每天'
  const isRun = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1)
  if (isRun) return `${DAY_NAMES[sorted[0]]}至${DAY_NAMES[sorted[sorted.length - 1]]}`
  return sorted.map((d) => DAY_NAMES[d]).join('、')
}

/** The hours as a worker reads them: `周一至周五 08:00–20:00；周六、周日 09:00–17:00`. */
export function describeHours(hours: OpeningHours): string {
  if (hours.open24h) return '24小时开放'
  if (hours.periods.length === 0) return '暂无开放时间'
  return hours.periods.map((p) => `${describeDays(p.days)} ${p.open}–${p.close}`).join('；')
}
