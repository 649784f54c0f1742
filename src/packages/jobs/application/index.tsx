import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import type { MyApplication } from '@/types/jobsViews'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { ApplicationStatusTag, ApplicationTimeline } from '../parts'
import { INTERVIEW_MODE_NAMES } from '@/types/jobs'

/** One application as its worker follows it: the state, the invitation to confirm, the timeline; withdraw while undecided. */
export default function ApplicationPage() {
  const id = useRouter().params.id ?? ''
  const view = useLoad(() => api.jobs.myApplication({ applicationId: id }), { deps: [id], onShow: true })
  return (
    <PageShell className="job-application">
      <Loadable load={view} rows={8}>
        {(a) => <ApplicationView application={a} onChange={(next) => view.update(() => next)} />}
      </Loadable>
    </PageShell>
  )
}

function ApplicationView({ application: a, onChange }: { application: MyApplication; onChange(next: MyApplication): void }) {
  const { submit, busy } = useSubmit()

  async function confirmInterview() {
    const next = await submit((requestId) => api.jobs.confirmInterview({ applicationId: a._id }, { requestId }))
    if (!next) return
    Taro.showToast({ title: '已确认，企业会看到', icon: 'none' })
    onChange(next)
  }

  async function withdraw() {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后企业不再处理这份申请，之后还可以从岗位页重新投递。',
      confirmText: '撤回',
      cancelText: '不撤回',
    })
    if (!confirm) return
    const next = await submit((requestId) => api.jobs.withdrawApplication({ applicationId: a._id }, { requestId }))
    if (next) onChange(next)
  }

  const i = a.interview
  return (
    <>
      <View className="section">
        <View className="row">
          <Text className="section-title application-title">{a.job.title}</Text>
          <ApplicationStatusTag status={a.status} />
        </View>
        <Text className="muted">
          {a.job.employerName} · 投递于 {formatTime(a.appliedAt)}
        </Text>
        {a.status === 'hired' && <Text className="note application-hired">恭喜，企业决定录用您，请留意企业的联系，也可以直接联系企业。</Text>}
        {a.status === 'declined' && <Text className="note application-declined">企业认为暂时不合适{a.declineReason ? `：${a.declineReason}` : '。'}</Text>}
        {a.employerContact && (
          <Cell
            className="employer-contact"
            title="企业联系人"
            description={`${a.employerContact.name} ${a.employerContact.phone}`}
            clickable
            extra="拨打"
            onClick={() => Taro.makePhoneCall({ phoneNumber: a.employerContact!.phone }).catch(() => undefined)}
          />
        )}
      </View>

      {a.status === 'interview' && i && (
        <View className="section interview-invitation">
          <Text className="section-title">面试邀请</Text>
          <Cell title="时间" description={formatTime(i.at)} />
          <Cell title="方式" description={INTERVIEW_MODE_NAMES[i.mode]} />
          {i.place && <Cell title="地点" description={i.place} />}
          {i.link && (
            <Cell title="视频链接" description={i.link} clickable onClick={() => Taro.setClipboardData({ data: i.link! })} extra="复制" />
          )}
          {i.note && <Cell title="说明" description={i.note} />}
          {a.waitsForMe ? (
            <View className="actions">
              <Button type="primary" block loading={busy} className="confirm-interview" onClick={confirmInterview}>
                确认参加面试
              </Button>
            </View>
          ) : (
            <Text className="muted interview-confirmed">您已确认参加{i.confirmedAt ? `（${formatTime(i.confirmedAt)}）` : ''}</Text>
          )}
        </View>
      )}

      <ApplicationTimeline timeline={a.timeline} />

      <View className="section">
        <View className="actions">
          <Button className="open-job" onClick={() => Taro.navigateTo({ url: routes.job(a.job._id) })}>
            查看岗位
          </Button>
          {a.canWithdraw && (
            <Button className="withdraw-application" loading={busy} onClick={withdraw}>
              撤回申请
            </Button>
          )}
        </View>
      </View>
    </>
  )
}
