import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Rate, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { CANCEL_BEFORE_MS, type LegalCaseView } from '@/types/legal'
import { api } from '../../../api'
import { CaseAttachments } from '../../../components/CaseAttachments'
import { CaseRows, CaseTitle, WithdrawCase } from '../../../components/CaseParts'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { formatYuan } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { AppointmentCard, RoomPicker } from '../parts/Appointment'
import { LegalTimeline } from '../parts/LegalTimeline'
import { Thread } from '../parts/Thread'
import '../legal.scss'

const WITHDRAWABLE = ['submitted', 'acknowledged']

/** The worker's legal case: the promise in dates, the lawyer, the messages, the appointment, the outcome and the rating. */
export default function LegalCasePage() {
  const caseId = useRouter().params.caseId ?? ''
  // Again on every show: the desk or the lawyer may have moved the case meanwhile.
  const view = useLoad(() => api.legal.case({ caseId }), { onShow: true })
  return (
    <PageShell className="legal-case">
      <Loadable load={view} rows={8}>
        {(v) => <WorkerCase caseId={caseId} view={v} reload={view.reload} />}
      </Loadable>
    </PageShell>
  )
}

function WorkerCase({ caseId, view, reload }: { caseId: string; view: LegalCaseView; reload(): Promise<void> }) {
  const { submit, busy, fieldErrors } = useSubmit()
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')
  const [openedAt] = useState(() => Date.now())
  // How many unread messages the page showed: once the thread is read, the count is gone.
  const [unreadShown, setUnreadShown] = useState(view.unread)

  async function cancelBooking() {
    const { confirm } = await Taro.showModal({ title: '取消预约', content: '确定取消这次调解室预约吗？律师会收到通知。' })
    if (!confirm) return
    if (await submit((requestId) => api.legal.cancelBooking({ caseId }, { requestId }))) reload()
  }

  async function rate() {
    if (await submit((requestId) => api.legal.rate({ caseId, stars, comment: comment.trim() || undefined }, { requestId }))) {
      Taro.showToast({ title: '谢谢您的评价', icon: 'success' })
      reload()
    }
  }

  const ended = ['declined', 'closed', 'withdrawn'].includes(view.status)
  const upcoming = view.appointment && view.appointment.startAt > openedAt
  return (
    <>
      <View className="section">
        <CaseTitle title={view.title} statusName={view.statusName} ended={ended} />
        <Text className="promise-text">{view.promise.text}</Text>
        {view.lawyerName ? <Text className="lawyer-name">负责律师：{view.lawyerName}</Text> : !ended && <Text className="muted">受理后工会会为您指派律师。</Text>}
        {view.unread > 0 && unreadShown > 0 && <Text className="unread-count overdue">律师有{unreadShown}条新留言，请看下方</Text>}
      </View>

      {view.decline && (
        <View className="section decline">
          <Text className="section-title">不予援助</Text>
          <Text className="decline-reason">原因：{view.decline.reason}</Text>
          <Text className="decline-referral promise-text">您还可以：{view.decline.referral}</Text>
        </View>
      )}

      {view.outcome && (
        <View className="section outcome">
          <Text className="section-title">办理结果：{view.outcome.outcomeName}</Text>
          {view.outcome.recoveredFen ? <Text className="case-amount">为您追回 {formatYuan(view.outcome.recoveredFen)}</Text> : null}
          <Text className="timeline-note">{view.outcome.note}</Text>
        </View>
      )}

      {view.canRate && (
        <View className="section rating-form">
          <Text className="section-title">评价这次服务</Text>
          <Rate className="field-stars" count={5} value={stars} onChange={setStars} />
          <FieldError message={fieldErrors.stars} value={stars} />
          <TextArea className="field-comment" value={comment} onChange={setComment} placeholder="想对律师和工会说的话（可不填）" maxLength={300} />
          <Button type="primary" block className="submit-rating" loading={busy} onClick={rate}>
            提交评价
          </Button>
        </View>
      )}
      {view.rating && (
        <View className="section rating">
          <Text className="section-title">我的评价</Text>
          <Text className="stars">{'★'.repeat(view.rating.stars)}{'☆'.repeat(5 - view.rating.stars)}</Text>
          {view.rating.comment && <Text className="timeline-note">{view.rating.comment}</Text>}
        </View>
      )}

      {view.appointment && (
        <AppointmentCard
          appointment={view.appointment}
          past={!upcoming}
          onCancel={view.appointmentCancellable ? cancelBooking : undefined}
          cancelNote={upcoming && !view.appointmentCancellable ? `开始前${CANCEL_BEFORE_MS / 3_600_000}小时内不能在这里取消，去不了请直接联系律师。` : undefined}
        />
      )}
      {view.canBook && <RoomPicker caseId={caseId} onBooked={reload} />}

      {(view.canWrite || view.lawyerName) && <Thread caseId={caseId} side="owner" canWrite={view.canWrite} onRead={() => setUnreadShown(0)} />}

      <LegalTimeline timeline={view.timeline} />
      {view.attachments.length > 0 && <CaseAttachments materials={view.materials} attachments={view.attachments} />}

      <CaseRows title="求助内容" note={view.limitText} rows={view.rows} />

      {WITHDRAWABLE.includes(view.status) && (
        <WithdrawCase
          label="撤回求助"
          warning="撤回后工会不再办理这件事，以后可以重新申请。确定撤回吗？"
          busy={busy}
          withdraw={async () => {
            if (await submit((requestId) => api.legal.withdraw({ caseId }, { requestId }))) reload()
          }}
        />
      )}
    </>
  )
}
