import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Tabs, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DISTRICT_CENTRE } from '@/domain/stations/distance'
import { REPORT_KIND_NAMES, type StationReport, type StationSummary } from '@/types/stations'
import { api } from '../../../api'
import { Loadable, LoadMore } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { StationCard } from '../../../components/StationCard'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { useLoad, usePaged } from '../../../utils/useLoad'
import { showError, useSubmit } from '../../../utils/useSubmit'

function ReportItem({ report, onResolved }: { report: StationReport; onResolved(r: StationReport): void }) {
  const [reply, setReply] = useState('')
  const { submit, busy, fieldErrors } = useSubmit()
  async function resolve() {
    const done = await submit((requestId) => api.stations.resolveReport({ id: report._id, reply }, { requestId }))
    if (done) onResolved(done)
  }
  return (
    <View className="section report-item">
      <Text className="section-title">
        {report.stationName} · {REPORT_KIND_NAMES[report.kind]}
      </Text>
      <Text className="muted">{formatTime(report.createdAt)}</Text>
      <Text className="report-text">{report.text}</Text>
      <TextArea className="reply" value={reply} onChange={setReply} placeholder="处理说明（会通知反馈人）" maxLength={200} />
      {fieldErrors.reply && <Text className="field-error">{fieldErrors.reply}</Text>}
      <Button type="primary" size="small" loading={busy} className="resolve" onClick={resolve}>
        标记已处理
      </Button>
    </View>
  )
}

export default function StationAdminPage() {
  const [tab, setTab] = useState<string | number>('stations')
  const stations = usePaged((cursor) => api.stations.nearby({ lat: DISTRICT_CENTRE.lat, lng: DISTRICT_CENTRE.lng, limit: 20, cursor }), { onShow: true })
  const reports = useLoad(() => api.stations.reports({ status: 'open', limit: 50 }), { onShow: true })
  const openReports = reports.data?.items.length ?? 0

  async function toggle(s: StationSummary) {
    const status = s.status === 'open' ? 'closed' : 'open'
    const verb = status === 'closed' ? '暂停开放' : '恢复开放'
    const { confirm } = await Taro.showModal({ title: `${verb}？`, content: s.name })
    if (!confirm) return
    try {
      const updated = await api.stations.setStatus({ id: s._id, status })
      stations.update((page) => ({
        ...page,
        items: page.items.map((x) => (x._id === s._id ? { ...x, status: updated.status, openNow: updated.openNow } : x)),
      }))
      Taro.showToast({ title: `已${verb}`, icon: 'none' })
    } catch (error) {
      showError(error)
    }
  }

  return (
    <PageShell className="station-admin">
      <Tabs value={tab} onChange={setTab}>
        <Tabs.TabPane title="阵地" value="stations">
          <View className="section">
            <Button type="primary" block className="create-station" onClick={() => Taro.navigateTo({ url: routes.stationEdit() })}>
              新建阵地
            </Button>
          </View>
          <Loadable load={stations} isEmpty={(page) => page.items.length === 0} empty="还没有阵地">
            {(page) => (
              <>
                {page.items.map((s) => (
                  <View key={s._id} className="admin-station">
                    <StationCard station={s} onOpen={() => Taro.navigateTo({ url: routes.stationDetail(s._id) })} />
                    <View className="actions admin-actions">
                      <Button size="small" className="edit" onClick={() => Taro.navigateTo({ url: routes.stationEdit(s._id) })}>
                        编辑
                      </Button>
                      <Button size="small" type={s.status === 'open' ? 'danger' : 'success'} className="toggle-status" onClick={() => toggle(s)}>
                        {s.status === 'open' ? '暂停开放' : '恢复开放'}
                      </Button>
                    </View>
                  </View>
                ))}
                <LoadMore list={stations} />
              </>
            )}
          </Loadable>
        </Tabs.TabPane>
        <Tabs.TabPane title={`问题反馈${openReports ? `（${openReports}）` : ''}`} value="reports">
          <Loadable load={reports} isEmpty={(page) => page.items.length === 0} empty="没有待处理的反馈">
            {(page) =>
              page.items.map((r) => (
                <ReportItem
                  key={r._id}
                  report={r}
                  onResolved={(done) => reports.update((p) => ({ ...p, items: p.items.filter((x) => x._id !== done._id) }))}
                />
              ))
            }
          </Loadable>
        </Tabs.TabPane>
      </Tabs>
      <Cell title="提示" description="暂停开放后，职工在驿站列表和详情中会看到“暂停开放”。" />
    </PageShell>
  )
}
