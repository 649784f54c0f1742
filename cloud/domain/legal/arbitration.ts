import { LIMIT_WARNING_DAYS, type LegalCategory } from '../../../types/legal'

/**
 * The arbitration time limit (劳动争议调解仲裁法 art. 27): one year from the day the worker knew or
 * should have known of the infringement; for unpaid wages while still employed it does not run, and
 * once the employment has ended it is one year from the end. A period in years starts the day after
 * the event and ends on the same date a year on (民法典 art. 201, 202: no such date, the month's
 * last day). A last day that is a statutory holiday moves to the next working day (art. 203): the
 * page says so rather than counting it here.
 */

export interface LimitFacts {
  category: LegalCategory
  stillEmployed: boolean
  /** When the employment ended. */
  employmentEndedOn?: string
  /** When the worker learned of the injury determination, the dismissal, the infringement. */
  learnedOn?: string
}

export type LimitResult =
  | { running: false; text: string }
  | { running: true; from: string; lastDay: string; daysLeft: number; warn: boolean; passed: boolean; text: string }

/** The field the limit needs and has not got, with what to ask. */
export type LimitProblem = { field: 'employmentEndedOn' | 'learnedOn'; message: string }

const DAY_MS = 24 * 60 * 60 * 1000
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`)
const cn = (date: string) => {
  const [y, m, d] = date.split('-')
  return `${y}年${Number(m)}月${Number(d)}日`
}

/** The same date a year on; from 29 February, the 28th. */
export function oneYearOn(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate()
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** What the limit runs from: the end of the employment for unpaid wages, else when the worker learned of it. */
export function limitStart(facts: LimitFacts): { date?: string; problem?: LimitProblem; notRunning?: true } {
  if (facts.category === 'wage_arrears') {
    if (facts.stillEmployed) return { notRunning: true }
    return facts.employmentEndedOn ? { date: facts.employmentEndedOn } : { problem: { field: 'employmentEndedOn', message: '请选择劳动关系结束（离职）的日期' } }
  }
  if (facts.learnedOn) return { date: facts.learnedOn }
  // Someone who has left and not said when they learned: the end of the employment is the latest it can be.
  if (!facts.stillEmployed && facts.employmentEndedOn) return { date: facts.employmentEndedOn }
  return { problem: { field: 'learnedOn', message: LEARNED_QUESTION[facts.category] } }
}

/** What the intake asks for the date the limit runs from, by category. */
export const LEARNED_QUESTION: Record<LegalCategory, string> = {
  wage_arrears: '哪天离职（劳动关系结束）？',
  work_injury: '哪天知道工伤认定结论？',
  contract: '哪天知道被解除劳动合同（辞退）？',
  social_insurance: '哪天发现社保没交或少交？',
  other: '哪天知道自己的权益受到侵害？',
}

/** The limit as of `today`: its last day and how far away, or that it is not running. */
export function arbitrationLimit(facts: LimitFacts, today: string): LimitResult | LimitProblem {
  const start = limitStart(facts)
  if (start.notRunning) return { running: false, text: '还在这家单位工作、被拖欠工资的，申请仲裁不受一年时效限制；离职后一年内要申请仲裁。' }
  if (!start.date) return start.problem!
  const lastDay = oneYearOn(start.date)
  const daysLeft = Math.round((utc(lastDay) - utc(today)) / DAY_MS)
  const passed = daysLeft < 0
  const warn = !passed && daysLeft < LIMIT_WARNING_DAYS
  const text = passed
    ? `按您填写的日期，申请仲裁的一年时效已在${cn(lastDay)}届满。仍可提交，律师会帮您看是否有中止、中断的情形。`
    : warn
      ? `请抓紧：申请仲裁的时效到${cn(lastDay)}，只剩${daysLeft}天。`
      : `申请仲裁的时效到${cn(lastDay)}（还有${daysLeft}天）。`
  return { running: true, from: start.date, lastDay, daysLeft, warn, passed, text }
}

export const isLimitProblem = (r: LimitResult | LimitProblem): r is LimitProblem => 'field' in r
