import type { Unit } from './definition'

/**
 * How a figure is written, on the page, in the export and in the summary: whole numbers grouped
 * (`12,345`), money in 万元 with two decimals (`205.80`, as the union's reports write it), times
 * and shares with one decimal. Built from integers, rounding half up once.
 */

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** `n` rounded half up to `decimals` places, written with grouped thousands. */
export function fixed(n: number, decimals: number): string {
  const scale = 10 ** decimals
  const scaled = Math.round(Math.abs(n) * scale + 1e-9)
  const sign = n < 0 && scaled > 0 ? '-' : ''
  const whole = group(String(Math.floor(scaled / scale)))
  return decimals ? `${sign}${whole}.${String(scaled % scale).padStart(decimals, '0')}` : `${sign}${whole}`
}

/** Fen as 万元 with two decimals: 2,058,000.00 yuan (205,800,000 fen) → `205.80`. */
export function wanYuan(fen: number): string {
  // A hundredth of 万元 is 100 yuan, 10,000 fen: whole fen, rounded half up once.
  const hundredths = Math.floor((Math.abs(fen) + 5_000) / 10_000)
  const sign = fen < 0 && hundredths > 0 ? '-' : ''
  return `${sign}${group(String(Math.floor(hundredths / 100)))}.${String(hundredths % 100).padStart(2, '0')}`
}

/** The number a figure shows, as a number (万元 for money), for charts and the export. */
export function shownNumber(value: number, unit: Unit): number {
  if (unit === '万元') return Math.floor((Math.abs(value) + 5_000) / 10_000) / 100 * Math.sign(value || 1)
  if (unit === '天' || unit === '小时' || unit === '%') return Math.round(value * 10) / 10
  return value
}

/** A figure's value in words. */
export function formatValue(value: number, unit: Unit): string {
  if (unit === '万元') return wanYuan(value)
  if (unit === '天' || unit === '小时' || unit === '%') return fixed(value, 1)
  return fixed(value, 0)
}

/**
 * Against the same period a year earlier: a count or an amount as a relative change (`+12.5%`,
 * `-3.0%`, `持平`, `新增` from nothing); a time or a share as the difference in its own unit
 * (`+1.5天`, `-2.0个百分点`). Nothing when there is nothing to compare.
 */
export function changeOf(now: number | null, before: number | null, unit: Unit): string | undefined {
  if (now === null || before === null) return undefined
  if (unit === '天' || unit === '小时' || unit === '%') {
    const diff = Math.round((now - before) * 10) / 10
    if (diff === 0) return '持平'
    return `${diff > 0 ? '+' : ''}${fixed(diff, 1)}${unit === '%' ? '个百分点' : unit}`
  }
  if (before === 0) return now === 0 ? undefined : '新增'
  const pct = Math.round(((now - before) / before) * 1000) / 10
  if (pct === 0) return '持平'
  return `${pct > 0 ? '+' : ''}${fixed(pct, 1)}%`
}
