import { CASE_STATUS_NAMES, type CaseAction, type TimelineEntry } from '@/types/cases'
import { stepMeta, Timeline } from '../../../components/Timeline'
import { formatYuan } from '../../../utils/money'

/** A step of legal help in the worker's words: steps that leave the case where it was say what they did. */
const TITLES: Partial<Record<CaseAction, string>> = {
  assign: '已指派律师',
  rate: '已评价',
  book: '已预约调解室',
  cancelBooking: '调解室预约已取消',
}

function lines(e: TimelineEntry): string[] {
  const out: string[] = []
  if (e.assigneeName) out.push(`负责律师：${e.assigneeName}`)
  if (e.outcome) out.push(`办理结果：${e.outcome}${e.amountFen ? `，追回 ${formatYuan(e.amountFen)}` : ''}`)
  if (e.appointment) out.push(e.appointment)
  if (e.stars) out.push(`${'★'.repeat(e.stars)}${'☆'.repeat(5 - e.stars)}`)
  if (e.note) out.push(e.action === 'decline' ? `原因：${e.note}` : e.action === 'cancelBooking' ? `取消原因：${e.note}` : e.note)
  if (e.referral) out.push(`您还可以：${e.referral}`)
  return out
}

/** Every step of a legal case, oldest first, as the worker and the union's side both read it. */
export function LegalTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  const steps = timeline.map((entry) => ({
    className: `timeline-${entry.action}`,
    title: TITLES[entry.action] ?? CASE_STATUS_NAMES[entry.status],
    meta: stepMeta(entry, entry.by === 'owner' ? '申请人' : '工会'),
    notes: lines(entry),
  }))
  return <Timeline title="办理进度" className="case-timeline" steps={steps} />
}
