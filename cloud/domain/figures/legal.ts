import { LEGAL_CATEGORY_NAMES, OUTCOME_NAMES } from '../../../types/legal'
import type { FigureDef, Source } from './definition'
import type { ServiceFigures } from './layout'

const LEGAL: Source = { collection: 'cases', where: [{ field: 'service', is: 'legal' }], time: { field: 'submittedAt', kind: 'ms' } }
/** The cases answered on aid in the period: granted (and later closed) or declined. */
const DECIDED: Source = { ...LEGAL, where: [...LEGAL.where, { field: 'status', oneOf: ['granted', 'closed', 'declined'] }], time: { field: 'decidedAt', kind: 'ms' } }
const CLOSED: Source = { ...LEGAL, time: { field: 'details.outcome.at', kind: 'ms' } }

export const LEGAL_CONSULTATIONS: FigureDef = {
  key: 'legal.consultations',
  title: '法律援助申请',
  unit: '件',
  definition: '本期职工提交的法律援助申请（咨询），按问题类别分。',
  source: LEGAL,
  measure: { kind: 'count' },
  people: 'value',
  by: [{ field: 'kind', title: '按问题类别', names: LEGAL_CATEGORY_NAMES }],
}

export const LEGAL_GRANTED: FigureDef = {
  key: 'legal.granted',
  title: '提供援助',
  unit: '件',
  definition: '本期工会决定提供法律援助的案件。',
  source: DECIDED,
  measure: { kind: 'count', when: [{ field: 'status', oneOf: ['granted', 'closed'] }] },
  people: 'value',
}

export const LEGAL_DECLINED: FigureDef = {
  key: 'legal.declined',
  title: '不予援助',
  unit: '件',
  definition: '本期答复不予援助的案件（已告知职工原因和其他求助途径）。',
  source: DECIDED,
  measure: { kind: 'count', when: [{ field: 'status', is: 'declined' }] },
  people: 'value',
}

export const LEGAL_PROMISE_KEPT: FigureDef = {
  key: 'legal.promiseKept',
  title: '承诺兑现率',
  unit: '%',
  definition: '本期答复是否援助的案件中，受理和答复都在承诺的工作日内完成的比例。',
  source: DECIDED,
  measure: {
    kind: 'onTime',
    pairs: [
      ['acknowledgedAt', 'details.promise.acknowledgeDueAt'],
      ['decidedAt', 'details.promise.decideDueAt'],
    ],
  },
  people: { distinct: 'ownerId' },
}

export const LEGAL_CLOSED: FigureDef = {
  key: 'legal.closed',
  title: '结案',
  unit: '件',
  definition: '本期结案的援助案件，按办理结果分。',
  source: CLOSED,
  measure: { kind: 'count' },
  people: 'value',
  by: [{ field: 'details.outcome.outcome', title: '按办理结果', names: OUTCOME_NAMES }],
}

export const LEGAL_RECOVERED: FigureDef = {
  key: 'legal.recovered',
  title: '追回金额',
  unit: '万元',
  definition: '本期结案的案件为职工追回的金额（欠薪、工伤赔偿等）之和。',
  source: CLOSED,
  measure: { kind: 'sum', field: 'details.outcome.recoveredFen' },
  people: { distinct: 'ownerId' },
}

export const LEGAL_FIGURES: ServiceFigures = {
  service: 'legal',
  figures: [LEGAL_CONSULTATIONS, LEGAL_GRANTED, LEGAL_DECLINED, LEGAL_PROMISE_KEPT, LEGAL_CLOSED, LEGAL_RECOVERED],
  charts: [
    { key: 'legal.consultationsByMonth', title: '每月法律援助申请', kind: 'bar', figure: LEGAL_CONSULTATIONS.key },
    { key: 'legal.byCategory', title: '申请按问题类别', kind: 'pie', figure: LEGAL_CONSULTATIONS.key, by: 'kind' },
  ],
}
