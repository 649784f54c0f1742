import { ENROLLMENT_STATUS_NAMES } from '../../../types/childcare'
import { ATTENDANCE_THRESHOLD } from '../childcare/rules'
import type { FigureDef, Source } from './definition'
import type { ServiceFigures } from './layout'

const CLASSES: Source = { collection: 'childcare_classes', where: [], time: { field: 'startDate', kind: 'date' } }
const SIGN_UPS: Source = { collection: 'childcare_enrollments', where: [], time: { field: 'createdAt', kind: 'ms' } }
const MARKS: Source = { collection: 'childcare_attendance', where: [], time: { field: 'date', kind: 'date' } }
const PRESENT = [{ field: 'present', is: true }]

export const CHILDCARE_CLASSES: FigureDef = {
  key: 'childcare.classes',
  title: '开班',
  unit: '班',
  definition: '开班日期在本期内的爱心托班。',
  source: CLASSES,
  measure: { kind: 'count' },
  people: null,
}

export const CHILDCARE_SEATS: FigureDef = {
  key: 'childcare.seats',
  title: '名额',
  unit: '个名额',
  definition: '本期开班的托班的名额之和。',
  source: CLASSES,
  measure: { kind: 'sum', field: 'capacity' },
  people: null,
}

export const CHILDCARE_SIGN_UPS: FigureDef = {
  key: 'childcare.signUps',
  title: '报名',
  unit: '人次',
  definition: '本期提交的托班报名，一个孩子报一个班计一次，含进入候补和后来取消的；按现在的状态分。',
  source: SIGN_UPS,
  measure: { kind: 'count' },
  people: 'value',
  by: [{ field: 'status', title: '按现在的状态', names: ENROLLMENT_STATUS_NAMES }],
}

export const CHILDCARE_WAITLISTED: FigureDef = {
  key: 'childcare.waitlisted',
  title: '进入候补',
  unit: '人次',
  definition: '本期提交的报名中，报名时名额已满、进入候补的。',
  source: SIGN_UPS,
  measure: { kind: 'count', when: [{ field: 'waitlistKey', present: true }] },
  people: 'value',
}

export const CHILDCARE_PROMOTED: FigureDef = {
  key: 'childcare.promoted',
  title: '候补转正',
  unit: '人次',
  definition: '本期有人取消后，从候补转为录取的报名。',
  source: { ...SIGN_UPS, time: { field: 'promotedAt', kind: 'ms' } },
  measure: { kind: 'count' },
  people: 'value',
}

export const CHILDCARE_ATTENDANCE: FigureDef = {
  key: 'childcare.attendance',
  title: '出勤率',
  unit: '%',
  definition: '本期各签到日到班的人次 ÷ 应到人次（每个签到日，每个录取的孩子计一次应到）。',
  source: MARKS,
  measure: { kind: 'share', when: PRESENT },
  people: { distinct: 'enrollmentId' },
}

export const CHILDCARE_LOW_ATTENDANCE: FigureDef = {
  key: 'childcare.lowAttendance',
  title: '出勤不足70%',
  unit: '人',
  definition: '本期有签到记录的孩子中，到班天数不到应到天数70%的人数；他们的家庭下期报名不再优先。',
  source: MARKS,
  measure: { kind: 'groupsBelow', group: 'enrollmentId', when: PRESENT, share: ATTENDANCE_THRESHOLD },
  people: 'value',
}

export const CHILDCARE_FIGURES: ServiceFigures = {
  service: 'childcare',
  figures: [CHILDCARE_CLASSES, CHILDCARE_SEATS, CHILDCARE_SIGN_UPS, CHILDCARE_WAITLISTED, CHILDCARE_PROMOTED, CHILDCARE_ATTENDANCE, CHILDCARE_LOW_ATTENDANCE],
  charts: [{ key: 'childcare.signUpsByMonth', title: '每月托班报名', kind: 'bar', figure: CHILDCARE_SIGN_UPS.key }],
}
