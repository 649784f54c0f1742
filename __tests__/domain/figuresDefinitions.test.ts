import { AID_APPLICATIONS, AID_APPROVED, AID_DAYS_TO_PAY, AID_HOUSEHOLDS, AID_PAID } from '../../cloud/domain/figures/aid'
import { CHILDCARE_ATTENDANCE, CHILDCARE_LOW_ATTENDANCE, CHILDCARE_SEATS, CHILDCARE_SIGN_UPS, CHILDCARE_WAITLISTED } from '../../cloud/domain/figures/childcare'
import { tally, type FigureDef } from '../../cloud/domain/figures/definition'
import { JOBS_APPLICANTS, JOBS_FAIR_SIGN_UPS, JOBS_HIRES, JOBS_INTERVIEWS } from '../../cloud/domain/figures/jobs'
import { LEGAL_GRANTED, LEGAL_PROMISE_KEPT, LEGAL_RECOVERED } from '../../cloud/domain/figures/legal'
import { MEDICAL_DECLINED, MEDICAL_MEMBERS, MEDICAL_PAID, MEDICAL_PAID_CLAIMS } from '../../cloud/domain/figures/medical'
import { periodOf } from '../../cloud/domain/figures/period'
import { STATION_AREA, STATION_POSITIONS, STATION_RESOLVE_HOURS } from '../../cloud/domain/figures/stations'

const at = (iso: string) => Date.parse(`${iso}+08:00`)
const DAY = 86_400_000
const YEAR_2026 = periodOf({ kind: 'year', year: 2026 })
const count = (def: FigureDef, records: Array<Record<string, unknown>>, span = YEAR_2026.now) => tally(def, records, span)

describe('困难帮扶, on six hand-counted applications', () => {
  const aid = (owner: string, kind: string, over: Record<string, unknown>) => ({ service: 'aid', ownerId: owner, kind, details: { tier: 'deep' }, ...over })
  const cases = [
    aid('甲', 'winter_warmth', { status: 'paid', submittedAt: at('2026-01-05T09:00'), decidedAt: at('2026-01-10T09:00'), paidAt: at('2026-01-15T09:00'), amountFen: 200_000 }),
    aid('甲', 'autumn_education', { status: 'paid', submittedAt: at('2026-08-01T09:00'), decidedAt: at('2026-08-05T09:00'), paidAt: at('2026-08-11T09:00'), amountFen: 500_000 }),
    aid('乙', 'winter_warmth', { status: 'paid', submittedAt: at('2025-12-20T09:00'), decidedAt: at('2025-12-28T09:00'), paidAt: at('2026-01-04T09:00'), amountFen: 100_000, details: { tier: 'relative' } }),
    aid('丙', 'winter_warmth', { status: 'approved', submittedAt: at('2026-11-02T09:00'), decidedAt: at('2026-11-20T09:00'), amountFen: 200_000 }),
    aid('丁', 'summer_cooling', { status: 'rejected', submittedAt: at('2026-06-01T09:00'), decidedAt: at('2026-06-03T09:00'), details: { tier: 'none' } }),
    aid('戊', 'winter_warmth', { status: 'paid', submittedAt: at('2025-01-02T09:00'), decidedAt: at('2025-01-03T09:00'), paidAt: at('2025-01-09T09:00'), amountFen: 200_000 }),
    { service: 'medical', ownerId: '甲', kind: 'inpatient', status: 'paid', submittedAt: at('2026-03-01T09:00'), paidAt: at('2026-03-09T09:00'), amountFen: 670_000 },
  ]

  it('帮扶申请: applications submitted in the period, whatever became of them', () => {
    const { total, by } = count(AID_APPLICATIONS, cases)
    expect(total.value).toBe(4)
    expect(Object.fromEntries(Object.entries(by.kind).map(([k, t]) => [k, t.value]))).toEqual({ winter_warmth: 2, autumn_education: 1, summer_cooling: 1 })
  })

  it('帮扶户数: applicants paid in the period, a household helped twice counted once', () => {
    const { total, by } = count(AID_HOUSEHOLDS, cases)
    // 甲 twice (winter, autumn), 乙 once (submitted in 2025, paid in 2026); 丙 approved not paid, 戊 paid in 2025.
    expect(total.value).toBe(2)
    expect(by['details.tier'].deep.value).toBe(1)
    expect(by['details.tier'].relative.value).toBe(1)
    expect(by.kind.winter_warmth.value).toBe(2)
  })

  it('批准金额 and 发放金额: approved in the period by its decision, paid by its payment', () => {
    expect(count(AID_APPROVED, cases).total).toEqual({ value: 200_000 + 500_000 + 200_000, people: 2 })
    expect(count(AID_PAID, cases).total).toEqual({ value: 200_000 + 500_000 + 100_000, people: 2 })
  })

  it('平均办理天数: from submission to payment, over what was paid in the period', () => {
    // 10, 10 and 15 days.
    expect(count(AID_DAYS_TO_PAY, cases).total.value).toBeCloseTo(35 / 3)
  })
})

describe('医疗互助', () => {
  const claim = (kind: string, over: Record<string, unknown>) => ({ service: 'medical', ownerId: `p-${Math.random()}`, kind, ...over })
  const claims = [
    claim('inpatient', { status: 'paid', submittedAt: at('2026-02-01T10:00'), paidAt: at('2026-02-20T10:00'), amountFen: 670_000 }),
    claim('inpatient', { status: 'paid', submittedAt: at('2026-05-01T10:00'), paidAt: at('2026-05-09T10:00'), amountFen: 1_850_000 }),
    claim('critical_illness', { status: 'paid', submittedAt: at('2026-07-01T10:00'), paidAt: at('2026-07-15T10:00'), amountFen: 1_000_000 }),
    claim('accident', { status: 'rejected', submittedAt: at('2026-09-01T10:00'), decidedAt: at('2026-09-03T10:00') }),
  ]

  it('获赔人次 and 赔付金额: claims paid in the period, by category', () => {
    expect(count(MEDICAL_PAID_CLAIMS, claims).total.value).toBe(3)
    const paid = count(MEDICAL_PAID, claims)
    expect(paid.total.value).toBe(3_520_000)
    expect(paid.by.kind.inpatient.value).toBe(2_520_000)
  })

  it('未获赔: claims declined in the period, by category', () => {
    expect(count(MEDICAL_DECLINED, claims).by.kind.accident.value).toBe(1)
  })

  it('参保人次: members of the plan years the period touches, one person a year counted once', () => {
    const members = [{ year: 2025 }, { year: 2026 }, { year: 2026 }, { year: 2027 }]
    expect(count(MEDICAL_MEMBERS, members).total.value).toBe(2)
    expect(count(MEDICAL_MEMBERS, members, periodOf({ kind: 'range', from: '2025-07-01', to: '2026-06-30' }).now).total.value).toBe(3)
  })
})

describe('法律援助', () => {
  const due = (filed: number) => ({ acknowledgeDueAt: filed + DAY, decideDueAt: filed + 7 * DAY })
  const legal = (filed: number, over: Record<string, unknown>) => ({ service: 'legal', ownerId: `o-${filed}`, submittedAt: filed, details: { promise: due(filed) }, ...over })
  const t = at('2026-04-01T09:00')
  const cases = [
    legal(t, { status: 'granted', acknowledgedAt: t + 3_600_000, decidedAt: t + 2 * DAY }),
    legal(t + DAY, { status: 'declined', acknowledgedAt: t + 2 * DAY, decidedAt: t + 3 * DAY }),
    legal(t + 2 * DAY, { status: 'closed', acknowledgedAt: t + 2 * DAY + 3_600_000, decidedAt: t + 12 * DAY, details: { promise: due(t + 2 * DAY), outcome: { outcome: 'mediated', at: t + 40 * DAY, recoveredFen: 3_500_000 } } }),
    legal(t + 3 * DAY, { status: 'acknowledged', acknowledgedAt: t + 3 * DAY }),
  ]

  it('提供援助: cases the union decided to help in the period, closed ones included', () => {
    expect(count(LEGAL_GRANTED, cases).total.value).toBe(2)
  })

  it('承诺兑现率: of the cases answered, those acknowledged and answered within the promise', () => {
    // The third was answered on day 10 after filing, past its 7 days; the fourth is not answered yet.
    expect(count(LEGAL_PROMISE_KEPT, cases).total.value).toBeCloseTo(200 / 3)
  })

  it('追回金额: recovered in the cases closed in the period', () => {
    expect(count(LEGAL_RECOVERED, cases).total.value).toBe(3_500_000)
  })
})

describe('爱心托班', () => {
  it('名额: the seats of the classes starting in the period', () => {
    const classes = [{ startDate: '2026-07-06', capacity: 30 }, { startDate: '2026-01-20', capacity: 25 }, { startDate: '2027-01-18', capacity: 30 }]
    expect(count(CHILDCARE_SEATS, classes).total.value).toBe(55)
  })

  it('报名 and 进入候补: sign-ups made in the period, by what became of them', () => {
    const signUps = [
      { status: 'enrolled', createdAt: at('2026-06-01T09:00') },
      { status: 'enrolled', createdAt: at('2026-06-01T09:00'), waitlistKey: 'k1', promotedAt: at('2026-06-10T09:00') },
      { status: 'waitlisted', createdAt: at('2026-06-01T09:00'), waitlistKey: 'k2' },
      { status: 'cancelled', createdAt: at('2026-06-02T09:00') },
    ]
    expect(count(CHILDCARE_SIGN_UPS, signUps).by.status).toMatchObject({ enrolled: { value: 2 }, waitlisted: { value: 1 }, cancelled: { value: 1 } })
    expect(count(CHILDCARE_WAITLISTED, signUps).total.value).toBe(2)
  })

  it('出勤率 and 出勤不足70%: present marks over all marks; children present on under 70 % of their days', () => {
    const marks = [
      ...[true, true, false].map((present, i) => ({ enrollmentId: 'x', date: `2026-07-0${i + 6}`, present })),
      ...[true, true, true].map((present, i) => ({ enrollmentId: 'y', date: `2026-07-0${i + 6}`, present })),
      ...[false, true].map((present, i) => ({ enrollmentId: 'z', date: `2026-07-0${i + 6}`, present })),
    ]
    expect(count(CHILDCARE_ATTENDANCE, marks).total).toEqual({ value: 75, people: 3 })
    // x came 2 of 3 (67 %), z 1 of 2 (50 %); y every day.
    expect(count(CHILDCARE_LOW_ATTENDANCE, marks).total.value).toBe(2)
  })
})

describe('就业招聘 and 服务阵地', () => {
  it('求职人数, 面试邀请, 录用: applications of the period, a worker counted once', () => {
    const apps = [
      { workerId: 'a', status: 'hired', interview: { at: 1 }, createdAt: at('2026-03-01T09:00') },
      { workerId: 'a', status: 'declined', createdAt: at('2026-03-02T09:00') },
      { workerId: 'b', status: 'interview', interview: { at: 1 }, createdAt: at('2026-03-03T09:00') },
    ]
    expect(count(JOBS_APPLICANTS, apps).total.value).toBe(2)
    expect(count(JOBS_INTERVIEWS, apps).total.value).toBe(2)
    expect(count(JOBS_HIRES, apps).total.value).toBe(1)
  })

  it('招聘会报名: the sign-ups of the fairs held in the period, not of those cancelled', () => {
    const fairs = [{ status: 'open', startsAt: at('2026-02-20T09:00'), signedUp: 120 }, { status: 'cancelled', startsAt: at('2026-03-20T09:00'), signedUp: 40 }]
    expect(count(JOBS_FAIR_SIGN_UPS, fairs).total.value).toBe(120)
  })

  it('服务阵地 and 阵地面积: the stations on record at the end of the period; an area not recorded adds nothing', () => {
    const stations = [
      { type: 'rest_stop', createdAt: at('2025-05-01T09:00'), areaM2: 30 },
      { type: 'rest_stop', createdAt: at('2026-05-01T09:00') },
      { type: 'workers_home', createdAt: at('2026-05-01T09:00'), areaM2: 400 },
      { type: 'workers_home', createdAt: at('2027-02-01T09:00'), areaM2: 900 },
    ]
    expect(count(STATION_POSITIONS, stations).total.value).toBe(3)
    expect(count(STATION_POSITIONS, stations, YEAR_2026.before).total.value).toBe(1)
    expect(count(STATION_AREA, stations).by.type).toEqual({ rest_stop: { value: 30, people: null }, workers_home: { value: 400, people: null } })
  })

  it('平均处理时长: from a report to its answer, in hours', () => {
    const reports = [
      { userId: 'u', createdAt: at('2026-03-01T09:00'), resolvedAt: at('2026-03-01T15:00') },
      { userId: 'v', createdAt: at('2026-03-02T09:00'), resolvedAt: at('2026-03-03T09:00') },
      { userId: 'w', createdAt: at('2026-03-02T09:00') },
    ]
    expect(count(STATION_RESOLVE_HOURS, reports).total).toEqual({ value: 15, people: 2 })
  })
})
