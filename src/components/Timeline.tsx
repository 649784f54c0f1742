import { Text, View } from '@tarojs/components'
import { Step, Steps } from '@nutui/nutui-react-taro'
import { CASE_STATUS_NAMES, type TimelineEntry } from '@/types/cases'
import { formatTime } from '../utils/format'
import { formatYuan } from '../utils/money'

/** One step as a timeline shows it: its name, when (and by whom), then what was said or decided. */
export interface TimelineStep {
  className: string
  title: string
  meta: string
  notes: string[]
}

/**
 * Every step something a worker asked for has taken, oldest first, as the worker and staff both read
 * it: a case, a legal case, a job application.
 */
export function Timeline({ title, className, steps, noteClassName = 'timeline-note' }: { title: string; className: string; steps: TimelineStep[]; noteClassName?: string }) {
  return (
    <View className={`section ${className}`}>
      <Text className="section-title">{title}</Text>
      <Steps direction="vertical" value={steps.length}>
        {steps.map((step, i) => (
          <Step
            key={i}
            value={i + 1}
            className={step.className}
            title={step.title}
            description={
              <View>
                <Text className="muted">{step.meta}</Text>
                {step.notes.map((note, j) => (
                  <Text key={j} className={noteClassName}>
                    {note}
                  </Text>
                ))}
              </View>
            }
          />
        ))}
      </Steps>
    </View>
  )
}

const WHO = { owner: '申请人', staff: '工作人员' } as const

/** When a step of a case was taken, by whom, with how many files. */
export const stepMeta = (entry: TimelineEntry, who: string) => `${formatTime(entry.at)} · ${who}${entry.files ? ` · ${entry.files}个文件` : ''}`

/** Every step a case has taken, oldest first, as the worker and the desk both read it. */
export function CaseTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  const steps = timeline.map((entry) => ({
    className: `timeline-${entry.status}`,
    title: CASE_STATUS_NAMES[entry.status],
    meta: stepMeta(entry, WHO[entry.by]),
    notes: [
      entry.note,
      entry.amountFen !== undefined ? `批准金额 ${formatYuan(entry.amountFen)}` : undefined,
      entry.paymentRef ? `付款凭证号 ${entry.paymentRef}` : undefined,
    ].filter((note): note is string => Boolean(note)),
  }))
  return <Timeline title="办理进度" className="case-timeline" steps={steps} />
}
