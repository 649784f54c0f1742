import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { CaseService, CaseSummary, CaseView } from '@/types/cases'
import type { CallOptions } from '../api'
import { formatYuan } from '../utils/money'
import { useLoad } from '../utils/useLoad'
import { useSubmit } from '../utils/useSubmit'
import { CaseAttachments } from './CaseAttachments'
import { CaseRows, CaseTitle, WithdrawCase } from './CaseParts'
import { CaseTimeline } from './Timeline'
import { FieldError } from './FieldError'
import { attachmentsInput, ChecklistUploads, replaceMaterial, type AttachedFile } from './CaseFormParts'
import { Loadable } from './Loadable'
import { PageShell } from './PageShell'

/** The worker's side of a case service's actions, as every case function has them. */
export interface WorkerCaseApi {
  case(input: { caseId: string }): Promise<CaseView>
  resubmit(input: { caseId: string; note?: string; attachments: Array<{ fileId: string; material: string }> }, options?: CallOptions): Promise<CaseSummary>
  withdraw(input: { caseId: string }, options?: CallOptions): Promise<CaseSummary>
}

const WITHDRAWABLE = ['submitted', 'in_review', 'needs_info', 'resubmitted']

/**
 * A worker's case, whatever the service: its state, what staff asked for (with uploads to answer),
 * the timeline, the files and the particulars; withdraw while no decision is made.
 */
export function CaseScreen({ service, caseId, cases, className }: { service: CaseService; caseId: string; cases: WorkerCaseApi; className: string }) {
  // Again on every show: staff may have moved the case meanwhile.
  const view = useLoad(() => cases.case({ caseId }), { onShow: true })
  return (
    <PageShell className={className}>
      <Loadable load={view} rows={8}>
        {(v) => <WorkerCase service={service} caseId={caseId} cases={cases} view={v} reload={view.reload} />}
      </Loadable>
    </PageShell>
  )
}

function WorkerCase(props: { service: CaseService; caseId: string; cases: WorkerCaseApi; view: CaseView; reload(): Promise<void> }) {
  const { service, caseId, cases, view, reload } = props
  const [added, setAdded] = useState<AttachedFile[]>([])
  const [note, setNote] = useState('')
  const { submit, busy, fieldErrors } = useSubmit()

  async function resubmit() {
    const done = await submit((requestId) => cases.resubmit({ caseId, note: note.trim() || undefined, attachments: attachmentsInput(added) }, { requestId }))
    if (!done) return
    setAdded([])
    setNote('')
    Taro.showToast({ title: '已提交补充材料', icon: 'success' })
    reload()
  }

  return (
    <>
      <View className="section">
        <CaseTitle title={view.title} statusName={view.statusName} ended={view.status === 'rejected' || view.status === 'withdrawn'} />
        {view.amountFen !== undefined && <Text className="case-amount">批准金额 {formatYuan(view.amountFen)}</Text>}
        {view.paymentRef && <Text className="muted">付款凭证号 {view.paymentRef}</Text>}
        {view.rejectReason && view.status === 'rejected' && <Text className="case-reject">未通过的原因：{view.rejectReason}</Text>}
      </View>

      {view.status === 'needs_info' && (
        <View className="section needs-info">
          <Text className="section-title">需要您补充</Text>
          <Text className="asked-for">{view.askedFor}</Text>
          <ChecklistUploads service={service} materials={view.materials} files={added} already={view.attachments.length} errors={fieldErrors} onChange={(material, kept) => setAdded((files) => replaceMaterial(files, material, kept))} />
          <Text className="field-label">说明（可不填）</Text>
          <TextArea className="field-note" value={note} onChange={setNote} placeholder="如：已补交户口本" maxLength={300} />
          <FieldError message={fieldErrors.note} value={note} />
          <View className="actions">
            <Button type="primary" block loading={busy} className="submit-resubmit" onClick={resubmit}>
              提交补充材料
            </Button>
          </View>
        </View>
      )}

      <CaseTimeline timeline={view.timeline} />
      <CaseAttachments materials={view.materials} attachments={view.attachments} />

      <CaseRows title="申请内容" rows={view.rows} />

      {WITHDRAWABLE.includes(view.status) && (
        <WithdrawCase
          label="撤回申请"
          warning="撤回后这份申请不再办理，可以重新申请。确定撤回吗？"
          busy={busy}
          withdraw={async () => {
            if (await submit((requestId) => cases.withdraw({ caseId }, { requestId }))) reload()
          }}
        />
      )}
    </>
  )
}
