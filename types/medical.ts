import * as v from 'valibot'
import { consentVersion, calendarDate, freeText, list, moneyFen, nameText, wholeNumber, yearNumber } from './fields'
import { POLICIES } from './policies'
import { AttachmentsInput, BankAccountInput, type CaseContract, type CaseSummary } from './cases'

/** The claim categories of the mutual-aid plan (DOMAIN.md §4). */
export const MEDICAL_CATEGORIES = ['inpatient', 'special_outpatient', 'critical_illness', 'accident'] as const
export type MedicalCategory = (typeof MEDICAL_CATEGORIES)[number]
export const CATEGORY_NAMES: Record<MedicalCategory, string> = {
  inpatient: '住院',
  special_outpatient: '特殊病种门诊',
  critical_illness: '重大疾病',
  accident: '意外伤害',
}

export const MEDICAL_MATERIALS = ['discharge_summary', 'invoice', 'itemised_bill', 'insurance_settlement', 'bank_card'] as const
export type MedicalMaterial = (typeof MEDICAL_MATERIALS)[number]
export const MEDICAL_MATERIAL_NAMES: Record<MedicalMaterial, string> = {
  discharge_summary: '出院小结',
  invoice: '发票',
  itemised_bill: '费用清单',
  insurance_settlement: '医保结算单',
  bank_card: '银行卡',
}

/** The checklist of DOMAIN.md §4 for a category; a discharge summary only for a stay. */
export const materialsFor = (category: string): MedicalMaterial[] =>
  category === 'inpatient' ? [...MEDICAL_MATERIALS] : MEDICAL_MATERIALS.filter((m) => m !== 'discharge_summary')

/** A band of a progressive payout: the part of the base up to `uptoFen` (no limit when absent). */
export interface Band {
  uptoFen?: number
  ratePercent: number
}

/** How one category pays *(config per plan year)*. */
export interface CategoryRule {
  /** `banded`: (self-paid − deductible per admission) paid by bands; `rate`: a share of the self-paid amount; `lump`: a fixed sum. */
  kind: 'banded' | 'rate' | 'lump'
  deductibleFen?: number
  bands?: Band[]
  ratePercent?: number
  lumpSumFen?: number
  /** At most this much a person a plan year in this category. */
  capFen: number
  /** Paid at most once a plan year (重大疾病). */
  oncePerYear?: boolean
}

export interface Plan {
  _id: string
  year: number
  feeFen: number
  /** Claims within this many days of discharge (or of the outpatient bill). */
  claimWindowDays: number
  /** All categories together, a person a plan year. */
  overallCapFen: number
  categories: Record<MedicalCategory, CategoryRule>
}

/** What was already approved for this person in the plan year, which the caps count. */
export interface ApprovedSoFar {
  byCategoryFen: Partial<Record<MedicalCategory, number>>
  totalFen: number
  /** Claims of a once-a-year category already approved or under way. */
  onceTaken: MedicalCategory[]
}

export interface EstimateLine {
  label: string
  baseFen: number
  ratePercent: number
  /** The exact share in hundredths of a fen (base × rate), rounded only in the total. */
  payCentiFen: number
}

export interface Estimate {
  category: MedicalCategory
  selfPaidFen: number
  deductibleFen: number
  baseFen: number
  lines: EstimateLine[]
  /** Before the caps, rounded half up to the fen. */
  computedFen: number
  categoryCapFen: number
  categoryUsedFen: number
  overallCapFen: number
  overallUsedFen: number
  payoutFen: number
  /** In plain words, what limited the payout, when something did. */
  limitedBy?: string
}

export const ClaimInput = v.object({
  category: v.picklist(MEDICAL_CATEGORIES, '请选择报销类别'),
  hospital: nameText('医院名称', { min: 2, max: 60 }),
  /** Inpatient: admission and discharge; the other categories: the bill date. */
  admissionDate: v.optional(calendarDate('入院日期')),
  dischargeDate: v.optional(calendarDate('出院日期')),
  billDate: v.optional(calendarDate('票据日期')),
  selfPaidFen: moneyFen('自付金额', { min: 1 }),
  diagnosis: freeText('诊断', { min: 2, max: 100 }),
  bankAccount: BankAccountInput,
  attachments: v.pipe(AttachmentsInput, v.minLength(1, '请至少上传一份材料')),
  consentVersion: consentVersion(POLICIES.medical.title),
  notifyByWeChat: v.optional(v.boolean('是否接收微信通知应为是或否')),
})
export type ClaimInputValue = v.InferOutput<typeof ClaimInput>

const capFen = (what: string) => moneyFen(what, { max: 100_000_000 })
const percent = (what: string) => wholeNumber(what, 0, 100, '%')

const CategoryRuleInput = v.object({
  kind: v.picklist(['banded', 'rate', 'lump'], '请选择计算方式'),
  deductibleFen: v.optional(capFen('起付线')),
  bands: v.optional(list(v.object({ uptoFen: v.optional(capFen('分段上限')), ratePercent: percent('分段比例') }), '分段', { max: 6 })),
  ratePercent: v.optional(percent('比例')),
  lumpSumFen: v.optional(capFen('定额')),
  capFen: capFen('年度上限'),
  oncePerYear: v.optional(v.boolean('是否每年一次应为是或否')),
})

export const PlanInput = v.object({
  year: yearNumber(),
  feeFen: capFen('会费'),
  claimWindowDays: wholeNumber('申请期限', 1, 730, '天'),
  overallCapFen: capFen('年度总上限'),
  categories: v.object({
    inpatient: CategoryRuleInput,
    special_outpatient: CategoryRuleInput,
    critical_illness: CategoryRuleInput,
    accident: CategoryRuleInput,
  }),
})

export const PlanYearInput = v.object({ year: v.optional(yearNumber()) })

/** The CSV of members: 2,000 rows of name, ID number, employer and year fit well within this. */
export const MAX_IMPORT_CHARS = 400_000

export const ImportMembersInput = v.object({
  /** The CSV as text: 姓名,身份证号,单位,年份 — a header line is optional. */
  csv: v.pipe(v.string('请选择CSV文件'), v.minLength(1, '文件是空的'), v.maxLength(MAX_IMPORT_CHARS, '文件太大，请分批导入（每次最多2000行）')),
  /** false: only check and report; true: import the rows that pass, all in one step. */
  commit: v.boolean('请选择只检查还是导入'),
})

export interface ImportReport {
  rows: number
  accepted: number
  refused: Array<{ line: number; reason: string }>
  imported: number
}

export interface Coverage {
  year: number
  covered: boolean
  employer?: string
  plan: Plan
  /** What this person already had approved this plan year. */
  approved: ApprovedSoFar
}

export interface MedicalContract extends CaseContract {
  plan: { input: v.InferInput<typeof PlanYearInput>; output: Plan }
  upsertPlan: { input: v.InferInput<typeof PlanInput>; output: Plan }
  importMembers: { input: v.InferInput<typeof ImportMembersInput>; output: ImportReport }
  coverage: { input: v.InferInput<typeof PlanYearInput>; output: Coverage }
  submitClaim: { input: v.InferInput<typeof ClaimInput>; output: CaseSummary }
}
