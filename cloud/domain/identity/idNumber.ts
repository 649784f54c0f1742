/**
 * Resident ID numbers (GB 11643-1999): 17 digits, then a check character computed from them.
 * The birth date at positions 7–14 must be a real calendar date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2']

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase()
}

export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

export interface BirthDate {
  year: number
  month: number
  day: number
}

export function birthDateOf(idNumber: string): BirthDate | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1) return null
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return { year, month, day }
}

export function isValidIdNumber(raw: string): boolean {
  const id = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(id)) return false
  if (birthDateOf(id) === null) return false
  return idCheckChar(id.slice(0, 17)) === id[17]
}
