import {
  ageOn,
  attendanceRate,
  canCancel,
  cancellationDeadline,
  checkAgeOnStart,
  losesPriority,
  signUpPhase,
} from '../../cloud/domain/childcare/rules'
import { idCheckChar } from '../../cloud/domain/identity/idNumber'
import { maskName } from '../../cloud/domain/identity/mask'

const childBorn = (yyyymmdd: string) => {
  const first17 = `330302${yyyymmdd}123`
  return first17 + idCheckChar(first17)
}
const at = (iso: string) => Date.parse(`${iso}+08:00`)

describe('age on the class start date (children 6–12)', () => {
  const start = '2027-07-10'
  it('counts a birthday on the start date itself', () => {
    expect(ageOn({ year: 2021, month: 7, day: 10 }, start)).toBe(6)
    expect(ageOn({ year: 2021, month: 7, day: 11 }, start)).toBe(5)
  })
  it('admits a child who turns 6 on the first day, and refuses one who turns 6 the day after', () => {
    expect(checkAgeOnStart(childBorn('20210710'), start, 6, 12)).toEqual({ ok: true, age: 6 })
    expect(checkAgeOnStart(childBorn('20210711'), start, 6, 12)).toEqual({ ok: false, age: 5 })
  })
  it('admits a child who is still 12, and refuses one who turned 13 on the first day', () => {
    expect(checkAgeOnStart(childBorn('20140711'), start, 6, 12)).toEqual({ ok: true, age: 12 })
    expect(checkAgeOnStart(childBorn('20140710'), start, 6, 12)).toEqual({ ok: false, age: 13 })
  })
  it('handles a 29 February birthday', () => {
    expect(ageOn({ year: 2020, month: 2, day: 29 }, '2027-02-28')).toBe(6)
    expect(ageOn({ year: 2020, month: 2, day: 29 }, '2027-03-01')).toBe(7)
  })
})

describe('the sign-up window, by the server clock', () => {
  const opensAt = at('2027-06-01T09:00:00')
  const closesAt = at('2027-06-10T18:00:00')
  it('is not open one millisecond before 9:00:00', () => {
    expect(signUpPhase(opensAt, closesAt, opensAt - 1)).toBe('upcoming')
  })
  it('opens at 9:00:00 exactly', () => {
    expect(signUpPhase(opensAt, closesAt, opensAt)).toBe('open')
  })
  it('is closed from the closing time on', () => {
    expect(signUpPhase(opensAt, closesAt, closesAt - 1)).toBe('open')
    expect(signUpPhase(opensAt, closesAt, closesAt)).toBe('closed')
  })
})

describe('the cancellation deadline: 3 days before the start', () => {
  const deadline = cancellationDeadline('2027-07-10', 3)
  it('is midnight in Wenzhou three days before the first day', () => {
    expect(deadline).toBe(at('2027-07-07T00:00:00'))
  })
  it('allows cancelling until then, and not from then on', () => {
    expect(canCancel(at('2027-07-06T23:59:59'), deadline)).toBe(true)
    expect(canCancel(at('2027-07-07T00:00:00'), deadline)).toBe(false)
  })
})

describe('attendance: below 70 % the family loses priority next term', () => {
  it('keeps priority at exactly 70 %', () => {
    expect(attendanceRate(7, 10)).toBe(0.7)
    expect(losesPriority(attendanceRate(7, 10))).toBe(false)
  })
  it('loses priority just below', () => {
    expect(losesPriority(attendanceRate(13, 20))).toBe(true)
  })
  it('says nothing before the first session', () => {
    expect(attendanceRate(0, 0)).toBeNull()
    expect(losesPriority(null)).toBe(false)
  })
})

describe('a child\'s name outside the roster', () => {
  it('keeps the first and last character', () => {
    expect(maskName('张小明')).toBe('张*明')
    expect(maskName('李明')).toBe('李*')
    expect(maskName('欧阳晓东')).toBe('欧**东')
  })
})
