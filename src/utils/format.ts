import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { SHANGHAI_OFFSET_MIN } from '@/domain/stations/hours'

dayjs.extend(utc)

/** Times are shown in Asia/Shanghai, whatever the phone's zone. */
export const formatTime = (ms: number) => dayjs(ms).utcOffset(SHANGHAI_OFFSET_MIN).format('YYYY-MM-DD HH:mm')

export function formatDistance(m: number): string {
  if (m < 1000) return `${Math.round(m)}米`
  return `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)}公里`
}

/** A calendar day in Asia/Shanghai: `2027-01-25`. */
export const formatDay = (ms: number) => dayjs(ms).utcOffset(SHANGHAI_OFFSET_MIN).format('YYYY-MM-DD')

/** `2027-01-25 09:00` read as Wenzhou time → epoch ms, or NaN. */
export function parseShanghai(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim())
  return m ? Date.parse(`${m[1]}T${m[2]}:00+08:00`) : NaN
}
