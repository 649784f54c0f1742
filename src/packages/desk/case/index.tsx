import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, Input, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { CaseAction, DeskCaseView } from '@/types/cases'
import { CaseAttachments } from '../../../components/CaseAttachments'
import { CaseRows, CaseTitle } from '../../../components/CaseParts'
import { CaseTimeline } from '../../../components/Timeline'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { formatWaited } from '../../../utils/format'
import { formatYuan, yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { DESKS, isDeskService } from '../deskApi'

type Desk = (typeof DESKS)[keyof typeof DESKS]

const DONE: Record<string, string> = { claim: '已受理', askInfo: '已请申请人补充', approve: '已批准', reject: '已标记不通过', markPaid: '已登记发放' }

export default function DeskCasePage() {
  const params = useRouter().params
  const caseId = params.caseId ?? ''
  const desk = isDeskService(params.service) ? DESKS[params.service] : DESKS.aid
  // Again on every show: another volunteer may have moved the case meanwhile.
  const view = useLoad(() => desk.deskCase({ caseId }), { onShow: true })
  return (
    <PageShell className="desk-case">
      <Loadable load={view} rows={8}>
        {(v) => <DeskCase caseId={caseId} desk={desk} view={v} reload={view.reload} />}
      </Loadable>
    </PageShell>
  )
}

/** The typed amount as the one formatter writes it, or as typed when it is not a number. */
const amountWords = (typed: string) => (Number.isFinite(yuanToFen(typed)) ? formatYuan(yuanToFen(typed)) : `${typed} 元`)

const suggestedYuan = (v: DeskCaseView) => (v.suggestedFen !== undefined ? (v.suggestedFen / 100).toFixed(2) : '')

function DeskCase({ caseId, desk, view, reload }: { caseId: string; desk: Desk; view: DeskCaseView; reload(): Promise<void> }) {
  // How long it has waited, as of when the case was opened.
  const [openedAt] = useState(() => Date.now())
  const [edits, setEdits] = useState<{ note: string; amount?: string; paymentRef: string }>({ note: '', paymentRef: '' })
  // The rule's suggestion fills the amount until the volunteer types one (it comes with the review).
  const form = { ...edits, amount: edits.amount ?? suggestedYuan(view) }
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<typeof form>) => setEdits((f) => ({ ...f, ...change }))

  async function take(action: Extract<CaseAction, 'claim' | 'askInfo' | 'approve' | 'reject' | 'markPaid'>) {
    if (action === 'reject' || action === 'approve') {
      const { confirm } = await Taro.showModal({ title: action === 'reject' ? '确定不通过？' : `确定批准 ${amountWords(form.amount)}？`, content: '申请人会收到通知。' })
      if (!confirm) return
    }
    const done = await submit((requestId) => {
      const options = { requestId }
      switch (action) {
        case 'claim':
          return desk.claim({ caseId }, options)
        case 'askInfo':
          return desk.askInfo({ caseId, note: form.note }, options)
        case 'approve':
          return desk.approve({ caseId, amountFen: yuanToFen(form.amount), note: form.note.trim() || undefined }, options)
        case 'reject':
          return desk.reject({ caseId, note: form.note }, options)
        case 'markPaid':
          return desk.markPaid({ caseId, paymentRef: form.paymentRef }, options)
      }
    })
    if (!done) return
    Taro.showToast({ title: DONE[action], icon: 'success' })
    set({ note: '' })
    reload()
  }

  const allowed = new Set(view.allowed)
  const deciding = allowed.has('askInfo') || allowed.has('approve') || allowed.has('reject')
  return (
    <>
      <View className="section">
        <CaseTitle title={view.title} statusName={view.statusName} />
        {/* One fact a row, each with its label: who, how long it waited, what the rule says, what was decided. */}
        <Cell className="head-row head-applicant" title="申请人" extra={view.applicantMasked} />
        <Cell className="head-row head-waited" title="已等待" extra={formatWaited(openedAt - view.waitingSince)} />
        {view.assigneeId && <Cell className="head-row head-assignee" title="负责人" extra={view.assignedToMe ? '由我负责' : '他人负责'} />}
        {view.suggestedFen !== undefined && <Cell className="head-row suggested" title="按规则建议" extra={formatYuan(view.suggestedFen)} />}
        {view.suggestionNote && <Text className="muted suggestion-note">{view.suggestionNote}</Text>}
        {view.amountFen !== undefined && <Cell className="head-row case-amount" title="批准金额" extra={formatYuan(view.amountFen)} />}
      </View>

      {allowed.has('claim') && (
        <View className="section">
          <Button type="primary" block className="claim" loading={busy} onClick={() => take('claim')}>
            受理这份申请
          </Button>
        </View>
      )}

      {deciding && (
        <View className="section decide">
          <Text className="section-title">审核</Text>
          <Text className="field-label">说明（补充材料时写明缺什么；不通过或少批时写明原因）</Text>
          <TextArea className="field-note" value={form.note} onChange={(note) => set({ note })} placeholder="如：请补充户口本照片" maxLength={300} />
          <FieldError message={fieldErrors.note} value={form.note} />
          <Button block className="ask-info" loading={busy} onClick={() => take('askInfo')}>
            请申请人补充材料
          </Button>
          <Text className="field-label">批准金额（元{view.maxFen !== undefined ? `，最多${formatYuan(view.maxFen, { unit: false })}` : ''}）</Text>
          <Input className="field-amount" type="digit" value={form.amount} onChange={(amount) => set({ amount })} placeholder="如：1000.00" />
          <FieldError message={fieldErrors.amountFen} value={form.amount} />
          <View className="row">
            <Button type="primary" className="approve" loading={busy} onClick={() => take('approve')}>
              批准
            </Button>
            <Button type="danger" fill="outline" className="reject" loading={busy} onClick={() => take('reject')}>
              不通过
            </Button>
          </View>
        </View>
      )}

      {allowed.has('markPaid') && (
        <View className="section">
          <Text className="section-title">登记发放</Text>
          <Text className="field-label">付款凭证号</Text>
          <Input className="field-paymentRef" value={form.paymentRef} onChange={(paymentRef) => set({ paymentRef })} placeholder="银行流水号等" />
          <FieldError message={fieldErrors.paymentRef} value={form.paymentRef} />
          <Button type="primary" block className="mark-paid" loading={busy} onClick={() => take('markPaid')}>
            已发放
          </Button>
        </View>
      )}

      <CaseRows title="申请内容" note="敏感信息已隐藏，查看会被记录。" rows={view.rows} reveal={(field) => desk.reveal({ caseId, field })} />
      <CaseAttachments materials={view.materials} attachments={view.attachments} />
      <CaseTimeline timeline={view.timeline} />
    </>
  )
}
