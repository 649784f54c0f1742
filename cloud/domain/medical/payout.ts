import { formatYuan, YUAN_SEPARATOR } from '../money'
import { CATEGORY_NAMES, type ApprovedSoFar, type Estimate, type EstimateLine, type MedicalCategory, type Plan } from '../../../types/medical'

/**
 * The payout of one claim (DOMAIN.md §4): the category's rule on the self-paid amount, then the
 * category's yearly cap and the plan's overall cap, both less what was already approved this plan
 * year. Money in fen; each band's share is kept exact (hundredths of a fen) and the sum is rounded
 * half up once. The worker's phone and the server run this same function.
 */
export function estimatePayout(plan: Plan, category: MedicalCategory, selfPaidFen: number, approved: ApprovedSoFar): Estimate {
  const rule = plan.categories[category]
  const lines: EstimateLine[] = []
  let deductibleFen = 0
  let baseFen = selfPaidFen
  if (rule.kind === 'banded') {
    deductibleFen = Math.min(rule.deductibleFen ?? 0, selfPaidFen)
    baseFen = selfPaidFen - deductibleFen
    let from = 0
    for (const band of rule.bands ?? []) {
      const upto = band.uptoFen ?? Infinity
      const part = Math.max(0, Math.min(baseFen, upto) - from)
      if (part > 0) lines.push({ label: bandLabel(from, band.uptoFen), baseFen: part, ratePercent: band.ratePercent, payCentiFen: part * band.ratePercent })
      from = upto
      if (from >= baseFen) break
    }
  } else if (rule.kind === 'rate') {
    lines.push({ label: `自付金额的${rule.ratePercent ?? 0}%`, baseFen, ratePercent: rule.ratePercent ?? 0, payCentiFen: baseFen * (rule.ratePercent ?? 0) })
  } else {
    lines.push({ label: '定额给付', baseFen: rule.lumpSumFen ?? 0, ratePercent: 100, payCentiFen: (rule.lumpSumFen ?? 0) * 100 })
  }
  const computedFen = roundHalfUp(lines.reduce((sum, l) => sum + l.payCentiFen, 0), 100)

  const categoryUsedFen = approved.byCategoryFen[category] ?? 0
  const overallUsedFen = approved.totalFen
  const categoryLeft = Math.max(0, rule.capFen - categoryUsedFen)
  const overallLeft = Math.max(0, plan.overallCapFen - overallUsedFen)
  let payoutFen = Math.min(computedFen, categoryLeft, overallLeft)
  let limitedBy: string | undefined
  if (rule.oncePerYear && approved.onceTaken.includes(category)) {
    payoutFen = 0
    limitedBy = `${CATEGORY_NAMES[category]}每个保障年度只给付一次，今年已经申请过`
  } else if (payoutFen < computedFen) {
    limitedBy =
      payoutFen === overallLeft && overallLeft < categoryLeft
        ? `今年各类合计最多${yuan(plan.overallCapFen)}，已批准${yuan(overallUsedFen)}，还剩${yuan(overallLeft)}`
        : `${CATEGORY_NAMES[category]}每年最多${yuan(rule.capFen)}，已批准${yuan(categoryUsedFen)}，还剩${yuan(categoryLeft)}`
  }
  return {
    category,
    selfPaidFen,
    deductibleFen,
    baseFen,
    lines,
    computedFen,
    categoryCapFen: rule.capFen,
    categoryUsedFen,
    overallCapFen: plan.overallCapFen,
    overallUsedFen,
    payoutFen,
    limitedBy,
  }
}

/** `n / d` rounded half up, for non-negative integers. */
export const roundHalfUp = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d))

const yuan = (fen: number) => formatYuan(fen)
const bandLimit = (fen: number) => formatYuan(fen, { cents: false, unit: false })

function bandLabel(fromFen: number, uptoFen: number | undefined) {
  return uptoFen === undefined ? `${bandLimit(fromFen)}${YUAN_SEPARATOR}元以上部分` : `${bandLimit(fromFen)}–${bandLimit(uptoFen)}${YUAN_SEPARATOR}元部分`
}

const yuanText = yuan

/** The breakdown in lines a worker and a volunteer both read. */
export function estimateRows(e: Estimate): Array<{ label: string; value: string }> {
  return [
    ...(e.deductibleFen ? [{ label: '起付线', value: `减去 ${yuanText(e.deductibleFen)}` }] : []),
    ...e.lines.map((l) => ({ label: l.label, value: `${yuanText(l.baseFen)} × ${l.ratePercent}% = ${yuanText(roundHalfUp(l.payCentiFen, 100))}` })),
    { label: '按规则核算', value: yuanText(e.computedFen) },
    { label: `${CATEGORY_NAMES[e.category]}年度已批准`, value: `${yuanText(e.categoryUsedFen)}（上限 ${yuanText(e.categoryCapFen)}）` },
    { label: '各类合计已批准', value: `${yuanText(e.overallUsedFen)}（上限 ${yuanText(e.overallCapFen)}）` },
    ...(e.limitedBy ? [{ label: '受上限影响', value: e.limitedBy }] : []),
    { label: '预计可报', value: yuanText(e.payoutFen) },
  ]
}

