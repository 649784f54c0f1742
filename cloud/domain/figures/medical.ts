import { CATEGORY_NAMES } from '../../../types/medical'
import type { FigureDef, Source } from './definition'
import type { ServiceFigures } from './layout'

const CLAIMS: Source = { collection: 'cases', where: [{ field: 'service', is: 'medical' }], time: { field: 'submittedAt', kind: 'ms' } }
const PAID: Source = { ...CLAIMS, time: { field: 'paidAt', kind: 'ms' } }
const BY_CATEGORY = { field: 'kind', title: '按类别', names: CATEGORY_NAMES }

export const MEDICAL_MEMBERS: FigureDef = {
  key: 'medical.members',
  title: '参保人次',
  unit: '人次',
  definition: '本期所在保障年度，工会登记参加职工医疗互助保障的人次（一人一年计一次），按年度分。',
  source: { collection: 'medical_members', where: [], time: { field: 'year', kind: 'year' } },
  measure: { kind: 'count' },
  people: 'value',
  by: [{ field: 'year', title: '按保障年度', names: {}, suffix: '年' }],
}

export const MEDICAL_CLAIMS: FigureDef = {
  key: 'medical.claims',
  title: '报销申请',
  unit: '件',
  definition: '本期提交的医疗互助报销申请，按类别分。',
  source: CLAIMS,
  measure: { kind: 'count' },
  people: 'value',
  by: [BY_CATEGORY],
}

export const MEDICAL_PAID_CLAIMS: FigureDef = {
  key: 'medical.paidClaims',
  title: '获赔人次',
  unit: '人次',
  definition: '本期登记发放赔付的申请，一份申请计一次，按类别分。',
  source: PAID,
  measure: { kind: 'count' },
  people: 'value',
  by: [BY_CATEGORY],
}

export const MEDICAL_PAID: FigureDef = {
  key: 'medical.paid',
  title: '赔付金额',
  unit: '万元',
  definition: '本期登记发放的赔付金额，按类别分。',
  source: PAID,
  measure: { kind: 'sum', field: 'amountFen' },
  people: { distinct: 'ownerId' },
  by: [BY_CATEGORY],
}

export const MEDICAL_DAYS_TO_PAY: FigureDef = {
  key: 'medical.daysToPay',
  title: '平均赔付天数',
  unit: '天',
  definition: '本期赔付的申请，从提交到登记发放的平均天数。',
  source: PAID,
  measure: { kind: 'averageTime', from: 'submittedAt', to: 'paidAt', unit: 'day' },
  people: { distinct: 'ownerId' },
}

export const MEDICAL_DECLINED: FigureDef = {
  key: 'medical.declined',
  title: '未获赔',
  unit: '件',
  definition: '本期审核未通过的报销申请，按类别分。',
  source: { ...CLAIMS, where: [...CLAIMS.where, { field: 'status', is: 'rejected' }], time: { field: 'decidedAt', kind: 'ms' } },
  measure: { kind: 'count' },
  people: 'value',
  by: [BY_CATEGORY],
}

export const MEDICAL_FIGURES: ServiceFigures = {
  service: 'medical',
  figures: [MEDICAL_MEMBERS, MEDICAL_CLAIMS, MEDICAL_PAID_CLAIMS, MEDICAL_PAID, MEDICAL_DAYS_TO_PAY, MEDICAL_DECLINED],
  charts: [
    { key: 'medical.paidByMonth', title: '每月赔付金额', kind: 'bar', figure: MEDICAL_PAID.key },
    { key: 'medical.claimsByCategory', title: '报销申请按类别', kind: 'pie', figure: MEDICAL_CLAIMS.key, by: 'kind' },
  ],
}
