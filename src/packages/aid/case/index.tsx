import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Cell, Tag, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { MAX_FILES_PER_CASE, type CaseView } from '@/types/cases'
import { api } from '../../../api'
import { CaseAttachments } from '../../../components/CaseAttachments'
import { CaseTimeline } from '../../../components/CaseTimeline'
import { FieldError } from '../../../components/FieldError'
import { MaterialUploader, type UploadedMaterial } from '../../../components/MaterialUploader'
import { PageShell } from '../../../components/PageShell'
import { formatYuan } from '../../../utils/money'
import { showError, useSubmit } from '../../../utils/useSubmit'

const WITHDRAWABLE = ['submitted', 'in_review', 'needs_info', 'resubmitted']

export default function AidCasePage() {
  const caseId = useRouter().params.caseId ?? ''
  const [view, setView] = useState<CaseView | null>(null)
  const [added, setAdded] = useState<Record<string, UploadedMaterial[]>>({})
  const [note, setNote] = useState('')
  const { submit, busy, fieldErrors } = useSubmit()

  const load = () =>
    api.aid
      .case({ caseId })
      .then(setView)
      .catch(showError)
  useDidShow(() => {
    load()
  })

  async function resubmit() {
    const attachments = Object.entries(added).flatMap(([material, files]) => files.map((f) => ({ fileId: f.fileId, material })))
    const done = await submit((requestId) => api.aid.resubmit({ caseId, note: note.trim() || undefined, attachments }, { requestId }))
    if (!done) return
    setAdded({})
    setNote('')
    Taro.showToast({ title: '已提交补充材料', icon: 'success' })
    load()
  }

  async function withdraw() {
    const { confirm } = await Taro.showModal({ title: '撤回申请', content: '撤回后这份申请不再办理，可以重新申请。确定撤回吗？' })
    if (!confirm) return
    const done = await submit((requestId) => api.aid.withdraw({ caseId }, { requestId }))
    if (done) load()
  }

  if (!view) return <PageShell className="aid-case" />
  const addedCount = Object.values(added).reduce((n, files) => n + files.length, 0)
  const room = MAX_FILES_PER_CASE - view.attachments.length - addedCount
  return (
    <PageShell className="aid-case">
      <View className="section">
        <View className="row">
          <Text className="section-title case-title">{view.title}</Text>
          <Tag type={view.status === 'rejected' || view.status === 'withdrawn' ? 'default' : 'primary'} className="case-status">
            {view.statusName}
          </Tag>
        </View>
        {view.amountFen !== undefined && <Text className="case-amount">批准金额 {formatYuan(view.amountFen)}</Text>}
        {view.paymentRef && <Text className="muted">付款凭证号 {view.paymentRef}</Text>}
        {view.rejectReason && view.status === 'rejected' && <Text className="case-reject">未通过的原因：{view.rejectReason}</Text>}
      </View>

      {view.status === 'needs_info' && (
        <View className="section needs-info">
          <Text className="section-title">需要您补充</Text>
          <Text className="asked-for">{view.askedFor}</Text>
          {view.materials.map((m) => (
            <MaterialUploader
              key={m.key}
              service="aid"
              material={m.key}
              title={m.name}
              files={added[m.key] ?? []}
              room={room}
              onChange={(files) => setAdded((a) => ({ ...a, [m.key]: files }))}
            />
          ))}
          <FieldError message={fieldErrors.attachments ?? Object.entries(fieldErrors).find(([k]) => k.startsWith('attachments.'))?.[1]} />
          <Text className="field-label">说明（可不填）</Text>
          <TextArea className="field-note" value={note} onChange={setNote} placeholder="如：已补交户口本" maxLength={300} />
          <FieldError message={fieldErrors.note} />
          <View className="actions">
            <Button type="primary" block loading={busy} className="submit-resubmit" onClick={resubmit}>
              提交补充材料
            </Button>
          </View>
        </View>
      )}

      <CaseTimeline timeline={view.timeline} />
      <CaseAttachments materials={view.materials} attachments={view.attachments} />

      <View className="section case-rows">
        <Text className="section-title">申请内容</Text>
        {view.rows.map((r, i) => (
          <Cell key={i} title={r.label} description={r.value} />
        ))}
      </View>

      {WITHDRAWABLE.includes(view.status) && (
        <View className="section">
          <Button block className="withdraw" loading={busy} onClick={withdraw}>
            撤回申请
          </Button>
        </View>
      )}
    </PageShell>
  )
}
