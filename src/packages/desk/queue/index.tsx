import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Cell, Radio, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { QUEUE_FILTER_KEYS, QUEUE_FILTERS, WAIT_FILTERS, type QueueFilter } from '@/types/cases'
import { SERVICE_MANIFEST, SHARED_DESK_SERVICES } from '@/types/services'
import type { Me } from '@/types/users'
import { auth } from '../../../api'
import { Loadable, PagedList } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { SwitchRow } from '../../../components/SwitchRow'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { useSession } from '../../../stores/session'
import { formatTime, formatWaited } from '../../../utils/format'
import { useLoad, usePaged } from '../../../utils/useLoad'
import { DESKS, desksOf, isDeskService, type DeskService } from '../deskApi'

const WAIT_NAMES: Record<(typeof WAIT_FILTERS)[number], string> = { 0: '全部', 1: '超过1天', 3: '超过3天', 7: '超过7天' }

export default function DeskQueuePage() {
  useSignedIn()
  // Which desks the volunteer serves comes with the profile; on a first visit it is fetched.
  const profile = useLoad(async () => useSession.getState().me ?? (await useSession.getState().refresh()), { when: auth.signedIn })
  const me = useSession((s) => s.me) ?? profile.data ?? null
  return (
    <PageShell className="desk-queue">
      <Loadable load={profile} rows={6}>
        {() =>
          me && desksOf(me).length > 0 ? <Queue me={me} /> : <Text className="note">您还不是{SHARED_DESK_SERVICES.map((s) => SERVICE_MANIFEST[s].name).join('、')}的工作人员。</Text>
        }
      </Loadable>
    </PageShell>
  )
}

function Queue({ me }: { me: Me }) {
  const asked = useRouter().params.service
  const desks = desksOf(me)
  const [service, setService] = useState<DeskService | undefined>(isDeskService(asked) ? asked : undefined)
  const current = service ?? desks[0].service
  const [filter, setFilter] = useState<QueueFilter>('waiting')
  const [minWaitDays, setMinWaitDays] = useState<(typeof WAIT_FILTERS)[number]>(0)
  const [mineOnly, setMineOnly] = useState(false)
  // Afresh when a filter changes; again on every return from a case, whose state may have moved.
  // How long each case has waited is counted from when the page was last shown.
  const [now, setNow] = useState(() => Date.now())
  useDidShow(() => setNow(Date.now()))
  const queue = usePaged((cursor) => DESKS[current].queue({ filter, minWaitDays, mineOnly, cursor }), {
    deps: [current, filter, minWaitDays, mineOnly],
    onShow: true,
  })
  const counts = queue.data?.counts ?? {}

  const tabTitle = (f: QueueFilter) => (counts[f] !== undefined ? `${QUEUE_FILTERS[f].title}(${counts[f]})` : QUEUE_FILTERS[f].title)
  return (
    <>
      {desks.length > 1 && (
        <View className="section">
          <Radio.Group direction="horizontal" value={current} onChange={(v) => setService(v as DeskService)}>
            {desks.map((d) => (
              <Radio key={d.service} value={d.service} shape="button">
                {d.title}
              </Radio>
            ))}
          </Radio.Group>
        </View>
      )}
      <View className="section queue-filters">
        <Radio.Group className="queue-filter" direction="horizontal" value={filter} onChange={(v) => setFilter(v as QueueFilter)}>
          {QUEUE_FILTER_KEYS.map((f) => (
            <Radio key={f} value={f} shape="button" className={`filter-${f}`}>
              {tabTitle(f)}
            </Radio>
          ))}
        </Radio.Group>
        <Text className="field-label">已等待</Text>
        <Radio.Group className="wait-filter" direction="horizontal" value={minWaitDays} onChange={(v) => setMinWaitDays(Number(v) as 0)}>
          {WAIT_FILTERS.map((d) => (
            <Radio key={d} value={d} shape="button">
              {WAIT_NAMES[d]}
            </Radio>
          ))}
        </Radio.Group>
        <SwitchRow className="mine-only" label="只看我负责的" checked={mineOnly} onChange={setMineOnly} />
      </View>
      <PagedList list={queue} className="queue-list" empty="这里没有待办的申请">
        {(c) => (
          <Cell
            key={c._id}
            className="queue-item"
            title={`${c.title} · ${c.applicantMasked}`}
            description={`提交于 ${formatTime(c.submittedAt)} · 已等待 ${formatWaited(now - c.waitingSince)}${c.assignedToMe ? ' · 我负责' : ''}`}
            extra={<Tag type={c.status === 'needs_info' ? 'warning' : 'primary'}>{c.statusName}</Tag>}
            clickable
            onClick={() => Taro.navigateTo({ url: routes.deskCase(c.service, c._id) })}
          />
        )}
      </PagedList>
    </>
  )
}
