import { CATEGORY_NAMES, MEDICAL_MATERIAL_NAMES, type Estimate, type MedicalCategory, type MedicalMaterial } from '../../../types/medical'
import type { CaseRecord } from '../../core/cases/record'
import { APPLICANT_REVEALABLE, applicantRows, type Applicant } from '../../core/cases/open'
import type { CaseServiceSpec } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { invalid } from '../../core/errors'
import { maskBankAccount } from '../../domain/identity/mask'
import { estimatePayout, estimateRows } from '../../domain/medical/payout'
import { approvedSoFar, planOf } from './plans'

/** The plain particulars of a claim, with the estimate as computed at submission. */
export interface ClaimDetails {
  category: MedicalCategory
  hospital: string
  admissionDate?: string
  dischargeDate?: string
  billDate?: string
  selfPaidFen: number
  estimate: Estimate
}

export interface ClaimSealed {
  applicant: Applicant
  diagnosis: string
  bankAccount: { bankName: string; accountNo: string }
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`

/** The claim's payout under its plan year's rule, counting every other approval of that year as of now. */
async function estimateNow(ctx: Ctx, record: CaseRecord) {
  const d = record.details as unknown as ClaimDetails
  const plan = await planOf(ctx, record.year)
  return estimatePayout(plan, d.category, d.selfPaidFen, await approvedSoFar(ctx, plan, record.ownerId, record._id))
}

export const medicalCaseSpec: CaseServiceSpec<ClaimSealed> = {
  service: 'medical',
  caseLink: (caseId) => `/packages/medical/case/index?caseId=${encodeURIComponent(caseId)}`,
  materialName: (key) => MEDICAL_MATERIAL_NAMES[key as MedicalMaterial] ?? key,

  rows(record, sealed, forDesk) {
    const d = record.details as unknown as ClaimDetails
    const when = d.category === 'inpatient' ? `${d.admissionDate} 至 ${d.dischargeDate}` : `${d.billDate}`
    return [
      ...applicantRows(record, sealed.applicant, forDesk),
      { label: '类别', value: CATEGORY_NAMES[d.category] },
      { label: '医院', value: d.hospital },
      { label: d.category === 'inpatient' ? '住院日期' : '票据日期', value: when },
      { label: '诊断', value: forDesk ? '（已隐藏）' : sealed.diagnosis, revealable: forDesk ? 'diagnosis' : undefined },
      { label: '自付金额', value: yuan(d.selfPaidFen) },
      ...estimateRows(d.estimate),
      {
        label: '收款账户',
        value: `${sealed.bankAccount.bankName} ${maskBankAccount(sealed.bankAccount.accountNo)}`,
        revealable: forDesk ? 'bankAccount' : undefined,
      },
    ]
  },

  revealable: {
    ...APPLICANT_REVEALABLE,
    diagnosis: { label: '诊断', value: (_r, s) => s.diagnosis },
    bankAccount: { label: '收款账户', value: (_r, s) => `${s.bankAccount.bankName} ${s.bankAccount.accountNo}` },
  },

  async currentSuggestion(ctx, record) {
    const now = await estimateNow(ctx, record)
    return { suggestedFen: now.payoutFen, maxFen: now.payoutFen, why: now.limitedBy }
  },

  /** The estimate again, now, with what was approved since: never above it; lower only with a reason. */
  async checkApproval(ctx, record: CaseRecord, { amountFen, note }) {
    const now = await estimateNow(ctx, record)
    if (amountFen > now.payoutFen) {
      const why = now.limitedBy ? `（${now.limitedBy}）` : ''
      throw invalid({ amountFen: `不能高于按规则核算的 ${yuan(now.payoutFen)}${why}` })
    }
    if (amountFen < now.payoutFen && !(note && note.trim().length >= 2)) {
      throw invalid({ note: `比核算的 ${yuan(now.payoutFen)} 低，请写明原因` })
    }
  },
}
