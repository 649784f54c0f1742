import { createHarness, type Harness } from './harness'
import { DRIVERS, yieldToOthers } from './drivers'
import { fileClaim } from './medicalFixtures'

const VOLUNTEER = 'dev-volunteer'

/**
 * The yearly caps are a condition of the approval's write, not a check before it: two approvals of
 * one member's claims, really interleaved (every database operation yields to the other caller),
 * can never both pass the inpatient cap of 30,000 yuan.
 */
describe.each(DRIVERS)('medical caps under concurrent approvals, on the %s driver', (_name, driver) => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness({ driver, yieldBetween: yieldToOthers })
  })
  afterEach(() => h.close())

  it('approves one of two claims that each fit the cap alone but not together, and refuses the other with the amount left', async () => {
    // Self-paid 40,000: base 39,500 → 2,500 + 9,000 + 13,650 = 25,150 yuan each; the category allows 30,000.
    const first = await fileClaim(h, { selfPaidFen: 4_000_000, admissionDate: '2026-10-02', dischargeDate: '2026-10-12' })
    const second = await fileClaim(h, { selfPaidFen: 4_000_000, admissionDate: '2026-11-02', dischargeDate: '2026-11-12' })
    for (const caseId of [first, second]) await h.ok(VOLUNTEER, 'medical', 'claim', { caseId })
    const results = await Promise.all(
      [first, second].map((caseId) => h.call(VOLUNTEER, 'medical', 'approve', { caseId, amountFen: 2_515_000 })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const refused = results.find((r) => !r.ok)
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { amountFen: expect.stringContaining('4,850.00\u00a0元') } } })
    const approved = (await h.all('cases')).filter((c: any) => c.status === 'approved')
    expect(approved.map((c: any) => c.amountFen)).toEqual([2_515_000])
    expect(await h.all('medical_ledgers')).toEqual([expect.objectContaining({ totalFen: 2_515_000, byCategoryFen: expect.objectContaining({ inpatient: 2_515_000 }) })])
  })
})
