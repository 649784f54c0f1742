import * as v from 'valibot'
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

const fen = (what: string) => v.pipe(v.number(`${what}应为数字`), v.integer(`${what}以分为单位`), v.minValue(0, `${what}不能为负`))

export const SelfCheckInput = v.object({
  householdSize: v.pipe(v.number('请填写家庭人口'), v.integer('家庭人口应为整数'), v.minValue(1, '家庭人口至少1人'), v.maxValue(20, '家庭人口最多20人')),
  annualIncomeFen: v.pipe(fen('家庭年收入'), v.maxValue(100_000_000_00, '家庭年收入过高')),
  unavoidableSpendingFen: v.pipe(fen('刚性支出'), v.maxValue(100_000_000_00, '刚性支出过高')),
  suddenEventCostFen: v.optional(v.pipe(fen('突发事件支出'), v.maxValue(100_000_000_00, '突发事件支出过高'))),
  /** Only for migrant workers: how long they have worked in the city. */
  monthsWorkedInCity: v.optional(v.pipe(v.number('请填写在本市工作的月数'), v.integer(), v.minValue(0), v.maxValue(1200))),
})

export const ProgrammeUpsertInput = v.object({
  year: v.pipe(v.number('请填写年份'), v.integer(), v.minValue(2024, '年份不正确'), v.maxValue(2100, '年份不正确')),
  kind: v.picklist(PROGRAMME_KINDS, '请选择帮扶项目'),
  description: v.pipe(v.string('请填写说明'), v.trim(), v.minLength(4, '说明至少4个字'), v.maxLength(300, '说明最多300个字')),
  meansTested: v.boolean('请选择是否需要核对家庭收入'),
  deepFen: v.optional(fen('深度困难金额')),
  relativeFen: v.optional(fen('相对困难金额')),
  accidentMaxFen: v.optional(fen('意外致困最高金额')),
  materials: v.pipe(v.array(v.picklist(MATERIALS, '没有这种材料'), '请选择所需材料'), v.minLength(1, '请至少选择一种材料')),
})

export const ProgrammesInput = v.object({
  year: v.optional(v.pipe(v.number('年份不正确'), v.integer('年份不正确'), v.minValue(2024, '年份不正确'), v.maxValue(2100, '年份不正确'))),
})

export const AidConfigInput = v.object({
  lowIncomeLineFen: v.pipe(fen('低保线'), v.minValue(10_000, '低保线不正确'), v.maxValue(1_000_000, '低保线不正确')),
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

export const AID_DATA_POLICY = { version: '2026.11', title: '困难帮扶敏感信息收集说明' } as const

export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const
export type Relation = (typeof RELATIONS)[number]
export const RELATION_NAMES: Record<Relation, string> = { spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', other: '其他' }

export const HouseholdMemberInput = v.object({
  name: v.pipe(v.string('请填写家庭成员姓名'), v.trim(), v.minLength(2, '姓名至少2个字'), v.maxLength(20, '姓名最多20个字')),
  relation: v.picklist(RELATIONS, '请选择与您的关系'),
  age: v.pipe(v.number('请填写年龄'), v.integer('年龄应为整数'), v.minValue(0, '年龄不正确'), v.maxValue(120, '年龄不正确')),
})

/** The hardship-aid application (DOMAIN.md §3). The household is the worker plus `members`. */
export const ApplyInput = v.object({
  programme: v.picklist(PROGRAMME_KINDS, '请选择帮扶项目'),
  members: v.pipe(v.array(HouseholdMemberInput, '家庭成员格式不正确'), v.maxLength(19, '家庭成员最多19人')),
  annualIncomeFen: SelfCheckInput.entries.annualIncomeFen,
  unavoidableSpendingFen: SelfCheckInput.entries.unavoidableSpendingFen,
  suddenEventCostFen: SelfCheckInput.entries.suddenEventCostFen,
  monthsWorkedInCity: SelfCheckInput.entries.monthsWorkedInCity,
  story: v.pipe(v.string('请写明遇到的困难'), v.trim(), v.minLength(20, '请把遇到的困难写清楚，至少20个字'), v.maxLength(1000, '最多1000个字')),
  /** Needed when the programme pays money; 夏送清凉 gives goods. */
  bankAccount: v.optional(BankAccountInput),
  attachments: v.pipe(AttachmentsInput, v.minLength(1, '请至少上传一份材料')),
  consentVersion: v.literal(AID_DATA_POLICY.version, '请阅读并同意敏感信息收集说明'),
  notifyByWeChat: v.optional(v.boolean()),
})
export type ApplyInputValue = v.InferOutput<typeof ApplyInput>
