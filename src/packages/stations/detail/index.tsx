import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Cell, Radio, Tag, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import {
  FACILITY_NAMES,
  REPORT_KINDS,
  REPORT_KIND_NAMES,
  REPORT_STATUS_NAMES,
  STATION_TYPE_NAMES,
  type ReportKind,
  type StationDetail,
  type StationReport,
} from '@/types/stations'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { stationStateTag } from '../../../components/StationCard'
import { formatTime } from '../../../utils/format'
import { openMap } from '../../../utils/openMap'
import { useLoad, type Load } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import './index.scss'

export default function StationDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const station = useLoad(() => api.stations.get({ id }), { deps: [id] })
  // The worker's own reports here: a part of the page, which may fail on its own.
  const myReports = useLoad(async () => (await api.stations.myReports({})).items.filter((r) => r.stationId === id), { deps: [id] })

  useShareAppMessage(() => ({ title: station.data?.name ?? '职工驿站', path: `/packages/stations/detail/index?id=${id}` }))

  return (
    <PageShell className="station-detail">
      <Loadable load={station} rows={6}>
        {(s) => <StationView station={s} myReports={myReports} />}
      </Loadable>
    </PageShell>
  )
}

function StationView({ station, myReports }: { station: StationDetail; myReports: Load<StationReport[]> }) {
  const [reporting, setReporting] = useState(false)
  const [kind, setKind] = useState<ReportKind>('broken')
  const [text, setText] = useState('')
  const { submit, busy, fieldErrors } = useSubmit()

  async function sendReport() {
    const report = await submit((requestId) => api.stations.report({ stationId: station._id, kind, text }, { requestId }))
    if (!report) return
    Taro.showToast({ title: '已提交，工作人员会尽快处理', icon: 'none' })
    setReporting(false)
    setText('')
    if (myReports.status === 'loaded') myReports.update((mine) => [report, ...mine])
    else myReports.retry()
  }

  const { lat, lng } = station.location
  return (
    <>
      <View className="section">
        <View className="row detail-head">
          <Text className="detail-name">{station.name}</Text>
          {stationStateTag(station)}
        </View>
        <Text className="muted">
          {STATION_TYPE_NAMES[station.type]}
          {station.demo ? ' · 演示数据' : ''}
        </Text>
        {station.status === 'closed' && <Text className="note closed-note">该驿站暂停开放，请选择附近其他驿站</Text>}
      </View>

      <View className="section">
        <Cell title="地址" description={station.address} />
        <Cell title="开放时间" className="detail-hours" description={station.hoursText} />
        {station.phone && <Cell title="电话" description={station.phone} />}
        <View className="row facilities">
          {station.facilities.map((f) => (
            <Tag key={f} plain className={`chip facility facility-${f}`}>
              {FACILITY_NAMES[f]}
            </Tag>
          ))}
        </View>
        {station.photos.length > 0 && (
          <View className="row photos">
            {station.photos.map((src) => (
              <Image key={src} className="photo" src={src} mode="aspectFill" lazyLoad />
            ))}
          </View>
        )}
        <View className="actions">
          <Button
            type="primary"
            className="navigate"
            onClick={() => openMap({ lat, lng, name: station.name, address: station.address }).catch(() => Taro.showToast({ title: '无法打开地图', icon: 'none' }))}
          >
            导航前往
          </Button>
          {station.phone && (
            <Button
              className="call"
              onClick={() => Taro.makePhoneCall({ phoneNumber: station.phone! }).catch(() => undefined)}
            >
              拨打电话
            </Button>
          )}
          <Button className="report-open" onClick={() => setReporting(!reporting)}>
            反馈问题
          </Button>
        </View>
      </View>

      {reporting && (
        <View className="section report-form">
          <Text className="section-title">反馈问题</Text>
          <Radio.Group value={kind} onChange={(v) => setKind(v as ReportKind)} direction="vertical">
            {REPORT_KINDS.map((k) => (
              <Radio key={k} value={k} className={`kind-${k}`}>
                {REPORT_KIND_NAMES[k]}
              </Radio>
            ))}
          </Radio.Group>
          <FieldError message={fieldErrors.kind} value={kind} />
          <TextArea
            className="report-text"
            value={text}
            onChange={setText}
            placeholder="请说明发生了什么，例如：微波炉坏了"
            maxLength={300}
            showCount
          />
          <FieldError message={fieldErrors.text} value={text} />
          <Button type="primary" block loading={busy} className="report-submit" onClick={sendReport}>
            提交反馈
          </Button>
        </View>
      )}

      <Loadable load={myReports} part="我对这里的反馈">
        {(mine) =>
          mine.length > 0 && (
            <View className="section my-reports">
              <Text className="section-title">我对这里的反馈</Text>
              {mine.map((r) => (
                <Cell
                  key={r._id}
                  title={REPORT_KIND_NAMES[r.kind]}
                  description={`${formatTime(r.createdAt)} ${r.text}${r.reply ? `\n回复：${r.reply}` : ''}`}
                  extra={<Tag type={r.status === 'resolved' ? 'success' : 'warning'}>{REPORT_STATUS_NAMES[r.status]}</Tag>}
                />
              ))}
            </View>
          )
        }
      </Loadable>
    </>
  )
}
