import { SALARY_SPREAD, type EmployerStatus, type JobStatus } from '../../../types/jobs'
import { shanghaiMidnight } from '../time'
import { isVerified } from './employer'

const DAY_MS = 24 * 60 * 60 * 1000

/** A job is open through the end of its closing date, Asia/Shanghai: the next midnight. */
export const closesAtOf = (closingDate: string) => shanghaiMidnight(closingDate) + DAY_MS

/** The latest closing date HR may set, counted from today: half a year. */
export const MAX_OPEN_DAYS = 183

/**
 * What a closing date may be when a job is saved or published: not past, not more than half a year
 * away. Null when it is fine, else what to tell HR.
 */
export function closingDateProblem(closingDate: string, now: number): string | null {
  const closesAt = closesAtOf(closingDate)
  if (closesAt <= now) return '截止日期已过，请选择今天或以后的日期'
  if (closesAt - now > (MAX_OPEN_DAYS + 1) * DAY_MS) return `截止日期最多在${MAX_OPEN_DAYS}天以后`
  return null
}

/**
 * Whether workers see a job: published, its employer verified, and before the end of its closing
 * day — even before the scheduled work has marked it closed.
 */
export function isVisibleToWorkers(job: { status: JobStatus; closesAt: number }, employer: EmployerStatus | undefined, now: number): boolean {
  return job.status === 'published' && isVerified(employer) && now < job.closesAt
}

/** A salary range as DOMAIN.md §6 has it: min ≤ max, and no wider than `SALARY_SPREAD` times. */
export function salaryRangeProblem(minFen: number, maxFen: number): string | null {
  if (minFen > maxFen) return '最高月薪不能低于最低月薪'
  if (maxFen > minFen * SALARY_SPREAD) return `工资范围过宽：最高月薪不能超过最低月薪的${SALARY_SPREAD}倍`
  return null
}

/** "At least this much a month": a range that reaches it (its highest is at least that). */
export const reachesSalary = (job: { salaryMaxFen: number }, minFen: number | undefined) => minFen === undefined || job.salaryMaxFen >= minFen
