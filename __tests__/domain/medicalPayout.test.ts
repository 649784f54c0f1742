import { estimatePayout, roundHalfUp } from '../../cloud/domain/medical/payout'
import { checkPlan, defaultPlan } from '../../cloud/domain/medical/plan'
import type { ApprovedSoFar } from '../../types/medical'

const plan = defaultPlan(2026)
const nothingYet: ApprovedSoFar = { byCategoryFen: {}, totalFen: 0, onceTaken: [] }
const yuan = (y: number) => Math.round(y * 100)

describe('medical mutual aid: the payout of a claim (DOMAIN.md §4)', () => {
  it('the worked example: one stay with 12,500 self-paid pays 5,000×50 % + 7,000×60 % = 6,700.00', () => {
    const e = estimatePayout(plan, 'inpatient', yuan(12_500), nothingYet)
    expect(e.deductibleFen).toBe(yuan(500))
    expect(e.baseFen).toBe(yuan(12_000))
    expect(e.lines.map((l) => [l.baseFen, l.ratePercent])).toEqual([
      [yuan(5_000), 50],
      [yuan(7_000), 60],
    ])
    expect(e.payoutFen).toBe(yuan(6_700))
  })

  it('the worked example, second stay: base 30,000 pays 2,500 + 9,000 + 7,000 = 18,500, within the 23,300 left', () => {
    const approved: ApprovedSoFar = { byCategoryFen: { inpatient: yuan(6_700) }, totalFen: yuan(6_700), onceTaken: [] }
    const e = estimatePayout(plan, 'inpatient', yuan(30_500), approved)
    expect(e.lines.map((l) => l.payCentiFen / 100)).toEqual([yuan(2_500), yuan(9_000), yuan(7_000)])
    expect(e.computedFen).toBe(yuan(18_500))
    expect(e.payoutFen).toBe(yuan(18_500))
    expect(e.limitedBy).toBeUndefined()
  })

  it('takes the 500 deductible from each admission, and pays nothing on a stay at or under it', () => {
    expect(estimatePayout(plan, 'inpatient', yuan(500), nothingYet)).toMatchObject({ deductibleFen: yuan(500), baseFen: 0, payoutFen: 0 })
    expect(estimatePayout(plan, 'inpatient', yuan(300), nothingYet)).toMatchObject({ deductibleFen: yuan(300), payoutFen: 0 })
    expect(estimatePayout(plan, 'inpatient', yuan(501), nothingYet).payoutFen).toBe(yuan(0.5))
  })

  it.each([
    ['the top of the first band', 5_500, 2_500],
    ['a fen into the second band', 5_500.01, 2_500.01],
    ['the top of the second band', 20_500, 11_500],
    ['a fen into the third band', 20_500.01, 11_500.01],
  ])('pays each band its own rate at %s', (_edge, selfPaid, payout) => {
    expect(estimatePayout(plan, 'inpatient', yuan(selfPaid), nothingYet).payoutFen).toBe(yuan(payout))
  })

  it('rounds the sum, not each band, half up to the fen', () => {
    // 0.01 yuan over the deductible: half a fen at 50 % → 1 fen.
    expect(estimatePayout(plan, 'inpatient', yuan(500.01), nothingYet).payoutFen).toBe(1)
    // A base of 5,000.01: 2,500 yuan and 0.6 fen, kept exact until the total.
    expect(estimatePayout(plan, 'inpatient', yuan(5_500.01), nothingYet).lines.map((l) => l.payCentiFen)).toEqual([25_000_000, 60])
    // Special outpatient 40 % of 0.01 yuan is 0.4 fen → 0; of 0.02 yuan 0.8 fen → 1.
    expect(estimatePayout(plan, 'special_outpatient', 1, nothingYet).payoutFen).toBe(0)
    expect(estimatePayout(plan, 'special_outpatient', 2, nothingYet).payoutFen).toBe(1)
    expect(roundHalfUp(150, 100)).toBe(2)
    expect(roundHalfUp(149, 100)).toBe(1)
  })

  it('caps a category by what was already approved in it this year, and says so', () => {
    const approved: ApprovedSoFar = { byCategoryFen: { inpatient: yuan(25_000) }, totalFen: yuan(25_000), onceTaken: [] }
    const e = estimatePayout(plan, 'inpatient', yuan(20_500), approved)
    expect(e.computedFen).toBe(yuan(11_500))
    expect(e.payoutFen).toBe(yuan(5_000))
    expect(e.limitedBy).toContain('住院每年最多30,000.00\u00a0元，已批准25,000.00\u00a0元，还剩5,000.00\u00a0元')
  })

  it('caps all categories together at 50,000 a year, counting earlier approvals', () => {
    const approved: ApprovedSoFar = {
      byCategoryFen: { inpatient: yuan(20_000), critical_illness: yuan(10_000), accident: yuan(5_000), special_outpatient: yuan(9_000) },
      totalFen: yuan(44_000),
      onceTaken: ['critical_illness'],
    }
    const e = estimatePayout(plan, 'inpatient', yuan(20_500), approved)
    expect(e.payoutFen).toBe(yuan(6_000))
    expect(e.limitedBy).toContain('今年各类合计最多50,000.00\u00a0元')
  })

  it('pays special outpatient 40 %, accident 80 %, up to their caps, with no deductible', () => {
    expect(estimatePayout(plan, 'special_outpatient', yuan(10_000), nothingYet)).toMatchObject({ deductibleFen: 0, payoutFen: yuan(4_000) })
    expect(estimatePayout(plan, 'special_outpatient', yuan(30_000), nothingYet).payoutFen).toBe(yuan(10_000))
    expect(estimatePayout(plan, 'accident', yuan(1_000), nothingYet).payoutFen).toBe(yuan(800))
    expect(estimatePayout(plan, 'accident', yuan(10_000), nothingYet).payoutFen).toBe(yuan(5_000))
  })

  it('pays the critical-illness lump sum of 10,000 once a plan year', () => {
    expect(estimatePayout(plan, 'critical_illness', yuan(3_000), nothingYet).payoutFen).toBe(yuan(10_000))
    const second = estimatePayout(plan, 'critical_illness', yuan(3_000), { byCategoryFen: {}, totalFen: 0, onceTaken: ['critical_illness'] })
    expect(second.payoutFen).toBe(0)
    expect(second.limitedBy).toContain('每个保障年度只给付一次')
  })

  it('checks a plan an admin writes: bands rise and end open, caps within the overall cap', () => {
    expect(checkPlan(plan)).toEqual({})
    const bad = structuredClone(plan)
    bad.categories.inpatient.bands = [{ uptoFen: 500_000, ratePercent: 50 }, { uptoFen: 400_000, ratePercent: 60 }, { ratePercent: 70 }]
    bad.categories.accident.capFen = 6_000_000
    bad.categories.special_outpatient.ratePercent = undefined
    expect(checkPlan(bad)).toEqual({
      'categories.inpatient.bands': '住院：各段上限应从小到大',
      'categories.special_outpatient.ratePercent': '特殊病种门诊：请填写给付比例',
      'categories.accident.capFen': '意外伤害：年度上限不能高于各类合计上限',
    })
  })
})
