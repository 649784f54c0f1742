import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { Badge, Cell, Radio, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { pageUrl } from '@/types/services'
import { api, auth } from '../../../api'
import { PagedList } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { usePaged } from '../../../utils/useLoad'
import { caseLine } from '../parts/caseLine'
import '../legal.scss'

/** The cases assigned to this lawyer (and no other), open ones first, with the worker's unread messages. */
export default function LawyerCasesPage() {
  useSignedIn()
  const [ended, setEnded] = useState(false)
  const [now, setNow] = useState(() => Date.now())
  useDidShow(() => setNow(Date.now()))
  const list = usePaged((cursor) => api.legal.assigned({ ended, cursor }), { deps: [ended], onShow: true, when: auth.signedIn })
  return (
    <PageShell className="legal-lawyer">
      <View className="section">
        <Radio.Group className="ended-choice" direction="horizontal" value={ended ? 'ended' : 'open'} onChange={(v) => setEnded(v === 'ended')}>
          <Radio value="open" shape="button">
            在办
          </Radio>
          <Radio value="ended" shape="button">
            已结束
          </Radio>
        </Radio.Group>
        <Text className="muted">只显示工会指派给您的案件。</Text>
      </View>
      <PagedList list={list} className="lawyer-list" empty={ended ? '还没有结束的案件' : '现在没有指派给您的案件'}>
        {(c) => (
          <Cell
            key={c._id}
            className="lawyer-case"
            title={
              <View className="row">
                {c.unread > 0 && <Badge value={c.unread} />}
                <Text>{`${c.categoryName} · ${c.applicantMasked}`}</Text>
              </View>
            }
            description={caseLine(c, now).text}
            extra={<Tag type="primary">{c.statusName}</Tag>}
            clickable
            onClick={() => Taro.navigateTo({ url: pageUrl('legal', 'work', { caseId: c._id }) })}
          />
        )}
      </PagedList>
    </PageShell>
  )
}
