import { SEASON_NAMES, type Season } from '../../../types/childcare'
import { birthDateOf } from '../identity/idNumber'
import { shanghaiMidnight } from '../time'

/** DOMAIN.md §2: attendance below this share of sessions costs the family its priority next term. */
export const ATTENDANCE_THRESHOLD = 0.7

const DAY_MS = 24 * 60 * 60 * 1000

export const termKeyOf = (year: number, season: Season) => `${year}-${season}`
export const termNameOf = (year: number, season: Season) => `${year}年${SEASON_NAMES[season]}`


/** Full years of age on `isoDate` (a birthday counts from its own day). */
export function ageOn(birth: { year: number; month: number; day: number }, isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number)
  const hadBirthday = month > birth.month || (month === birth.month && day >= birth.day)
  return year - birth.year - (hadBirthday ? 0 : 1)
}

export type AgeCheck = { ok: true; age: number } | { ok: false; age: number | null }

/** A child may join when their age on the class's first day is within the class's range. */
export function checkAgeOnStart(idNumber: string, startDate: string, minAge: number, maxAge: number): AgeCheck {
  const birth = birthDateOf(idNumber)
  if (!birth) return { ok: false, age: null }
  const age = ageOn(birth, startDate)
  return age >= minAge && age <= maxAge ? { ok: true, age } : { ok: false, age }
}

export type SignUpPhase = 'upcoming' | 'open' | 'closed'

/** Sign-up runs from `opensAt` (inclusive) to `closesAt` (exclusive), by the server's clock. */
export function signUpPhase(opensAt: number, closesAt: number, now: number): SignUpPhase {
  if (now < opensAt) return 'upcoming'
  return now < closesAt ? 'open' : 'closed'
}

/** The last moment a seat may be given back: `daysBefore` days before the first day starts. */
export const cancellationDeadline = (startDate: string, daysBefore: number) => shanghaiMidnight(startDate) - daysBefore * DAY_MS

export const canCancel = (now: number, deadline: number) => now < deadline

/** Attended ÷ sessions held; null before the first session. */
export const attendanceRate = (attended: number, sessions: number) => (sessions === 0 ? null : attended / sessions)

export const losesPriority = (rate: number | null) => rate !== null && rate < ATTENDANCE_THRESHOLD
