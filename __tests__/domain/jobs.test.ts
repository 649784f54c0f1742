import * as v from 'valibot'
import { CREDIT_CODE_CHARS, creditCodeCheckChar, isValidCreditCode } from '../../cloud/domain/jobs/creditCode'
import { EmployerUpsertInput, industryOf, statusOf } from '../../cloud/domain/jobs/employer'
import { after, canTake, refusalOf, waitsForWorker, interviewTimeProblem } from '../../cloud/domain/jobs/applications'
import { escapeRegExp, keywordPatterns } from '../../cloud/domain/jobs/keywords'
import { hasStarted, reminderDue, reminderFrom } from '../../cloud/domain/jobs/fairs'
import { closesAtOf, closingDateProblem, isVisibleToWorkers, reachesSalary, salaryRangeProblem } from '../../cloud/domain/jobs/visibility'
import { INDUSTRIES, JobUpsertInput } from '../../types/jobs'
import { parseInput } from '../../cloud/domain/validation'

const at = (text: string) => Date.parse(`${text}+08:00`)

describe('GB 32100 unified social credit codes', () => {
  // The standard's own example (GB 32100-2015), and codes of public registrations.
  const VALID = [
    '91350100M000100Y43', // the example in GB 32100-2015
    '9144030071526726XG', // 深圳市腾讯计算机系统有限公司
    '914403001922038216', // 华为技术有限公司
    '91110108551385082Q', // 小米科技有限责任公司
    '91330100716105852F', // 阿里巴巴（中国）有限公司
    '91110000710925462X', // 中国石油天然气股份有限公司
  ]

  it.each(VALID)('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true)
  })

  it('computes the check character from the weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, mod 31', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G')
    // A remainder of 0 is written 0, not 31.
    const first17 = '91330302MA2HL8QD1'
    expect(creditCodeCheckChar(first17)).toBe('9')
  })

  it.each(VALID)('refuses every single-character change of %s', (code) => {
    const accepted: string[] = []
    for (let i = 0; i < 18; i++) {
      for (const c of `${CREDIT_CODE_CHARS}IOZSV`) {
        if (c === code[i]) continue
        const changed = code.slice(0, i) + c + code.slice(i + 1)
        if (isValidCreditCode(changed)) accepted.push(changed)
      }
    }
    expect(accepted).toEqual([])
  })

  it('refuses the letters I, O, Z, S and V, a wrong length and letters in the area code, and reads lower case and spaces', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false)
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false)
    expect(isValidCreditCode('9135A100M000100Y43')).toBe(false)
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true)
  })

  it('is what the employer form checks, in Chinese', () => {
    const form = { name: '温州鹿城顺达快递有限公司', creditCode: '91350100M000100Y44', industry: 'G', address: '温州市鹿城区车站大道1号', lat: 28.0, lng: 120.6, contactName: '陈经理', contactPhone: '0577-88001234' }
    const refused = parseInput(EmployerUpsertInput, form)
    expect(refused).toEqual({ ok: false, fields: { creditCode: '统一社会信用代码不正确，请核对（校验位有误）' } })
    expect(parseInput(EmployerUpsertInput, { ...form, creditCode: '91350100m000100y43' })).toMatchObject({ ok: true, value: { creditCode: '91350100M000100Y43' } })
  })
})

describe('employers', () => {
  it('has the 20 sections of GB/T 4754-2017', () => {
    expect(INDUSTRIES).toHaveLength(20)
    expect(INDUSTRIES[0]).toBe('A')
    expect(INDUSTRIES[19]).toBe('T')
  })

  it('reads the first demo data: an industry by name, `verified: true`', () => {
    expect(industryOf('交通运输、仓储和邮政业')).toBe('G')
    expect(industryOf('G')).toBe('G')
    expect(industryOf('快递')).toBeUndefined()
    expect(statusOf({ verified: true })).toBe('verified')
    expect(statusOf({ verified: false })).toBe('pending')
    expect(statusOf({ status: 'suspended', verified: true })).toBe('suspended')
  })
})

describe('salary ranges', () => {
  it('needs min ≤ max and a range no wider than three times', () => {
    expect(salaryRangeProblem(500_000, 800_000)).toBeNull()
    expect(salaryRangeProblem(500_000, 500_000)).toBeNull()
    expect(salaryRangeProblem(800_000, 500_000)).toBe('最高月薪不能低于最低月薪')
    expect(salaryRangeProblem(300_000, 900_000)).toBeNull()
    expect(salaryRangeProblem(300_000, 900_100)).toMatch(/3倍/)
  })

  it('is checked by the job form, naming the highest', () => {
    const job = { title: '快递分拣员', headcount: 5, salaryMinFen: 600_000, salaryMaxFen: 500_000, requirements: '吃苦耐劳，能上夜班，有电动车', benefits: [], closingDate: '2026-12-31' }
    expect(parseInput(JobUpsertInput, job)).toEqual({ ok: false, fields: { salaryMaxFen: '最高月薪不能低于最低月薪' } })
    expect(parseInput(JobUpsertInput, { ...job, salaryMaxFen: 2_000_000 })).toMatchObject({ ok: false, fields: { salaryMaxFen: expect.stringMatching(/3倍/) } })
    expect(parseInput(JobUpsertInput, { ...job, salaryMinFen: 600_050, salaryMaxFen: 800_000 })).toMatchObject({ ok: false, fields: { salaryMinFen: '最低月薪请填写整数元' } })
    expect(v.safeParse(JobUpsertInput, { ...job, salaryMaxFen: 800_000 }).success).toBe(true)
  })

  it('"at least X a month" is a range that reaches X', () => {
    expect(reachesSalary({ salaryMaxFen: 700_000 }, 700_000)).toBe(true)
    expect(reachesSalary({ salaryMaxFen: 699_900 }, 700_000)).toBe(false)
    expect(reachesSalary({ salaryMaxFen: 100 }, undefined)).toBe(true)
  })
})

describe('closing dates', () => {
  it('keeps a job open through the end of its closing day in Wenzhou', () => {
    expect(closesAtOf('2026-12-31')).toBe(at('2027-01-01T00:00:00'))
    const job = { status: 'published' as const, closesAt: closesAtOf('2026-12-31') }
    expect(isVisibleToWorkers(job, 'verified', at('2026-12-31T23:59:59'))).toBe(true)
    expect(isVisibleToWorkers(job, 'verified', at('2027-01-01T00:00:00'))).toBe(false)
  })

  it('shows workers only published jobs of verified employers', () => {
    const job = { status: 'published' as const, closesAt: closesAtOf('2026-12-31') }
    const now = at('2026-12-01T10:00:00')
    expect(isVisibleToWorkers(job, 'verified', now)).toBe(true)
    expect(isVisibleToWorkers(job, 'suspended', now)).toBe(false)
    expect(isVisibleToWorkers(job, 'pending', now)).toBe(false)
    expect(isVisibleToWorkers({ ...job, status: 'draft' }, 'verified', now)).toBe(false)
    expect(isVisibleToWorkers({ ...job, status: 'closed' }, 'verified', now)).toBe(false)
  })

  it('takes a closing date from today up to half a year ahead', () => {
    const now = at('2026-11-30T23:00:00')
    expect(closingDateProblem('2026-11-30', now)).toBeNull()
    expect(closingDateProblem('2026-11-29', now)).toMatch(/已过/)
    expect(closingDateProblem('2027-06-01', now)).toBeNull()
    expect(closingDateProblem('2027-06-03', now)).toMatch(/183天/)
  })
})

describe('applications', () => {
  it('moves submitted → viewed → interview → hired or declined, and the worker may withdraw until decided', () => {
    expect(after('view', 'submitted')).toBe('viewed')
    expect(after('view', 'viewed')).toBeNull()
    expect(after('invite', 'viewed')).toBe('interview')
    expect(after('invite', 'interview')).toBe('interview')
    expect(after('hire', 'interview')).toBe('hired')
    expect(after('hire', 'viewed')).toBeNull()
    expect(refusalOf('hire', 'viewed')).toBe('请先邀请面试，再决定录用')
    expect(after('decline', 'submitted')).toBe('declined')
    for (const final of ['hired', 'declined', 'withdrawn'] as const) {
      for (const step of ['view', 'invite', 'hire', 'decline', 'withdraw'] as const) expect(canTake(step, final)).toBe(false)
    }
    expect(after('withdraw', 'interview')).toBe('withdrawn')
  })

  it('waits for the worker while an invitation is not confirmed', () => {
    expect(waitsForWorker('interview', {})).toBe(true)
    expect(waitsForWorker('interview', { confirmedAt: 1 })).toBe(false)
    expect(waitsForWorker('viewed')).toBe(false)
  })

  it('sets interviews in the future, within three months', () => {
    const now = at('2026-11-30T10:00:00')
    expect(interviewTimeProblem(now, now)).toBe('面试时间应晚于现在')
    expect(interviewTimeProblem(at('2026-12-02T14:00:00'), now)).toBeNull()
    expect(interviewTimeProblem(at('2027-04-01T14:00:00'), now)).toBe('面试时间最多在三个月以内')
  })
})

describe('keywords', () => {
  it('splits on spaces and Chinese punctuation, keeps three words, and escapes each', () => {
    expect(keywordPatterns('  快递  分拣 ')).toEqual(['快递', '分拣'])
    expect(keywordPatterns('快递，夜班　司机 电工 保安')).toEqual(['快递', '夜班', '司机'])
    expect(keywordPatterns('C++ (兼职)')).toEqual(['C\\+\\+', '\\(兼职\\)'])
    expect(keywordPatterns('')).toEqual([])
    expect(keywordPatterns(undefined)).toEqual([])
  })

  it('makes every special character literal', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o/p-q'
    expect(new RegExp(`^${escapeRegExp(text)}$`, 'u').test(text)).toBe(true)
    expect(new RegExp(escapeRegExp('.*'), 'u').test('anything')).toBe(false)
  })
})

describe('fairs', () => {
  it('reminds from 9:00 on the day before, until the fair starts', () => {
    const startsAt = at('2026-12-05T09:30:00')
    expect(reminderFrom(startsAt)).toBe(at('2026-12-04T09:00:00'))
    expect(reminderDue(startsAt, at('2026-12-04T08:59:59'))).toBe(false)
    expect(reminderDue(startsAt, at('2026-12-04T09:00:00'))).toBe(true)
    expect(reminderDue(startsAt, at('2026-12-05T09:29:59'))).toBe(true)
    expect(reminderDue(startsAt, startsAt)).toBe(false)
    // A fair just after midnight is reminded the morning before, not minutes before.
    expect(reminderFrom(at('2026-12-05T00:30:00'))).toBe(at('2026-12-04T09:00:00'))
  })

  it('stops sign-ups and cancellations when the fair starts', () => {
    const startsAt = at('2026-12-05T09:30:00')
    expect(hasStarted(startsAt, startsAt - 1)).toBe(false)
    expect(hasStarted(startsAt, startsAt)).toBe(true)
  })
})
