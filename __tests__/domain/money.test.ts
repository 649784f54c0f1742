import { formatYuan } from '../../cloud/domain/money'
import { estimatePayout, estimateRows } from '../../cloud/domain/medical/payout'
import { defaultPlan } from '../../cloud/domain/medical/plan'
import { assessTier } from '../../cloud/domain/aid/tier'

/** The no-break space the formatter puts before 元, so an amount never breaks across lines. */
const NB = '\u00a0'

describe('formatYuan: the one way an amount is written', () => {
  it.each([
    [0, `0.00${NB}元`],
    [5, `0.05${NB}元`],
    [99_99, `99.99${NB}元`],
    [1000_00, `1,000.00${NB}元`],
    [6700_00, `6,700.00${NB}元`],
    [123456789_01, `123,456,789.01${NB}元`],
    [-50_50, `-50.50${NB}元`],
    [Number.MAX_SAFE_INTEGER, `90,071,992,547,409.91${NB}元`],
  ])('%d fen is %s', (fen, words) => {
    expect(formatYuan(fen)).toBe(words)
  })

  it('leaves out .00 of a whole number of yuan and the unit only when asked', () => {
    expect(formatYuan(5000_00, { cents: false })).toBe(`5,000${NB}元`)
    expect(formatYuan(5000_50, { cents: false })).toBe(`5,000.50${NB}元`)
    expect(formatYuan(20000_00, { cents: false, unit: false })).toBe('20,000')
  })

  it('does not need Intl: the result is the same with Intl and toLocaleString taken away', () => {
    const intl = globalThis.Intl
    const toLocale = Number.prototype.toLocaleString
    try {
      // Some WeChat Android engines ship without Intl.
      ;(globalThis as { Intl?: unknown }).Intl = undefined
      Number.prototype.toLocaleString = () => {
        throw new Error('toLocaleString used')
      }
      expect(formatYuan(6700_00)).toBe(`6,700.00${NB}元`)
    } finally {
      globalThis.Intl = intl
      Number.prototype.toLocaleString = toLocale
    }
  })

  it('is what the medical breakdown and the aid tier reason print (DOMAIN.md §4 worked example)', () => {
    const e = estimatePayout(defaultPlan(2026), 'inpatient', 12_500_00, { byCategoryFen: {}, totalFen: 0, onceTaken: [] })
    const rows = estimateRows(e)
    expect(rows).toEqual(
      expect.arrayContaining([
        { label: `0–5,000${NB}元部分`, value: `5,000.00${NB}元 × 50% = 2,500.00${NB}元` },
        { label: `5,000–20,000${NB}元部分`, value: `7,000.00${NB}元 × 60% = 4,200.00${NB}元` },
        { label: '预计可报', value: `6,700.00${NB}元` },
      ]),
    )
    const tier = assessTier({ householdSize: 1, annualIncomeFen: 12_000_00, unavoidableSpendingFen: 0 }, 1200_00)
    expect(tier.reason).toBe(`家庭人均月收入约1,000.00${NB}元，低于低保线1,200.00${NB}元`)
  })
})
