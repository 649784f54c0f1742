import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { timeLeft } from '@/domain/legal/promiseText'
import { CANCEL_BEFORE_MS, type LegalStaffView } from '@/types/legal'
import { api } from '../../../api'
import { CaseAttachments } from '../../../components/CaseAttachments'
import { CaseRows, CaseTitle } from '../../../components/CaseParts'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { formatYuan } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { AppointmentCard, RoomPicker } from '../parts/Appointment'
import { LegalTimeline } from '../parts/LegalTimeline'
import { StaffActions } from '../parts/StaffActions'
import { Thread } from '../parts/Thread'
import '../legal.scss'

/** A legal case as the legal desk or the lawyer assigned works it (opening it is recorded). */
export default function LegalWorkPage() {
  const caseId = useRouter().params.caseId ?? ''
  // Again on every show: the worker, the desk or the lawyer may have moved it meanwhile.
  const view = useLoad(() => api.legal.staffCase({ caseId }), { onShow: true })
  return (
    <PageShell className="legal-work">
      <Loadable load={view} rows={8}>
        {(v) => <WorkedCase caseId={caseId} view={v} reload={view.reload} />}
      </Loadable>
    </PageShell>
  )
}

function WorkedCase({ caseId, view, reload }: { caseId: string; view: LegalStaffView; reload(): Promise<void> }) {
  const [openedAt] = useState(() => Date.now())
  const { submit, busy } = useSubmit()
  const left = view.dueAt !== undefined ? timeLeft(view.dueAt, openedAt) : null
  const lawyer = view.as === 'lawyer' || view.assignedToMe
  const upcoming = view.appointment && view.appointment.startAt > openedAt

  async function cancelAsLawyer() {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: '确定取消这次调解室预约吗？申请人会收到通知。' })
    if (confirm && (await submit((requestId) => api.legal.cancelBooking({ caseId }, { requestId })))) reload()
  }

  return (
    <>
      <View className="section">
        <CaseTitle title={view.title} statusName={view.statusName} />
        <Text className="muted">
          申请人 {view.applicantMasked} · {view.categoryName}
          {view.assigneeName ? ` · 负责律师 ${view.assigneeName}` : ' · 未指派律师'}
        </Text>
        {left && (
          <Text className={`due ${left.overdue ? 'overdue' : ''}`}>
            {view.dueWhat}承诺：{left.words}
            {view.estimated ? '（按常规工作日估算）' : ''}
          </Text>
        )}
        <Text className="promise-text">{view.promise.text}</Text>
        <Text className="muted">{view.limitText}</Text>
        {view.outcome && (
          <Text className="timeline-note">
            结案：{view.outcome.outcomeName}
            {view.outcome.recoveredFen ? `，追回 ${formatYuan(view.outcome.recoveredFen)}` : ''}。{view.outcome.note}
          </Text>
        )}
        {view.decline && <Text className="timeline-note">不予援助：{view.decline.reason}</Text>}
        {view.rating && <Text className="timeline-note">职工评价：{'★'.repeat(view.rating.stars)}{view.rating.comment ? ` ${view.rating.comment}` : ''}</Text>}
      </View>

      <StaffActions caseId={caseId} view={view} reload={reload} />

      {view.appointment && (
        <AppointmentCard
          appointment={view.appointment}
          past={!upcoming}
          onCancel={lawyer && upcoming && view.appointment.startAt - openedAt >= CANCEL_BEFORE_MS ? cancelAsLawyer : undefined}
        />
      )}
      {view.allowed.includes('book') && <RoomPicker caseId={caseId} onBooked={reload} />}
      {busy && <Text className="muted">正在处理……</Text>}

      {view.assignedToMe && <Thread caseId={caseId} side="assignee" canWrite={view.canWrite} />}

      <CaseRows
        title="求助内容"
        note={view.as === 'desk' ? '敏感信息已隐藏，查看会被记录。' : '查看电话会被记录；职工选择电话联系时才能查看。'}
        rows={view.rows}
        reveal={(field) => api.legal.reveal({ caseId, field })}
        afterReveal={(field, value) =>
          field === 'mobile' ? (
            <Button size="small" className="call-worker" onClick={() => Taro.makePhoneCall({ phoneNumber: value }).catch(() => undefined)}>
              拨打
            </Button>
          ) : undefined
        }
      />
      {view.attachments.length > 0 && <CaseAttachments materials={view.materials} attachments={view.attachments} />}
      <LegalTimeline timeline={view.timeline} />
    </>
  )
}
