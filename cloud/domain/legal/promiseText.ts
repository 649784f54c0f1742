/**
 * The promise and the time left on it in words, for the worker's case page and the desk. Kept apart
 * from the calendar (`promise.ts`) so that the mini-program does not carry the holiday tables.
 */

export const ESTIMATED = '按常规工作日估算'

/** `2026-12-01` → `12月1日`; with the year when it is not the year of `sameYearAs`. */
export function monthDay(date: string, sameYearAs?: string): string {
  const [y, m, d] = date.split('-')
  const day = `${Number(m)}月${Number(d)}日`
  return sameYearAs && sameYearAs.slice(0, 4) !== y ? `${y}年${day}` : day
}

export interface PromiseDates {
  acknowledgeDays: number
  acknowledgeBy: string
  decideDays: number
  decideBy: string
  acknowledgeEstimated: boolean
  decideEstimated: boolean
}

/** "1个工作日内受理（12月1日前），7个工作日内答复是否提供援助（12月9日前）", estimated dates saying so. */
export function promiseText(p: PromiseDates, filedOn: string): string {
  const note = (estimated: boolean) => (estimated ? `，${ESTIMATED}` : '')
  return (
    `${p.acknowledgeDays}个工作日内受理（${monthDay(p.acknowledgeBy, filedOn)}前${note(p.acknowledgeEstimated)}），` +
    `${p.decideDays}个工作日内答复是否提供援助（${monthDay(p.decideBy, filedOn)}前${note(p.decideEstimated)}）`
  )
}

/** How much time is left before `dueAt`, or how late it is: `剩5小时`, `已超时1天3小时`. */
export function timeLeft(dueAt: number, now: number): { overdue: boolean; words: string } {
  const overdue = now >= dueAt
  const minutes = Math.floor(Math.abs(dueAt - now) / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const span = days > 0 ? `${days}天${hours > 0 ? `${hours}小时` : ''}` : hours > 0 ? `${hours}小时` : `${Math.max(minutes, 1)}分钟`
  return { overdue, words: overdue ? `已超时${span}` : `剩${span}` }
}
