import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, Radio, Switch, Tag } from '@nutui/nutui-react-taro'
import { useEffect, useRef, useState } from 'react'
import { QUEUE_FILTER_KEYS, QUEUE_FILTERS, WAIT_FILTERS, type DeskCaseSummary, type QueueFilter } from '@/types/cases'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { useSession } from '../../../stores/session'
import { formatTime, formatWaited } from '../../../utils/format'
import { showError } from '../../../utils/useSubmit'
import { DESKS, desksOf, isDeskService, type DeskService } from '../deskApi'

const WAIT_NAMES: Record<(typeof WAIT_FILTERS)[number], string> = { 0: '全部', 1: '超过1天', 3: '超过3天', 7: '超过7天' }

export default function DeskQueuePage() {
  const asked = useRouter().params.service
  const me = useSession((s) => s.me)
  const desks = desksOf(me)
  const [service, setService] = useState<DeskService | undefined>(isDeskService(asked) ? asked : undefined)
  const current = service ?? desks[0]?.service
  const [filter, setFilter] = useState<QueueFilter>('waiting')
  const [minWaitDays, setMinWaitDays] = useState<(typeof WAIT_FILTERS)[number]>(0)
  const [mineOnly, setMineOnly] = useState(false)
  const [items, setItems] = useState<DeskCaseSummary[] | null>(null)
  const [counts, setCounts] = useState<Partial<Record<QueueFilter, number>>>({})
  const [nextCursor, setNextCursor] = useState<string | undefined>()
  const [now, setNow] = useState(Date.now())

  async function load(options: { more?: boolean; filter?: QueueFilter; minWaitDays?: number; mineOnly?: boolean } = {}) {
    if (!current) return
    const query = { filter: options.filter ?? filter, minWaitDays: (options.minWaitDays ?? minWaitDays) as 0, mineOnly: options.mineOnly ?? mineOnly }
    try {
      const page = await DESKS[current].queue({ ...query, cursor: options.more ? nextCursor : undefined })
      setItems((old) => (options.more && old ? [...old, ...page.items] : page.items))
      setCounts(page.counts)
      setNextCursor(page.nextCursor)
      setNow(Date.now())
    } catch (error) {
      showError(error)
    }
  }
  // First when the volunteer's desks are known (the session may still be loading), then on every
  // return from a case, whose state may have moved.
  const shown = useRef(false)
  useEffect(() => {
    if (current) load()
  }, [current])
  useSignedIn(() => {
    if (shown.current) load()
    shown.current = true
  })

  if (!me) return <PageShell className="desk-queue" />
  if (!current) {
    return (
      <PageShell className="desk-queue">
        <Text className="note">您还不是困难帮扶或医疗互助的工作人员。</Text>
      </PageShell>
    )
  }

  const tabTitle = (f: QueueFilter) => (counts[f] !== undefined ? `${QUEUE_FILTERS[f].title}(${counts[f]})` : QUEUE_FILTERS[f].title)
  return (
    <PageShell className="desk-queue">
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
        <Radio.Group
          className="queue-filter"
          direction="horizontal"
          value={filter}
          onChange={(v) => {
            setFilter(v as QueueFilter)
            load({ filter: v as QueueFilter })
          }}
        >
          {QUEUE_FILTER_KEYS.map((f) => (
            <Radio key={f} value={f} shape="button" className={`filter-${f}`}>
              {tabTitle(f)}
            </Radio>
          ))}
        </Radio.Group>
        <Text className="field-label">已等待</Text>
        <Radio.Group
          className="wait-filter"
          direction="horizontal"
          value={minWaitDays}
          onChange={(v) => {
            setMinWaitDays(Number(v) as 0)
            load({ minWaitDays: Number(v) })
          }}
        >
          {WAIT_FILTERS.map((d) => (
            <Radio key={d} value={d} shape="button">
              {WAIT_NAMES[d]}
            </Radio>
          ))}
        </Radio.Group>
        <View className="row">
          <Text>只看我负责的</Text>
          <Switch
            className="mine-only"
            checked={mineOnly}
            onChange={(v) => {
              setMineOnly(v)
              load({ mineOnly: v })
            }}
          />
        </View>
      </View>
      <View className="section queue-list">
        {items === null && <Text className="muted">加载中…</Text>}
        {items?.length === 0 && <Text className="muted queue-empty">这里没有待办的申请</Text>}
        {items?.map((c) => (
          <Cell
            key={c._id}
            className="queue-item"
            title={`${c.title} · ${c.applicantMasked}`}
            description={`提交于 ${formatTime(c.submittedAt)} · 已等待 ${formatWaited(now - c.waitingSince)}${c.assignedToMe ? ' · 我负责' : ''}`}
            extra={<Tag type={c.status === 'needs_info' ? 'warning' : 'primary'}>{c.statusName}</Tag>}
            clickable
            onClick={() => Taro.navigateTo({ url: routes.deskCase(c.service, c._id) })}
          />
        ))}
        {nextCursor && (
          <Button block className="load-more" onClick={() => load({ more: true })}>
            加载更多
          </Button>
        )}
      </View>
    </PageShell>
  )
}
