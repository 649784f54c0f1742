import { defaultProgrammes, tierOfHelp } from '../../cloud/domain/aid/programmes'
import { assessTier } from '../../cloud/domain/aid/tier'

/** A household of `size` whose net income puts each member at exactly `perCapitaYuan` a month. */
const household = (size: number, perCapitaYuan: number, extra = {}) => ({
  householdSize: size,
  annualIncomeFen: Math.round(perCapitaYuan * 100) * 12 * size + 600_000,
  unavoidableSpendingFen: 600_000,
  ...extra,
})

describe('the hardship tier with the 低保 line L = 1,200 yuan a month', () => {
  it('is 深度困难 just below L, and not at L', () => {
    expect(assessTier(household(3, 1199.99)).tiers).toEqual(['deep'])
    expect(assessTier(household(3, 1200)).tiers).toEqual(['relative'])
  })

  it('is 相对困难 below 2L, and not eligible at 2L', () => {
    expect(assessTier(household(4, 2399.99)).tiers).toEqual(['relative'])
    const atTwice = assessTier(household(4, 2400))
    expect(atTwice.tiers).toEqual([])
    expect(atTwice.reason).toContain('暂不符合')
  })

  it('subtracts unavoidable spending before dividing by 12 and by the household', () => {
    // 48,000 income − 12,000 spending = 36,000 a year; ÷ 12 ÷ 3 = 1,000 a month: below L.
    const r = assessTier({ householdSize: 3, annualIncomeFen: 4_800_000, unavoidableSpendingFen: 1_200_000 })
    expect(r.perCapitaMonthlyFen).toBe(100_000)
    expect(r.tiers).toEqual(['deep'])
    expect(r.reason).toBe('家庭人均月收入约1,000.00\u00a0元，低于低保线1,200.00\u00a0元')
  })

  it('adds 意外致困 when a sudden event cost more than 80 % of the annual income, whatever the formula says', () => {
    const base = { householdSize: 2, annualIncomeFen: 10_000_000, unavoidableSpendingFen: 0 }
    expect(assessTier({ ...base, suddenEventCostFen: 8_000_000 }).tiers).toEqual([])
    expect(assessTier({ ...base, suddenEventCostFen: 8_000_001 }).tiers).toEqual(['accident'])
    expect(assessTier({ householdSize: 1, annualIncomeFen: 1_000_000, unavoidableSpendingFen: 0, suddenEventCostFen: 900_000 }).tiers).toEqual([
      'deep',
      'accident',
    ])
  })

  it('asks a migrant worker for a year of work in the city first', () => {
    expect(assessTier(household(3, 800, { monthsWorkedInCity: 11 })).tiers).toEqual([])
    expect(assessTier(household(3, 800, { monthsWorkedInCity: 12 })).tiers).toEqual(['deep'])
  })

  it('follows a different line when the union sets one', () => {
    expect(assessTier(household(1, 1300), 140_000).tiers).toEqual(['deep'])
  })
})

describe('the tier the help is given under (what the figures count by)', () => {
  const [, summer, autumn, winter] = defaultProgrammes(2026)
  it('is 意外致困 where the programme pays for a sudden event, else the formula tier, and none without a means test', () => {
    expect(tierOfHelp(winter, ['deep', 'accident'])).toBe('accident')
    expect(tierOfHelp(autumn, ['deep', 'accident'])).toBe('deep')
    expect(tierOfHelp(autumn, ['relative'])).toBe('relative')
    expect(tierOfHelp(summer, ['deep'])).toBe('none')
    expect(tierOfHelp(winter, [])).toBe('none')
  })
})
