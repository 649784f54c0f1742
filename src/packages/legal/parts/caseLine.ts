import { monthDay, timeLeft } from '@/domain/legal/promiseText'
import type { LegalDeskSummary } from '@/types/legal'
import { formatWaited } from '../../../utils/format'

/** One line under a case: the promise's clock (overdue said plainly), the lawyer, the arbitration limit. */
export function caseLine(c: LegalDeskSummary, now: number): { text: string; overdue: boolean } {
  const parts: string[] = []
  let overdue = false
  if (c.dueAt !== undefined) {
    const left = timeLeft(c.dueAt, now)
    overdue = left.overdue
    parts.push(`${c.dueWhat}${left.overdue ? left.words : `还${left.words}`}${c.estimated ? '（估算）' : ''}`)
  } else {
    parts.push(`已等待 ${formatWaited(now - c.waitingSince)}`)
  }
  parts.push(c.assigneeName ? `律师 ${c.assigneeName}` : '未指派')
  if (c.limitDate) parts.push(`时效至${monthDay(c.limitDate)}`)
  if (c.unread > 0) parts.push(`${c.unread}条新留言`)
  return { text: parts.join(' · '), overdue }
}

