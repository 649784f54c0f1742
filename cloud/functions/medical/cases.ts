import { caseUrl } from '../../../types/services'
import { CATEGORY_NAMES, MEDICAL_MATERIAL_NAMES, type Estimate, type MedicalCategory, type MedicalMaterial, type Plan } from '../../../types/medical'
import type { CaseRecord } from '../../core/cases/record'
import { APPLICANT_REVEALABLE, applicantRows, type Applicant } from '../../core/cases/open'
import type { CaseServiceSpec } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { invalid } from '../../core/errors'
import { maskBankAccount } from '../../domain/identity/mask'
import { estimatePayout, estimateRows } from '../../domain/medical/payout'
import { defaultPlan } from '../../domain/medical/plan'
import { formatYuan } from '../../domain/money'
import { ledgerId, ledgerOf, type LedgerRecord } from './ledger'
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

const yuan = formatYuan

/** The claim's payout under its plan year's rule, counting every approval of that year as of now. */
async function estimateNow(ctx: Ctx, record: CaseRecord) {
  const d = record.details as unknown as ClaimDetails
  const plan = await planOf(ctx, record.year)
  const approved = await approvedSoFar(ctx, plan, record.ownerId)
  // The claim being decided holds its own once-a-year place: that is not a reason to pay nothing.
  return estimatePayout(plan, d.category, d.selfPaidFen, { ...approved, onceTaken: [] })
}

/** Why an approval of `amountFen` is refused against the estimate, or null. */
function refusalOf(estimate: Estimate, amountFen: number, note: string | undefined) {
  if (amountFen > estimate.payoutFen) {
    const why = estimate.limitedBy ? `（${estimate.limitedBy}）` : ''
    return invalid({ amountFen: `不能高于按规则核算的 ${yuan(estimate.payoutFen)}${why}` })
  }
  if (amountFen < estimate.payoutFen && !(note && note.trim().length >= 2)) {
    return invalid({ note: `比核算的 ${yuan(estimate.payoutFen)} 低，请写明原因` })
  }
  return null
}

export const medicalCaseSpec: CaseServiceSpec<ClaimSealed> = {
  service: 'medical',
  caseLink: (caseId) => caseUrl('medical', caseId),
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

  /** The member's ledger of the plan year as stored, or as their approved claims make it (written only with the approval). */
  async prepareApproval(ctx, record) {
    return (await ledgerOf(ctx, record.ownerId, record.year)).ledger
  },

  /**
   * The estimate again, inside the approval's transaction, from the person's ledger of the plan year:
   * never above it, lower only with a reason; then the ledger is raised by the amount.
   */
  async approveInTransaction(ctx, t, record, { amountFen, note }, prepared) {
    const d = record.details as unknown as ClaimDetails
    const plan = (await t.tx.collection<Plan>('medical_plans').doc(String(record.year)).get()).data ?? defaultPlan(record.year)
    const ref = t.tx.collection<LedgerRecord>('medical_ledgers').doc(ledgerId(record.ownerId, record.year))
    const { data: stored } = await ref.get()
    // The first approval of the year writes the ledger, in its own transaction; a second one at the
    // same moment meets it as a duplicate and writes nothing.
    const ledger = stored ?? (prepared as LedgerRecord)
    if (!stored) await t.tx.collection<LedgerRecord>('medical_ledgers').add({ data: ledger })
    const estimate = estimatePayout(plan, d.category, d.selfPaidFen, { byCategoryFen: ledger.byCategoryFen, totalFen: ledger.totalFen, onceTaken: [] })
    const refusal = refusalOf(estimate, amountFen, note)
    if (refusal) throw refusal
    const _ = ctx.db.command
    await ref.update({ data: { [`byCategoryFen.${d.category}`]: _.inc(amountFen), totalFen: _.inc(amountFen), updatedAt: ctx.now() } })
  },
}
