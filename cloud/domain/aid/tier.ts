/**
 * The hardship tier (DOMAIN.md §3). Per-capita monthly income = (household annual disposable
 * income − unavoidable annual spending) ÷ 12 ÷ household size: 深度困难 below the local 低保 line L,
 * 相对困难 below 2L; 意外致困 when a sudden event cost more than 80 % of the household's annual income,
 * whatever the formula says. Migrant workers qualify the same way after a year of work in the city.
 * Money in fen; the comparisons are made without dividing, so nothing is lost to rounding.
 */

import { formatYuan } from '../money'

export type Tier = 'deep' | 'relative' | 'accident'

export const TIER_NAMES: Record<Tier, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困' }

/** The local 低保 line per person per month *(config)*. */
export const DEFAULT_LOW_INCOME_LINE_FEN = 120_000

export interface HouseholdSituation {
  householdSize: number
  annualIncomeFen: number
  unavoidableSpendingFen: number
  /** What a sudden event (accident, disaster, serious illness) cost this year. */
  suddenEventCostFen?: number
  /** Set for a migrant worker: how long they have worked in the city. */
  monthsWorkedInCity?: number
}

export interface TierResult {
  /** The tiers met, the formula's first; empty when not eligible. */
  tiers: Tier[]
  perCapitaMonthlyFen: number
  reason: string
}

const yuan = (fen: number) => formatYuan(fen)

export function assessTier(h: HouseholdSituation, lineFen = DEFAULT_LOW_INCOME_LINE_FEN): TierResult {
  const net = h.annualIncomeFen - h.unavoidableSpendingFen
  const perCapitaMonthlyFen = Math.floor(net / 12 / h.householdSize)
  if (h.monthsWorkedInCity !== undefined && h.monthsWorkedInCity < 12) {
    return { tiers: [], perCapitaMonthlyFen, reason: '外来务工人员在本市工作满一年后才能申请' }
  }
  const tiers: Tier[] = []
  const monthsOfHousehold = 12 * h.householdSize
  if (net < lineFen * monthsOfHousehold) tiers.push('deep')
  else if (net < 2 * lineFen * monthsOfHousehold) tiers.push('relative')
  const cost = h.suddenEventCostFen ?? 0
  if (cost > 0 && cost * 5 > h.annualIncomeFen * 4) tiers.push('accident')

  const perCapita = `家庭人均月收入约${yuan(perCapitaMonthlyFen)}`
  if (tiers.length === 0) {
    return { tiers, perCapitaMonthlyFen, reason: `${perCapita}，不低于${yuan(2 * lineFen)}（低保线的2倍），暂不符合帮扶条件` }
  }
  const reasons = tiers.map((t) =>
    t === 'deep'
      ? `${perCapita}，低于低保线${yuan(lineFen)}`
      : t === 'relative'
        ? `${perCapita}，低于低保线的2倍${yuan(2 * lineFen)}`
        : `突发事件支出${yuan(cost)}，超过家庭年收入的80%`,
  )
  return { tiers, perCapitaMonthlyFen, reason: reasons.join('；') }
}
