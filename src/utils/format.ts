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

/** How long something has waited, in the largest units that matter: `3天2小时`, `5小时`, `20分钟`. */
export function formatWaited(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return `${hours}小时`
  return `${minutes}分钟`
}
