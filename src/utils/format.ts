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
