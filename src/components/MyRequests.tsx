import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { REPORT_KIND_NAMES, REPORT_STATUS_NAMES, type StationReport } from '@/types/stations'
import { api } from '../api'
import { routes } from '../routes'
import { formatTime } from '../utils/format'
import { useSignedIn } from './useSignedIn'

/** 我的办事: the worker's requests with their state. Built so far: station problem reports. */
export function MyRequests({ title = '我的办事' }: { title?: string }) {
  const [reports, setReports] = useState<StationReport[] | null>(null)
  useSignedIn(() => {
    api.stations
      .myReports({})
      .then((page) => setReports(page.items))
      .catch(() => setReports([]))
  })
  return (
    <View className="section my-requests">
      <Text className="section-title">{title}</Text>
      {reports === null && <Text className="muted">加载中…</Text>}
      {reports?.length === 0 && <Text className="muted">还没有办理中的事项</Text>}
      {reports?.map((r) => (
        <Cell
          key={r._id}
          className="request-item"
          title={`驿站反馈：${REPORT_KIND_NAMES[r.kind]}`}
          description={`${r.stationName} · ${formatTime(r.createdAt)}${r.reply ? ` · 回复：${r.reply}` : ''}`}
          extra={<Tag type={r.status === 'resolved' ? 'success' : 'warning'}>{REPORT_STATUS_NAMES[r.status]}</Tag>}
          clickable
          onClick={() => Taro.navigateTo({ url: routes.stationDetail(r.stationId) })}
        />
      ))}
    </View>
  )
}
