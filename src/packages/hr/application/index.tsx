import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { AVAILABILITY_NAMES, INTERVIEW_MODE_NAMES, type InterviewMode } from '@/types/jobs'
import type { HrApplication } from '@/types/jobsViews'
import { api } from '../../../api'
import { DateTimeField, tomorrowMorning } from '../../../components/DateTimeField'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { formatTime } from '../../../utils/format'
import { INTERVIEW_MAX_AHEAD_MS } from '@/domain/jobs/applications'
import { formatYuan } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { ApplicationStatusTag, ApplicationTimeline, interviewText } from '../../jobs/parts'

const MODES = Object.keys(INTERVIEW_MODE_NAMES) as InterviewMode[]

/**
 * An applicant's résumé for the employer's HR contact: the phone masked until they invite to an
 * interview; then 录用 or 不合适. Opening it is recorded (the first time it also tells the worker 已查看).
 */
export default function HrApplicationPage() {
  const id = useRouter().params.id ?? ''
  // A write: the server marks it viewed and records the look, so it is fetched once per visit.
  const view = useLoad(() => api.jobs.hrApplication({ applicationId: id }), { deps: [id] })
  return (
    <PageShell className="hr-application">
      <Loadable load={view} rows={8}>
        {(a) => <ApplicationView application={a} reload={view.reload} />}
      </Loadable>
    </PageShell>
  )
}

function ApplicationView({ application: a, reload }: { application: HrApplication; reload(): Promise<void> }) {
  const [inviting, setInviting] = useState(false)
  const [when, setWhen] = useState<number>()
  // The picker's bounds count from when the form was opened (the server checks again on sending).
  const [now, setNow] = useState(() => Date.now())
  const [mode, setMode] = useState<InterviewMode>('onsite')
  const [place, setPlace] = useState('')
  const [link, setLink] = useState('')
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const { submit, busy, fieldErrors } = useSubmit()
  const r = a.resume
  const undecided = a.status === 'submitted' || a.status === 'viewed' || a.status === 'interview'

  async function invite() {
    const done = await submit((requestId) =>
      api.jobs.invite(
        {
          applicationId: a._id,
          // Not picked yet: NaN travels as null, which the server names on this field (请选择面试时间).
          at: when ?? NaN,
          mode,
          place: mode === 'onsite' ? place || undefined : undefined,
          link: link.trim() || undefined,
          note: note.trim() || undefined,
        },
        { requestId },
      ),
    )
    if (!done) return
    Taro.showToast({ title: '已邀请，已通知求职者', icon: 'none' })
    setInviting(false)
    reload()
  }

  async function hire() {
    const { confirm } = await Taro.showModal({ title: '录用', content: `决定录用${r.name}？系统会通知求职者。` })
    if (!confirm) return
    const done = await submit((requestId) => api.jobs.hire({ applicationId: a._id }, { requestId }))
    if (done) reload()
  }

  async function decline() {
    const { confirm } = await Taro.showModal({ title: '不合适', content: '答复求职者不合适？填写的原因求职者能看到。' })
    if (!confirm) return
    const done = await submit((requestId) => api.jobs.decline({ applicationId: a._id, reason: reason.trim() || undefined }, { requestId }))
    if (done) reload()
  }

  return (
    <>
      <View className="section">
        <View className="row">
          <Text className="section-title applicant-name">
            {r.name} · {r.age}岁
          </Text>
          <ApplicationStatusTag status={a.status} />
        </View>
        <Text className="muted">应聘 {a.jobTitle} · 投递于 {formatTime(a.appliedAt)}</Text>
        <Cell
          title="手机"
          className="applicant-phone"
          description={r.phone}
          extra={
            a.phoneShown ? (
              <Button size="small" className="call-applicant" onClick={() => Taro.makePhoneCall({ phoneNumber: r.phone }).catch(() => undefined)}>
                拨打
              </Button>
            ) : (
              '邀请面试后显示'
            )
          }
        />
        <Cell title="期望月薪" description={r.expectedSalaryFen !== undefined ? formatYuan(r.expectedSalaryFen) : '面议'} />
        <Cell title="到岗时间" description={AVAILABILITY_NAMES[r.availability]} />
      </View>

      <View className="section">
        <Text className="section-title">工作经历</Text>
        <Text className="text-block">{r.experience || '未填写'}</Text>
        <Text className="section-title resume-heading">技能</Text>
        <Text className="text-block">{r.skills || '未填写'}</Text>
        <Text className="section-title resume-heading">证书</Text>
        <Text className="text-block">{r.certificates || '未填写'}</Text>
      </View>

      {a.interview && a.status === 'interview' && (
        <View className="section">
          <Cell title="面试安排" description={interviewText(a.interview)} />
          <Cell title="求职者" description={a.interview.confirmedAt ? `已确认参加（${formatTime(a.interview.confirmedAt)}）` : '还没有确认'} />
        </View>
      )}

      {undecided && (
        <View className="section hr-steps">
          {!inviting ? (
            <View className="actions">
              <Button
                type="primary"
                className="open-invite"
                onClick={() => {
                  const opened = Date.now()
                  setNow(opened)
                  // A change of arrangement starts from the one the worker has (a time still ahead).
                  const current = a.status === 'interview' ? a.interview : undefined
                  if (current && when === undefined) {
                    if (current.at > opened) setWhen(current.at)
                    setMode(current.mode)
                    setPlace(current.place ?? '')
                    setLink(current.link ?? '')
                    setNote(current.note ?? '')
                  }
                  setInviting(true)
                }}
              >
                {a.status === 'interview' ? '修改面试安排' : '邀请面试'}
              </Button>
              {a.status === 'interview' && (
                <Button type="primary" loading={busy} className="hire" onClick={hire}>
                  录用
                </Button>
              )}
            </View>
          ) : (
            <View className="invite-form">
              <DateTimeField className="field-at" title="面试时间" value={when} onChange={setWhen} min={now} max={now + INTERVIEW_MAX_AHEAD_MS} suggested={tomorrowMorning(now)} />
              <FieldError message={fieldErrors.at} value={when} />
              <Radio.Group className="jobs-choices field-mode" direction="horizontal" value={mode} onChange={(v) => setMode(v as InterviewMode)}>
                {MODES.map((m) => (
                  <Radio key={m} value={m} shape="button">
                    {INTERVIEW_MODE_NAMES[m]}
                  </Radio>
                ))}
              </Radio.Group>
              {mode === 'onsite' ? (
                <>
                  <Text className="field-label">面试地点</Text>
                  <Input className="field-place" value={place} onChange={setPlace} placeholder="街道、门牌号、楼层" />
                  <FieldError message={fieldErrors.place} value={place} />
                </>
              ) : (
                <>
                  <Text className="field-label">视频链接（选填）</Text>
                  <Input className="field-link" value={link} onChange={setLink} placeholder="https://" />
                  <FieldError message={fieldErrors.link} value={link} />
                </>
              )}
              <Text className="field-label">说明（选填）</Text>
              <TextArea className="field-note" value={note} onChange={setNote} maxLength={200} placeholder="如：请带身份证" />
              <View className="actions">
                <Button type="primary" loading={busy} className="send-invite" onClick={invite}>
                  发送邀请
                </Button>
                <Button onClick={() => setInviting(false)}>取消</Button>
              </View>
              <Text className="muted">邀请后，求职者的手机号会对本企业显示，并通知求职者。</Text>
            </View>
          )}
          <Text className="field-label">不合适的原因（选填，求职者能看到）</Text>
          <TextArea className="field-reason" value={reason} onChange={setReason} maxLength={200} placeholder="如：需要有叉车证" />
          <View className="actions">
            <Button loading={busy} className="decline" onClick={decline}>
              不合适
            </Button>
          </View>
        </View>
      )}

      <ApplicationTimeline timeline={a.timeline} />
    </>
  )
}
