/**
 * The one way the portal writes an amount, on the phone and on the server: yuan with two decimals,
 * thousands grouped with commas, then 元 — `6,700.00 元`. Built from integers, not `Intl` (some
 * WeChat Android engines lack it) nor `toFixed` on a float. The space before 元 is a no-break space
 * (U+00A0), so an amount never breaks across two lines, wherever it is printed.
 */
export const YUAN_SEPARATOR = '\u00a0'

/** `1234567` → `1,234,567`. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export interface YuanOptions {
  /** `false` leaves out `.00` on a whole number of yuan (band limits: `5,000 元`). */
  cents?: boolean
  /** `false` leaves out ` 元`, for a range that names the unit once: `5,000–20,000 元`. */
  unit?: boolean
}

/** Fen as yuan: `670000` → `6,700.00 元`, `-5050` → `-50.50 元`, `500000` with `cents: false` → `5,000 元`. */
export function formatYuan(fen: number, { cents = true, unit = true }: YuanOptions = {}): string {
  const whole = Math.round(fen)
  const sign = whole < 0 ? '-' : ''
  const abs = Math.abs(whole)
  const yuan = groupThousands(String(Math.floor(abs / 100)))
  const rest = abs % 100
  const decimals = cents || rest !== 0 ? `.${String(rest).padStart(2, '0')}` : ''
  return `${sign}${yuan}${decimals}${unit ? `${YUAN_SEPARATOR}元` : ''}`
}
