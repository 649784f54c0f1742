import { randomUUID } from 'node:crypto'
import { CATEGORY_NAMES, materialsFor, type ClaimInputValue } from '../../../types/medical'
import { applicantOf, openCase } from '../../core/cases/open'
import { openKeyOf } from '../../core/cases/record'
import type { Ctx } from '../../core/context'
import { failedPrecondition, invalid } from '../../core/errors'
import { checkAttachments } from '../../core/files'
import { checkClaimDates, withinWindow } from '../../domain/medical/claim'
import { estimatePayout } from '../../domain/medical/payout'
import { medicalCaseSpec, type ClaimDetails, type ClaimSealed } from './cases'
import { approvedSoFar, membershipOf, planOf, today } from './plans'

/**
 * A worker's claim: the dates and the plan year, cover that year, the claim window, the once-a-year
 * lump sum (a UNIQUE key), then the payout recomputed here with what was approved this plan year.
 */
export async function submitClaim(ctx: Ctx, input: ClaimInputValue) {
  const applicant = applicantOf(ctx, '申请报销')
  const dates = checkClaimDates(input, today(ctx))
  if (!dates.ok) throw invalid(dates.fields)
  const plan = await planOf(ctx, dates.planYear)
  if (!(await membershipOf(ctx, plan.year))) {
    throw failedPrecondition(`您${plan.year}年没有参加职工医疗互助，不能申请这一年的报销；如已参加，请联系单位工会`)
  }
  if (!withinWindow(dates.endDate, today(ctx), plan.claimWindowDays)) {
    const from = input.category === 'inpatient' ? '出院' : '开票'
    throw failedPrecondition(`已超过${from}后${plan.claimWindowDays}天的申请期限`)
  }
  const rule = plan.categories[input.category]
  const approved = await approvedSoFar(ctx, plan, ctx.user._id)
  if (rule.oncePerYear && approved.onceTaken.includes(input.category)) {
    throw failedPrecondition(`${CATEGORY_NAMES[input.category]}每个保障年度只给付一次，您${plan.year}年已经申请过`)
  }
  const estimate = estimatePayout(plan, input.category, input.selfPaidFen, approved)
  if (estimate.payoutFen === 0) {
    throw failedPrecondition(estimate.limitedBy ?? '按规则这次报销金额为0（自付金额没有超过起付线），不用申请')
  }
  const materials = materialsFor(input.category)
  const attachments = await checkAttachments(ctx, 'medical', input.attachments, materials)

  const sealed: ClaimSealed = { applicant, diagnosis: input.diagnosis, bankAccount: input.bankAccount }
  const details: ClaimDetails = {
    category: input.category,
    hospital: input.hospital,
    admissionDate: input.category === 'inpatient' ? input.admissionDate : undefined,
    dischargeDate: input.category === 'inpatient' ? input.dischargeDate : undefined,
    billDate: input.category === 'inpatient' ? undefined : input.billDate,
    selfPaidFen: input.selfPaidFen,
    estimate,
  }
  const once = `${CATEGORY_NAMES[input.category]}每个保障年度只给付一次，您${plan.year}年已经申请过`
  return openCase(ctx, medicalCaseSpec, {
    kind: input.category,
    year: plan.year,
    title: `${plan.year}年医疗互助·${CATEGORY_NAMES[input.category]}`,
    // Once a year: one key per person and year; otherwise each claim its own.
    openKey: rule.oncePerYear ? openKeyOf('medical', input.category, plan.year, ctx.user._id) : `medical:${randomUUID()}`,
    details,
    sealed,
    materials,
    attachments,
    suggestedFen: estimate.payoutFen,
    maxFen: estimate.payoutFen,
    consentPolicy: 'medical',
    consentVersion: input.consentVersion,
    notifyByWeChat: input.notifyByWeChat,
    conflict: { field: 'category', message: once },
  })
}
