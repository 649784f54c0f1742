import { Text, View } from '@tarojs/components'
import { Step, Steps } from '@nutui/nutui-react-taro'
import { CASE_STATUS_NAMES, type TimelineEntry } from '@/types/cases'
import { formatTime } from '../utils/format'
import { formatYuan } from '../utils/money'

const WHO = { owner: '申请人', staff: '工作人员' } as const

/** Every step a case has taken, oldest first, as the worker and the desk both read it. */
export function CaseTimeline({ timeline }: { timeline: TimelineEntry[] }) {
  return (
    <View className="section case-timeline">
      <Text className="section-title">办理进度</Text>
      <Steps direction="vertical" value={timeline.length}>
        {timeline.map((entry, i) => (
          <Step
            key={i}
            value={i + 1}
            className={`timeline-${entry.status}`}
            title={CASE_STATUS_NAMES[entry.status]}
            description={
              <View>
                <Text className="muted">
                  {formatTime(entry.at)} · {WHO[entry.by]}
                  {entry.files ? ` · ${entry.files}个文件` : ''}
                </Text>
                {entry.note && <Text className="timeline-note">{entry.note}</Text>}
                {entry.amountFen !== undefined && <Text className="timeline-note">批准金额 {formatYuan(entry.amountFen)}</Text>}
                {entry.paymentRef && <Text className="timeline-note">付款凭证号 {entry.paymentRef}</Text>}
              </View>
            }
          />
        ))}
      </Steps>
    </View>
  )
}
