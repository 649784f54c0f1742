import type { ApplicationStatus } from '../../../types/jobs'

/**
 * An application's steps (DOMAIN.md §6): submitted → viewed → interview → hired or declined; the
 * worker may withdraw while nothing is decided. Which step may follow which.
 */
export type ApplicationStep = 'view' | 'invite' | 'hire' | 'decline' | 'withdraw'

const FROM: Record<ApplicationStep, readonly ApplicationStatus[]> = {
  // The first time HR opens it; opening it again changes nothing.
  view: ['submitted'],
  // An invitation again moves the time or place.
  invite: ['submitted', 'viewed', 'interview'],
  hire: ['interview'],
  decline: ['submitted', 'viewed', 'interview'],
  withdraw: ['submitted', 'viewed', 'interview'],
}

const TO: Record<ApplicationStep, ApplicationStatus> = {
  view: 'viewed',
  invite: 'interview',
  hire: 'hired',
  decline: 'declined',
  withdraw: 'withdrawn',
}

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['hired', 'declined', 'withdrawn']
export const isDecided = (status: ApplicationStatus) => FINAL_STATUSES.includes(status)

export const canTake = (step: ApplicationStep, status: ApplicationStatus) => FROM[step].includes(status)

/** The status after a step, or null when the step cannot follow the status. */
export const after = (step: ApplicationStep, status: ApplicationStatus): ApplicationStatus | null => (canTake(step, status) ? TO[step] : null)

/** What HR is told when a step cannot be taken now. */
export function refusalOf(step: ApplicationStep, status: ApplicationStatus): string {
  if (status === 'withdrawn') return '求职者已撤回这份申请'
  if (isDecided(status)) return '这份申请已经有结果了'
  if (step === 'hire') return '请先邀请面试，再决定录用'
  return '这份申请现在不能进行这一步'
}

/** The invitation waits for the worker until they say they will come. */
export const waitsForWorker = (status: ApplicationStatus, interview?: { confirmedAt?: number }) => status === 'interview' && !interview?.confirmedAt

/** How far ahead an interview may be set: three months. */
export const INTERVIEW_MAX_AHEAD_MS = 92 * 24 * 60 * 60 * 1000

/** Interviews are set in the future, at most three months ahead. */
export function interviewTimeProblem(at: number, now: number): string | null {
  if (at <= now) return '面试时间应晚于现在'
  if (at - now > INTERVIEW_MAX_AHEAD_MS) return '面试时间最多在三个月以内'
  return null
}
