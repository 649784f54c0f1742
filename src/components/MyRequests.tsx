import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { OPEN_CASE_STATUSES } from '@/types/cases'
import { ENROLLMENT_STATUS_NAMES } from '@/types/childcare'
import { SERVICE_NAMES } from '@/types/roles'
import { REPORT_KIND_NAMES, REPORT_STATUS_NAMES } from '@/types/stations'
import { api } from '../api'
import { routes } from '../routes'
import { formatTime } from '../utils/format'
import { formatYuan } from '../utils/money'
import { useSignedIn } from './useSignedIn'

interface Request {
  key: string
  title: string
  detail: string
  state: string
  done: boolean
  at: number
  url: string
}

/** 我的办事: the worker's requests across the services built so far (reports, sign-ups, aid cases, medical claims), newest first, with their state. */
async function loadRequests(): Promise<Request[]> {
  const [reports, signUps, aidCases, claims] = await Promise.all([
    api.stations.myReports({}),
    api.childcare.mine({}),
    api.aid.mine({}),
    api.medical.mine({}),
  ])
  const fromReports = reports.items.map((r) => ({
    key: `report-${r._id}`,
    title: `驿站反馈：${REPORT_KIND_NAMES[r.kind]}`,
    detail: `${r.stationName}${r.reply ? ` · 回复：${r.reply}` : ''}`,
    state: REPORT_STATUS_NAMES[r.status],
    done: r.status === 'resolved',
    at: r.createdAt,
    url: routes.stationDetail(r.stationId),
  }))
  const fromSignUps = signUps.items.map((e) => ({
    key: `childcare-${e._id}`,
    title: `托班报名：${e.classTitle}`,
    detail: `${e.childName}${e.status === 'waitlisted' ? ` · 候补第${e.waitlistPosition}位` : ''}`,
    state: ENROLLMENT_STATUS_NAMES[e.status],
    done: e.status !== 'waitlisted',
    at: e.createdAt,
    url: routes.childcareMine,
  }))
  const fromCases = [...aidCases.items, ...claims.items].map((c) => ({
    key: `case-${c._id}`,
    title: `${SERVICE_NAMES[c.service]}：${c.title}`,
    detail: c.amountFen !== undefined ? `批准 ${formatYuan(c.amountFen)}` : `更新于 ${formatTime(c.updatedAt)}`,
    state: c.statusName,
    done: !OPEN_CASE_STATUSES.includes(c.status),
    at: c.submittedAt,
    url: c.service === 'medical' ? routes.medicalCase(c._id) : routes.aidCase(c._id),
  }))
  return [...fromReports, ...fromSignUps, ...fromCases].sort((a, b) => b.at - a.at)
}

export function MyRequests({ title = '我的办事' }: { title?: string }) {
  const [requests, setRequests] = useState<Request[] | null>(null)
  useSignedIn(() => {
    loadRequests()
      .then(setRequests)
      .catch(() => setRequests([]))
  })
  return (
    <View className="section my-requests">
      <Text className="section-title">{title}</Text>
      {requests === null && <Text className="muted">加载中…</Text>}
      {requests?.length === 0 && <Text className="muted">还没有办理中的事项</Text>}
      {requests?.map((r) => (
        <Cell
          key={r.key}
          className="request-item"
          title={r.title}
          description={`${r.detail} · ${formatTime(r.at)}`}
          extra={<Tag type={r.done ? 'success' : 'warning'}>{r.state}</Tag>}
          clickable
          onClick={() => Taro.navigateTo({ url: r.url })}
        />
      ))}
    </View>
  )
}
