import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DEFAULT_REFERRAL, LEGAL_OUTCOMES, OUTCOME_NAMES, type LegalOutcome, type LegalStaffView } from '@/types/legal'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'

const DONE = { acknowledge: '已受理', assign: '已指派', grant: '已决定提供援助', decline: '已答复不予援助', close: '已结案', deskCancelBooking: '已取消预约' } as const

/**
 * The steps the caller may take on a legal case now (`view.allowed`): the desk acknowledges,
 * assigns, grants or declines, cancels an appointment with a reason; the lawyer assigned (or the
 * desk) closes with an outcome.
 */
export function StaffActions({ caseId, view, reload }: { caseId: string; view: LegalStaffView; reload(): Promise<void> }) {
  const allowed = new Set(view.allowed)
  const { submit, busy, fieldErrors } = useSubmit()
  const [form, setForm] = useState({ note: '', referral: DEFAULT_REFERRAL, assigneeId: '', outcome: '', recovered: '', closeNote: '', cancelNote: '' })
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }))
  const desk = view.as === 'desk'
  const canAssign = desk && allowed.has('assign')
  const lawyers = useLoad(() => api.legal.lawyers({}), { when: canAssign, deps: [canAssign] })

  async function take(action: keyof typeof DONE, confirmText?: string) {
    if (confirmText) {
      const { confirm } = await Taro.showModal({ title: confirmText, content: '申请人会收到通知。' })
      if (!confirm) return
    }
    const done = await submit((requestId) => {
      const options = { requestId }
      switch (action) {
        case 'acknowledge':
          return api.legal.acknowledge({ caseId }, options)
        case 'assign':
          return api.legal.assign({ caseId, assigneeId: form.assigneeId }, options)
        case 'grant':
          return api.legal.grant({ caseId, note: form.note.trim() || undefined }, options)
        case 'decline':
          return api.legal.decline({ caseId, note: form.note, referral: form.referral }, options)
        case 'close':
          return api.legal.close({ caseId, outcome: form.outcome as LegalOutcome, recoveredFen: form.recovered.trim() ? yuanToFen(form.recovered) : undefined, note: form.closeNote }, options)
        case 'deskCancelBooking':
          return api.legal.deskCancelBooking({ caseId, note: form.cancelNote }, options)
      }
    })
    if (!done) return
    Taro.showToast({ title: DONE[action], icon: 'success' })
    reload()
  }

  return (
    <>
      {allowed.has('acknowledge') && (
        <View className="section">
          <Button type="primary" block className="acknowledge" loading={busy} onClick={() => take('acknowledge')}>
            受理
          </Button>
        </View>
      )}

      {desk && allowed.has('assign') && (
        <View className="section assign">
          <Text className="section-title">{view.assigneeName ? `改派律师（现在：${view.assigneeName}）` : '指派律师'}</Text>
          <Loadable load={lawyers} part="律师名单" isEmpty={(l) => l.items.length === 0} empty="还没有法援律师，请管理员在用户里授予“法援律师”">
            {(l) => (
              <Radio.Group className="field-assignee" direction="vertical" value={form.assigneeId} onChange={(v) => set({ assigneeId: String(v) })}>
                {l.items.map((p) => (
                  <Radio key={p.userId} value={p.userId} className={`assignee-${p.userId}`}>
                    {p.name}（{p.kind === 'lawyer' ? '律师' : '志愿者'}，在办{p.open}件）
                  </Radio>
                ))}
              </Radio.Group>
            )}
          </Loadable>
          <FieldError message={fieldErrors.assigneeId} value={form.assigneeId} />
          <Button type="primary" block className="assign-lawyer" loading={busy} onClick={() => take('assign')}>
            指派
          </Button>
        </View>
      )}

      {(allowed.has('grant') || allowed.has('decline')) && (
        <View className="section decide">
          <Text className="section-title">答复是否提供援助</Text>
          <Text className="field-label">说明（不予援助时写明原因）</Text>
          <TextArea className="field-note" value={form.note} onChange={(note) => set({ note })} placeholder="如：符合援助条件，由律师跟进" maxLength={300} />
          <FieldError message={fieldErrors.note} value={form.note} />
          {allowed.has('grant') && (
            <Button type="primary" block className="grant" loading={busy} onClick={() => take('grant')}>
              提供援助
            </Button>
          )}
          {allowed.has('decline') && (
            <>
              <Text className="field-label">还可以去哪里求助（申请人会看到）</Text>
              <TextArea className="field-referral" value={form.referral} onChange={(referral) => set({ referral })} maxLength={300} />
              <FieldError message={fieldErrors.referral} value={form.referral} />
              <Button type="danger" fill="outline" block className="decline" loading={busy} onClick={() => take('decline', '确定不予援助？')}>
                不予援助
              </Button>
            </>
          )}
        </View>
      )}

      {allowed.has('close') && (
        <View className="section close-case">
          <Text className="section-title">结案</Text>
          <Radio.Group className="field-outcome" direction="horizontal" value={form.outcome} onChange={(v) => set({ outcome: String(v) })}>
            {LEGAL_OUTCOMES.map((o) => (
              <Radio key={o} value={o} shape="button" className={`outcome-${o}`}>
                {OUTCOME_NAMES[o]}
              </Radio>
            ))}
          </Radio.Group>
          <FieldError message={fieldErrors.outcome} value={form.outcome} />
          <Text className="field-label">为职工追回的金额（元，没有可不填）</Text>
          <Input className="field-recovered" type="digit" value={form.recovered} onChange={(recovered) => set({ recovered })} placeholder="如：12000" />
          <FieldError message={fieldErrors.recoveredFen} value={form.recovered} />
          <Text className="field-label">办理情况</Text>
          <TextArea className="field-close-note" value={form.closeNote} onChange={(closeNote) => set({ closeNote })} placeholder="如：双方在调解室达成协议，公司当场支付" maxLength={500} />
          <FieldError message={fieldErrors.note} value={form.closeNote} />
          <Button type="primary" block className="close" loading={busy} onClick={() => take('close', '确定结案？')}>
            结案
          </Button>
        </View>
      )}

      {desk && allowed.has('cancelBooking') && view.appointment && (
        <View className="section desk-cancel">
          <Text className="section-title">取消调解室预约</Text>
          <TextArea className="field-cancel-note" value={form.cancelNote} onChange={(cancelNote) => set({ cancelNote })} placeholder="取消的原因，申请人会看到" maxLength={300} />
          <FieldError message={fieldErrors.note} value={form.cancelNote} />
          <Button block className="desk-cancel-booking" loading={busy} onClick={() => take('deskCancelBooking', '确定取消这次预约？')}>
            取消预约
          </Button>
        </View>
      )}
    </>
  )
}
