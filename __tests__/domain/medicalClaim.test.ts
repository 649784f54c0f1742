import { checkClaimDates, withinWindow } from '../../cloud/domain/medical/claim'

describe('medical mutual aid: the dates of a claim', () => {
  const today = '2026-11-30'

  it('takes a stay from admission to discharge, in the plan year it began', () => {
    expect(checkClaimDates({ category: 'inpatient', admissionDate: '2025-12-28', dischargeDate: '2026-01-05' }, today)).toEqual({
      ok: true,
      treatmentDate: '2025-12-28',
      endDate: '2026-01-05',
      planYear: 2025,
    })
  })

  it('refuses dates in the wrong order, dates that do not exist and dates in the future', () => {
    expect(checkClaimDates({ category: 'inpatient', admissionDate: '2026-03-10', dischargeDate: '2026-03-01' }, today)).toEqual({
      ok: false,
      fields: { dischargeDate: '出院日期不能早于入院日期' },
    })
    expect(checkClaimDates({ category: 'inpatient', admissionDate: '2026-02-30', dischargeDate: '2026-03-01' }, today)).toMatchObject({
      ok: false,
      fields: { admissionDate: '请填写正确的入院日期' },
    })
    expect(checkClaimDates({ category: 'accident', billDate: '2026-12-01' }, today)).toEqual({ ok: false, fields: { billDate: '日期不能晚于今天' } })
    expect(checkClaimDates({ category: 'special_outpatient' }, today)).toEqual({ ok: false, fields: { billDate: '请填写正确的票据日期' } })
  })

  it('counts the 180-day window from discharge or the bill, the 180th day still inside', () => {
    expect(withinWindow('2026-06-03', today, 180)).toBe(true)
    expect(withinWindow('2026-06-02', today, 180)).toBe(false)
  })
})
