import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { APPLICATION_STATUS_NAMES, BENEFIT_NAMES, INTERVIEW_MODE_NAMES, type ApplicationStatus, type Benefit } from '@/types/jobs'
import type { ApplicationStep, FairSummary, Interview, JobListItem } from '@/types/jobsViews'
import { Timeline } from '../../components/Timeline'
import { formatDistance, formatTime } from '../../utils/format'
import { formatYuan } from '../../utils/money'
import './parts.scss'

/** A monthly salary range: whole yuan (the form takes no cents), the unit once — `月薪 8,000–9,000 元`. */
export function salaryText(minFen: number, maxFen: number): string {
  const yuan = (fen: number, unit: boolean) => formatYuan(fen, { cents: false, unit })
  return minFen === maxFen ? `月薪 ${yuan(minFen, true)}` : `月薪 ${yuan(minFen, false)}–${yuan(maxFen, true)}`
}

export function BenefitTags({ benefits }: { benefits: Benefit[] }) {
  if (benefits.length === 0) return null
  return (
    <View className="row job-tags">
      {benefits.map((b) => (
        <Tag key={b} plain className={`chip benefit-${b}`}>
          {BENEFIT_NAMES[b]}
        </Tag>
      ))}
    </View>
  )
}

export const VerifiedBadge = ({ verified }: { verified: boolean }) =>
  verified ? (
    <Tag type="success" className="verified-badge">
      工会认证
    </Tag>
  ) : null

/** One job in a list: what it pays, who hires, how far, what comes with it. */
export function JobCard({ job, onOpen }: { job: JobListItem; onOpen(): void }) {
  const where = [job.distanceM !== undefined ? formatDistance(job.distanceM) : undefined, job.address].filter(Boolean).join(' · ')
  return (
    <View className="list-card job-card" onClick={onOpen}>
      <View className="list-card-head">
        <Text className="job-title">{job.title}</Text>
        <Text className="muted">招{job.headcount}人</Text>
      </View>
      <Text className="job-salary">{salaryText(job.salaryMinFen, job.salaryMaxFen)}</Text>
      <Text className="job-line">
        {job.employerName}
        {job.demo ? ' · 演示数据' : ''}
      </Text>
      <Text className="job-line">{where}</Text>
      {job.fair && <Text className="job-line">参加：{job.fair.title}</Text>}
      <BenefitTags benefits={job.benefits} />
    </View>
  )
}

const STATUS_TAG: Record<ApplicationStatus, 'primary' | 'warning' | 'success' | 'default' | 'danger'> = {
  submitted: 'primary',
  viewed: 'primary',
  interview: 'warning',
  hired: 'success',
  declined: 'default',
  withdrawn: 'default',
}

export const ApplicationStatusTag = ({ status }: { status: ApplicationStatus }) => (
  <Tag type={STATUS_TAG[status]} className={`application-status status-${status}`}>
    {APPLICATION_STATUS_NAMES[status]}
  </Tag>
)

/** An interview in words: when, how, where. */
export function interviewText(i: Interview): string {
  return [formatTime(i.at), INTERVIEW_MODE_NAMES[i.mode], i.place].filter(Boolean).join(' · ')
}

/** Every step of an application, oldest first, as the worker and HR both read it. */
export function ApplicationTimeline({ timeline }: { timeline: ApplicationStep[] }) {
  const steps = timeline.map((entry) => ({
    className: `timeline-${entry.status}`,
    title: entry.confirmed ? '已确认面试' : APPLICATION_STATUS_NAMES[entry.status],
    meta: formatTime(entry.at),
    notes: entry.note ? [entry.note] : [],
  }))
  return <Timeline title="进展" className="application-timeline case-timeline" steps={steps} noteClassName="text-block" />
}

/** Where a fair is, in a few words: the venue on site, or how to join from the phone. */
export function fairPlaceText(f: FairSummary): string {
  if (f.kind === 'onsite') return f.venue ?? f.address ?? ''
  return f.kind === 'live' ? '直播，在手机上观看' : '线上，在手机上参加'
}

export function placesText(f: FairSummary): string {
  if (f.capacity === undefined) return `已报名 ${f.signedUp} 人`
  return f.seatsLeft === 0 ? '名额已满' : `剩余 ${f.seatsLeft} 个名额`
}
