import * as v from 'valibot'
import { consentVersion, freeText, list, moneyFen, nameText, wholeNumber, yearNumber } from './fields'
import { POLICIES } from './policies'
import { AttachmentsInput, BankAccountInput, type CaseContract, type CaseSummary } from './cases'

/** The four seasonal programmes of hardship aid (四季帮扶, DOMAIN.md §3). */
export const PROGRAMME_KINDS = ['spring_jobs', 'summer_cooling', 'autumn_education', 'winter_warmth'] as const
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number]
export const PROGRAMME_NAMES: Record<ProgrammeKind, string> = {
  spring_jobs: '春送岗位',
  summer_cooling: '夏送清凉',
  autumn_education: '金秋助学',
  winter_warmth: '冬送温暖',
}

export const MATERIALS = ['id_card', 'household_register', 'income_proof', 'diagnosis_or_accident', 'admission_letter', 'bank_card'] as const
export type Material = (typeof MATERIALS)[number]
export const MATERIAL_NAMES: Record<Material, string> = {
  id_card: '身份证',
  household_register: '户口本',
  income_proof: '收入证明',
  diagnosis_or_accident: '诊断证明或事故证明',
  admission_letter: '录取通知书',
  bank_card: '银行卡',
}

export const SelfCheckInput = v.object({
  householdSize: wholeNumber('家庭人口', 1, 20, '人'),
  annualIncomeFen: moneyFen('家庭年收入'),
  unavoidableSpendingFen: moneyFen('刚性支出'),
  suddenEventCostFen: v.optional(moneyFen('突发事件支出')),
  /** Only for migrant workers: how long they have worked in the city. */
  monthsWorkedInCity: v.optional(wholeNumber('在本市工作的月数', 0, 1200, '个月')),
})

export const ProgrammeUpsertInput = v.object({
  year: yearNumber(),
  kind: v.picklist(PROGRAMME_KINDS, '请选择帮扶项目'),
  description: freeText('说明', { min: 4, max: 300 }),
  meansTested: v.boolean('请选择是否需要核对家庭收入'),
  deepFen: v.optional(moneyFen('深度困难金额')),
  relativeFen: v.optional(moneyFen('相对困难金额')),
  accidentMaxFen: v.optional(moneyFen('意外致困最高金额')),
  materials: list(v.picklist(MATERIALS, '没有这种材料'), '所需材料', { min: 1, max: MATERIALS.length }),
})

export const ProgrammesInput = v.object({ year: v.optional(yearNumber()) })

export const AidConfigInput = v.object({
  lowIncomeLineFen: moneyFen('低保线', { min: 10_000, max: 1_000_000 }),
})

export interface Programme {
  _id: string
  year: number
  kind: ProgrammeKind
  title: string
  description: string
  meansTested: boolean
  deepFen?: number
  relativeFen?: number
  accidentMaxFen?: number
  materials: Material[]
}

export type TierCode = 'deep' | 'relative' | 'accident'

export interface SelfCheckResult {
  tiers: TierCode[]
  perCapitaMonthlyFen: number
  reason: string
  lowIncomeLineFen: number
  /** What each of this year's programmes could give this household. */
  programmes: Array<{ kind: ProgrammeKind; title: string; eligible: boolean; amountFen?: number; upToFen?: number }>
}

export interface AidContract extends CaseContract {
  apply: { input: v.InferInput<typeof ApplyInput>; output: CaseSummary }
  /** A year's programmes (this year unless asked), and the 低保 line in force. */
  programmes: { input: v.InferInput<typeof ProgrammesInput>; output: { year: number; items: Programme[]; lowIncomeLineFen: number } }
  selfCheck: { input: v.InferInput<typeof SelfCheckInput>; output: SelfCheckResult }
  upsertProgramme: { input: v.InferInput<typeof ProgrammeUpsertInput>; output: Programme }
  setConfig: { input: v.InferInput<typeof AidConfigInput>; output: { lowIncomeLineFen: number } }
}

export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const
export type Relation = (typeof RELATIONS)[number]
export const RELATION_NAMES: Record<Relation, string> = { spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', other: '其他' }

export const HouseholdMemberInput = v.object({
  name: nameText('家庭成员姓名', { min: 2, max: 20 }),
  relation: v.picklist(RELATIONS, '请选择与您的关系'),
  age: wholeNumber('年龄', 0, 120, '岁'),
})

/** The hardship-aid application (DOMAIN.md §3). The household is the worker plus `members`. */
export const ApplyInput = v.object({
  programme: v.picklist(PROGRAMME_KINDS, '请选择帮扶项目'),
  members: list(HouseholdMemberInput, '家庭成员', { max: 19 }),
  annualIncomeFen: SelfCheckInput.entries.annualIncomeFen,
  unavoidableSpendingFen: SelfCheckInput.entries.unavoidableSpendingFen,
  suddenEventCostFen: SelfCheckInput.entries.suddenEventCostFen,
  monthsWorkedInCity: SelfCheckInput.entries.monthsWorkedInCity,
  story: freeText('遇到的困难', { min: 20, max: 1000, required: '请把遇到的困难写清楚，至少20个字' }),
  /** Needed when the programme pays money; 夏送清凉 gives goods. */
  bankAccount: v.optional(BankAccountInput),
  attachments: v.pipe(AttachmentsInput, v.minLength(1, '请至少上传一份材料')),
  consentVersion: consentVersion(POLICIES.aid.title),
  notifyByWeChat: v.optional(v.boolean('是否接收微信通知应为是或否')),
})
export type ApplyInputValue = v.InferOutput<typeof ApplyInput>
