import { workingDayDeadline, type WorkCalendar } from '../workdays'

/** The promise of DOMAIN.md §5 *(config)*: acknowledged within 1 working day, a decision on aid within 7. */
export interface PromiseConfig {
  acknowledgeDays: number
  decideDays: number
}

export const DEFAULT_PROMISE: PromiseConfig = { acknowledgeDays: 1, decideDays: 7 }

/** The promise of one case in dates, as stored with it at filing. */
export interface CasePromise {
  acknowledgeDays: number
  /** The due working day, and the end of it (Asia/Shanghai). */
  acknowledgeBy: string
  acknowledgeDueAt: number
  decideDays: number
  decideBy: string
  decideDueAt: number
  /** Counted over a year whose official calendar is not known yet: weekdays were taken as working days. */
  acknowledgeEstimated: boolean
  decideEstimated: boolean
}

/** Both clocks, counted from the filing date (the filing day never counts, whatever the hour). */
export function promiseOf(filedAt: number, config: PromiseConfig, calendar: WorkCalendar): CasePromise {
  const acknowledge = workingDayDeadline(filedAt, config.acknowledgeDays, calendar)
  const decide = workingDayDeadline(filedAt, config.decideDays, calendar)
  return {
    acknowledgeDays: config.acknowledgeDays,
    acknowledgeBy: acknowledge.date,
    acknowledgeDueAt: acknowledge.dueAt,
    decideDays: config.decideDays,
    decideBy: decide.date,
    decideDueAt: decide.dueAt,
    acknowledgeEstimated: acknowledge.estimated,
    decideEstimated: decide.estimated,
  }
}
