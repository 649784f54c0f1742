import { formatShanghai, shanghaiMidnight } from '../time'

const HOUR_MS = 60 * 60 * 1000

/** The reminder goes out from 9:00 on the day before the fair (Asia/Shanghai), until the fair starts. */
export const REMINDER_HOUR = 9

/** When the reminder for a fair starting at `startsAt` becomes due. */
export function reminderFrom(startsAt: number): number {
  const fairDay = formatShanghai(startsAt, 'YYYY-MM-DD')
  return shanghaiMidnight(fairDay) - 24 * HOUR_MS + REMINDER_HOUR * HOUR_MS
}

export const reminderDue = (startsAt: number, now: number) => now >= reminderFrom(startsAt) && now < startsAt

/** Sign-ups and cancellations stop when the fair starts. */
export const hasStarted = (startsAt: number, now: number) => now >= startsAt

/** A fair is over at its end; its sign-ups then leave the open part of 我的办事. */
export const hasEnded = (endsAt: number, now: number) => now >= endsAt
