import dayjs from 'dayjs'
import type { MedicalCategory } from '../../../types/medical'

export interface ClaimDates {
  category: MedicalCategory
  admissionDate?: string
  dischargeDate?: string
  billDate?: string
}

export type DatesCheck =
  | { ok: true; treatmentDate: string; endDate: string; planYear: number }
  | { ok: false; fields: Record<string, string> }

/** A calendar date that exists: 2026-02-30 does not. */
const real = (d: string | undefined) => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d) && dayjs(d).format('YYYY-MM-DD') === d

/**
 * The dates of a claim (DOMAIN.md §4): a stay has admission ≤ discharge, other claims a bill date;
 * none in the future. The plan year is the year the treatment began; the claim window runs from
 * discharge (or the bill).
 */
export function checkClaimDates(c: ClaimDates, today: string): DatesCheck {
  const fields: Record<string, string> = {}
  let start: string | undefined
  let end: string | undefined
  if (c.category === 'inpatient') {
    if (!real(c.admissionDate)) fields.admissionDate = '请填写正确的入院日期'
    if (!real(c.dischargeDate)) fields.dischargeDate = '请填写正确的出院日期'
    if (!fields.admissionDate && !fields.dischargeDate && c.admissionDate! > c.dischargeDate!) fields.dischargeDate = '出院日期不能早于入院日期'
    start = c.admissionDate
    end = c.dischargeDate
  } else {
    if (!real(c.billDate)) fields.billDate = '请填写正确的票据日期'
    start = end = c.billDate
  }
  if (Object.keys(fields).length === 0 && end! > today) fields[c.category === 'inpatient' ? 'dischargeDate' : 'billDate'] = '日期不能晚于今天'
  if (Object.keys(fields).length > 0) return { ok: false, fields }
  return { ok: true, treatmentDate: start!, endDate: end!, planYear: Number(start!.slice(0, 4)) }
}

/** Days from the end of treatment to `today`, both calendar days in Asia/Shanghai. */
export const daysSince = (endDate: string, today: string) => dayjs(today).diff(dayjs(endDate), 'day')

export const withinWindow = (endDate: string, today: string, windowDays: number) => daysSince(endDate, today) <= windowDays
