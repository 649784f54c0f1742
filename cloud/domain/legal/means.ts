import { MEANS_TEST_EXEMPT, type LegalCategory } from '../../../types/legal'
import { assessTier, type HouseholdSituation } from '../aid/tier'

/**
 * The means test of legal help (DOMAIN.md §5): the hardship-aid tier rule on the household's
 * income; a migrant worker (by their own declaration) with a wage-arrears or work-injury case skips it.
 */
export function meansTestApplies(category: LegalCategory | '', migrant: boolean): boolean {
  return !(migrant && (MEANS_TEST_EXEMPT as readonly string[]).includes(category))
}

export interface MeansResult {
  exempt: boolean
  /** Within the tier rule (or exempt). */
  eligible: boolean
  text: string
}

export function meansTest(category: LegalCategory, migrant: boolean, household: HouseholdSituation | null, lineFen: number): MeansResult {
  if (!meansTestApplies(category, migrant)) {
    return { exempt: true, eligible: true, text: '外来务工人员的欠薪、工伤案件，不用核对家庭经济状况' }
  }
  if (!household) return { exempt: false, eligible: false, text: '没有填写家庭经济状况' }
  const { tiers, reason } = assessTier({ ...household, monthsWorkedInCity: undefined }, lineFen)
  return tiers.length
    ? { exempt: false, eligible: true, text: `符合经济困难条件：${reason}` }
    : { exempt: false, eligible: false, text: reason.replace('暂不符合帮扶条件', '不符合法律援助的经济困难条件') }
}
