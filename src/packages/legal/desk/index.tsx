import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Cell, Radio, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { LEGAL_CATEGORIES, LEGAL_CATEGORY_NAMES, LEGAL_QUEUE_KEYS, LEGAL_QUEUES, LIMIT_WARNING_DAYS, type LegalQueue } from '@/types/legal'
import { pageUrl } from '@/types/services'
import { api, auth } from '../../../api'
import { PagedList } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { SwitchRow } from '../../../components/SwitchRow'
import { useSignedIn } from '../../../components/useSignedIn'
import { usePaged } from '../../../utils/useLoad'
import { caseLine } from '../parts/caseLine'
import '../legal.scss'

/**
 * The legal desk (its own page: the queue sorts by the time left on the promise, which the shared
 * desk does not have). Overdue cases come first and are marked; filters by category, state and an
 * arbitration limit ending within 60 days.
 */
export default function LegalDeskPage() {
  useSignedIn()
  const [queue, setQueue] = useState<LegalQueue>('todo')
  const [category, setCategory] = useState('')
  const [limitSoon, setLimitSoon] = useState(false)
  // The time left is counted from when the page was last shown.
  const [now, setNow] = useState(() => Date.now())
  useDidShow(() => setNow(Date.now()))
  const list = usePaged(
    (cursor) => api.legal.queue({ queue, category: (category || undefined) as never, limitSoon: limitSoon || undefined, cursor }),
    { deps: [queue, category, limitSoon], onShow: true, when: auth.signedIn },
  )
  const counts = list.data?.counts
  const title = (q: LegalQueue) => (counts ? `${LEGAL_QUEUES[q].title}(${counts[q]})` : LEGAL_QUEUES[q].title)

  return (
    <PageShell className="legal-desk">
      {counts && counts.overdue > 0 && <Text className="note overdue-note">有{counts.overdue}件已超过承诺时间，排在最前面</Text>}
      <View className="section queue-filters">
        <Radio.Group className="queue-choice" direction="horizontal" value={queue} onChange={(v) => setQueue(v as LegalQueue)}>
          {LEGAL_QUEUE_KEYS.map((q) => (
            <Radio key={q} value={q} shape="button" className={`queue-${q}`}>
              {title(q)}
            </Radio>
          ))}
        </Radio.Group>
        <Text className="field-label">问题类别</Text>
        <Radio.Group className="category-choice" direction="horizontal" value={category} onChange={(v) => setCategory(String(v))}>
          <Radio value="" shape="button">
            全部
          </Radio>
          {LEGAL_CATEGORIES.map((c) => (
            <Radio key={c} value={c} shape="button">
              {LEGAL_CATEGORY_NAMES[c]}
            </Radio>
          ))}
        </Radio.Group>
        <SwitchRow className="limit-soon" label={`仲裁时效${LIMIT_WARNING_DAYS}天内到期`} checked={limitSoon} onChange={setLimitSoon} />
      </View>
      <PagedList list={list} className="queue-list" empty="这里没有案件">
        {(c) => {
          const line = caseLine(c, now)
          return (
            <Cell
              key={c._id}
              className={`queue-item ${line.overdue ? 'is-overdue' : ''}`}
              title={`${line.overdue ? '【已超时】' : ''}${c.categoryName} · ${c.applicantMasked}`}
              description={line.text}
              extra={<Tag type={line.overdue ? 'danger' : 'primary'}>{c.statusName}</Tag>}
              clickable
              onClick={() => Taro.navigateTo({ url: pageUrl('legal', 'work', { caseId: c._id }) })}
            />
          )
        }}
      </PagedList>
    </PageShell>
  )
}
