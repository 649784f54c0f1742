import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Tabs, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { GENDER_NAMES } from '@/types/childcare'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { formatDay } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { showError, useSubmit } from '../../../utils/useSubmit'

export default function ChildcareRosterPage() {
  const classId = useRouter().params.classId ?? ''
  const [tab, setTab] = useState<string | number>('roster')
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  const [present, setPresent] = useState<string[]>([])
  const roster = useLoad(() => api.childcare.roster({ classId }), { onShow: true })
  // The attendance figures are a part of the page: the roster and check-in work without them.
  const attendance = useLoad(() => api.childcare.attendance({ classId }), { onShow: true })
  const { submit, busy, fieldErrors } = useSubmit()
  const [today] = useState(() => formatDay(Date.now()))

  async function reveal(enrollmentId: string) {
    const { confirm } = await Taro.showModal({ title: '查看完整身份证号？', content: '查看会被记录。仅在核对身份时使用。' })
    if (!confirm) return
    try {
      const { idNumber } = await api.childcare.revealIdNumber({ enrollmentId })
      setRevealed({ ...revealed, [enrollmentId]: idNumber })
    } catch (error) {
      showError(error)
    }
  }

  async function checkIn() {
    const done = await submit((requestId) => api.childcare.checkIn({ classId, date: today, presentEnrollmentIds: present }, { requestId }))
    if (!done) return
    Taro.showToast({ title: `已签到 ${done.present} 人`, icon: 'none' })
    roster.reload()
    attendance.reload()
  }

  const entries = roster.data?.entries ?? []
  const enrolled = entries.filter((e) => e.status === 'enrolled')
  const nameOf = new Map(entries.map((e) => [e.enrollmentId, e.childName]))
  return (
    <PageShell className="childcare-roster">
      <Loadable load={roster} rows={6}>
        {({ class: cls }) => (
          <>
            <View className="section">
              <Text className="section-title">{cls.title}</Text>
              <Text className="muted">
                录取 {enrolled.length}/{cls.capacity} 人 · 候补 {entries.length - enrolled.length} 人 · {cls.startDate} 至 {cls.endDate}
              </Text>
            </View>
            <Tabs value={tab} onChange={setTab}>
              <Tabs.TabPane title="花名册" value="roster">
                {entries.map((e) => (
                  <View key={e.enrollmentId} className="section roster-entry">
                    <View className="row">
                      <Text className="section-title">{e.childName}</Text>
                      <Tag type={e.status === 'enrolled' ? 'success' : 'warning'}>
                        {e.status === 'enrolled' ? '录取' : `候补${e.waitlistPosition}`}
                      </Tag>
                    </View>
                    <Text className="muted">
                      {GENDER_NAMES[e.gender]} · {e.age}岁 · {e.school} {e.grade}年级
                    </Text>
                    {e.healthNotes && <Text className="health-notes">健康情况：{e.healthNotes}</Text>}
                    <Text className="muted">
                      家长 {e.guardianName} {e.guardianMobileMasked} · 紧急联系人 {e.emergencyContact.name} {e.emergencyContact.mobileMasked}
                    </Text>
                    <View className="row">
                      <Text className="muted id-number">身份证 {revealed[e.enrollmentId] ?? e.idNumberMasked}</Text>
                      {!revealed[e.enrollmentId] && (
                        <Button size="small" className="reveal" onClick={() => reveal(e.enrollmentId)}>
                          查看
                        </Button>
                      )}
                    </View>
                  </View>
                ))}
                {entries.length === 0 && <Text className="empty-note">还没有人报名</Text>}
              </Tabs.TabPane>
              <Tabs.TabPane title="今日签到" value="checkin">
                <View className="section">
                  <Text className="section-title">{today} 到班的孩子</Text>
                  <Checkbox.Group value={present} onChange={(v) => setPresent(v as string[])}>
                    {enrolled.map((e) => (
                      <Checkbox key={e.enrollmentId} value={e.enrollmentId} label={e.childName} />
                    ))}
                  </Checkbox.Group>
                  {fieldErrors.date && <Text className="field-error">{fieldErrors.date}</Text>}
                  <View className="actions">
                    <Button type="primary" loading={busy} className="submit-checkin" onClick={checkIn}>
                      保存签到
                    </Button>
                  </View>
                </View>
              </Tabs.TabPane>
              <Tabs.TabPane title="出勤率" value="attendance">
                <Loadable load={attendance} part="出勤率">
                  {(a) => (
                    <View className="section">
                      <Text className="muted">已上课 {a.sessions.length} 天。出勤率低于70%的家庭，下学期报名不再优先。</Text>
                      {a.entries.map((row) => (
                        <View key={row.enrollmentId} className="row attendance-row">
                          <Text>{nameOf.get(row.enrollmentId) ?? row.childName}</Text>
                          <Text className="muted">
                            {row.attendedDays}/{row.sessions} 天{row.rate === null ? '' : ` · ${Math.round(row.rate * 100)}%`}
                          </Text>
                          {row.losesPriority && <Tag type="danger">下学期不优先</Tag>}
                        </View>
                      ))}
                    </View>
                  )}
                </Loadable>
              </Tabs.TabPane>
            </Tabs>
          </>
        )}
      </Loadable>
    </PageShell>
  )
}
