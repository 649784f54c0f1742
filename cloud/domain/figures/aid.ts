import { PROGRAMME_NAMES } from '../../../types/aid'
import { TIER_NAMES } from '../aid/tier'
import type { FigureDef, Source } from './definition'
import type { ServiceFigures } from './layout'

const AID: Source = { collection: 'cases', where: [{ field: 'service', is: 'aid' }], time: { field: 'submittedAt', kind: 'ms' } }
const PAID: Source = { ...AID, time: { field: 'paidAt', kind: 'ms' } }
const BY_PROGRAMME = { field: 'kind', title: '按项目', names: PROGRAMME_NAMES }
const BY_TIER = { field: 'details.tier', title: '按困难类别', names: { ...TIER_NAMES, none: '不核对收入' } }

export const AID_APPLICATIONS: FigureDef = {
  key: 'aid.applications',
  title: '帮扶申请',
  unit: '件',
  definition: '本期提交的困难帮扶申请，含后来撤回和未通过的，按项目分。',
  source: AID,
  measure: { kind: 'count' },
  people: 'value',
  by: [BY_PROGRAMME],
}

export const AID_HOUSEHOLDS: FigureDef = {
  key: 'aid.households',
  title: '帮扶户数',
  unit: '户',
  definition: '本期登记发放了帮扶（钱款或物品）的申请人，一户多次只计一次；按项目、按帮扶时核定的困难类别分。',
  source: PAID,
  measure: { kind: 'distinct', field: 'ownerId' },
  people: 'value',
  by: [BY_PROGRAMME, BY_TIER],
}

export const AID_APPROVED: FigureDef = {
  key: 'aid.approved',
  title: '批准金额',
  unit: '万元',
  definition: '本期批准的帮扶金额（物品按登记的价值），含已批准还没有发放的。',
  source: { ...AID, where: [...AID.where, { field: 'status', oneOf: ['approved', 'paid'] }], time: { field: 'decidedAt', kind: 'ms' } },
  measure: { kind: 'sum', field: 'amountFen' },
  people: { distinct: 'ownerId' },
}

export const AID_PAID: FigureDef = {
  key: 'aid.paid',
  title: '发放金额',
  unit: '万元',
  definition: '本期登记发放的帮扶金额（物品按登记的价值），按项目分。',
  source: PAID,
  measure: { kind: 'sum', field: 'amountFen' },
  people: { distinct: 'ownerId' },
  by: [BY_PROGRAMME],
}

export const AID_DAYS_TO_PAY: FigureDef = {
  key: 'aid.daysToPay',
  title: '平均办理天数',
  unit: '天',
  definition: '本期发放的申请，从提交到登记发放的平均天数。',
  source: PAID,
  measure: { kind: 'averageTime', from: 'submittedAt', to: 'paidAt', unit: 'day' },
  people: { distinct: 'ownerId' },
}

export const AID_FIGURES: ServiceFigures = {
  service: 'aid',
  figures: [AID_APPLICATIONS, AID_HOUSEHOLDS, AID_APPROVED, AID_PAID, AID_DAYS_TO_PAY],
  charts: [
    { key: 'aid.paidByMonth', title: '每月发放金额', kind: 'bar', figure: AID_PAID.key },
    { key: 'aid.householdsByProgramme', title: '帮扶户数按项目', kind: 'pie', figure: AID_HOUSEHOLDS.key, by: 'kind' },
  ],
}
