import { formatShanghai } from '@/domain/time'

export { parseShanghai } from '@/domain/time'

/** Times are shown in Asia/Shanghai, whatever the phone's zone. */
export const formatTime = (ms: number) => formatShanghai(ms, 'YYYY-MM-DD HH:mm')

export function formatDistance(m: number): string {
  if (m < 1000) return `${Math.round(m)}米`
  return `${(m / 1000).toFixed(m < 10_000 ? 1 : 0)}公里`
}

/** A calendar day in Asia/Shanghai: `2027-01-25`. */
export const formatDay = (ms: number) => formatShanghai(ms, 'YYYY-MM-DD')
