import { CATEGORY_NAMES, MEDICAL_CATEGORIES, type Plan } from '../../../types/medical'

/** DOMAIN.md §4's plan *(config per plan year)*: what a year gets until an admin changes it. */
export function defaultPlan(year: number): Plan {
  return {
    _id: String(year),
    year,
    feeFen: 6_000,
    claimWindowDays: 180,
    overallCapFen: 5_000_000,
    categories: {
      inpatient: {
        kind: 'banded',
        deductibleFen: 50_000,
        bands: [
          { uptoFen: 500_000, ratePercent: 50 },
          { uptoFen: 2_000_000, ratePercent: 60 },
          { ratePercent: 70 },
        ],
        capFen: 3_000_000,
      },
      special_outpatient: { kind: 'rate', ratePercent: 40, capFen: 1_000_000 },
      critical_illness: { kind: 'lump', lumpSumFen: 1_000_000, capFen: 1_000_000, oncePerYear: true },
      accident: { kind: 'rate', ratePercent: 80, capFen: 500_000 },
    },
  }
}

/**
 * What is wrong with a plan an admin wrote, by field: banded categories need bands that rise and end
 * open, rate categories a rate, lump sums an amount. Empty when it holds.
 */
export function checkPlan(plan: Omit<Plan, '_id'>): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const category of MEDICAL_CATEGORIES) {
    const rule = plan.categories[category]
    const at = (f: string) => `categories.${category}.${f}`
    const name = CATEGORY_NAMES[category]
    if (rule.kind === 'banded') {
      const bands = rule.bands ?? []
      if (bands.length === 0) fields[at('bands')] = `${name}：请至少设一段`
      else if (bands[bands.length - 1].uptoFen !== undefined) fields[at('bands')] = `${name}：最后一段不设上限`
      else if (bands.slice(0, -1).some((b, i) => b.uptoFen === undefined || (i > 0 && b.uptoFen <= bands[i - 1].uptoFen!))) {
        fields[at('bands')] = `${name}：各段上限应从小到大`
      }
    }
    if (rule.kind === 'rate' && rule.ratePercent === undefined) fields[at('ratePercent')] = `${name}：请填写给付比例`
    if (rule.kind === 'lump' && !rule.lumpSumFen) fields[at('lumpSumFen')] = `${name}：请填写定额`
    if (rule.capFen > plan.overallCapFen) fields[at('capFen')] = `${name}：年度上限不能高于各类合计上限`
  }
  return fields
}
