import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
export const SHANGHAI_OFFSET_MIN = 8 * 60

/** A moment as Wenzhou reads it: `formatShanghai(ms, 'M月D日 HH:mm')`. */
export const formatShanghai = (ms: number, pattern: string) => dayjs(ms).utcOffset(SHANGHAI_OFFSET_MIN).format(pattern)

/** Midnight at the start of a calendar date in Asia/Shanghai, as epoch milliseconds. */
export const shanghaiMidnight = (isoDate: string) => Date.parse(`${isoDate}T00:00:00+08:00`)

/** `2027-01-25 09:00` read as Wenzhou time → epoch ms, or NaN. */
export function parseShanghai(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim())
  return m ? Date.parse(`${m[1]}T${m[2]}:00+08:00`) : NaN
}
