import * as v from 'valibot'
import type { RebuildRequestsContract } from './requests'
import { codeText, freeText, moneyFen, nameText, pageCursor, recordId } from './fields'

/** The one case workflow of hardship aid, medical claims and legal help (DOMAIN.md §3). */

export const CASE_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'needs_info',
  'resubmitted',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
  // Legal help (DOMAIN.md §5): 受理, 提供援助 or 不予援助, 结案.
  'acknowledged',
  'granted',
  'declined',
  'closed',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  needs_info: '待补充材料',
  resubmitted: '已补充材料',
  approved: '已批准',
  paid: '已发放',
  rejected: '未通过',
  withdrawn: '已撤回',
  acknowledged: '已受理',
  granted: '提供援助',
  declined: '不予援助',
  closed: '已结案',
}

export const CASE_ACTIONS = [
  'submit',
  'claim',
  'askInfo',
  'resubmit',
  'approve',
  'reject',
  'markPaid',
  'withdraw',
  // Legal help: the desk acknowledges, assigns a lawyer, grants or declines; the case closes with an
  // outcome and the worker rates it; a mediation-room appointment is booked and cancelled on the case.
  'acknowledge',
  'assign',
  'grant',
  'decline',
  'close',
  'rate',
  'book',
  'cancelBooking',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

/** The services whose requests are cases on this workflow. */
export const CASE_SERVICES = ['aid', 'medical', 'legal'] as const
export type CaseService = (typeof CASE_SERVICES)[number]

/** States in which a case is still moving; the worker may withdraw it, staff still act on it. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['submitted', 'in_review', 'needs_info', 'resubmitted', 'approved', 'acknowledged', 'granted']

/** At most this many files go with one case (the limit), across all its submissions. */
export const MAX_FILES_PER_CASE = 9

/** The desk's queues: which states each shows. */
export const QUEUE_FILTERS = {
  waiting: { title: '待受理', statuses: ['submitted', 'resubmitted'] },
  in_review: { title: '审核中', statuses: ['in_review'] },
  needs_info: { title: '待补材料', statuses: ['needs_info'] },
  approved: { title: '待发放', statuses: ['approved'] },
  closed: { title: '已办结', statuses: ['paid', 'rejected', 'withdrawn'] },
} as const satisfies Record<string, { title: string; statuses: readonly CaseStatus[] }>
export type QueueFilter = keyof typeof QUEUE_FILTERS
export const QUEUE_FILTER_KEYS = Object.keys(QUEUE_FILTERS) as QueueFilter[]

/** "Waited at least …" choices of the desk, in days. */
export const WAIT_FILTERS = [0, 1, 3, 7] as const

/** A file that goes with a case, and which item of the materials checklist it is. */
export interface CaseAttachment {
  fileId: string
  material: string
  addedAt: number
}

/** One step on the worker's timeline. */
export interface TimelineEntry {
  at: number
  action: CaseAction
  status: CaseStatus
  by: 'owner' | 'staff'
  /** What is missing, why not, or the worker's word on a resubmission. */
  note?: string
  amountFen?: number
  paymentRef?: string
  /** How many files came with this step. */
  files?: number
  /** Legal: the name of the lawyer assigned (never their phone). */
  assigneeName?: string
  /** Legal: where else to turn, when aid is declined. */
  referral?: string
  /** Legal: how the case ended (`LEGAL_OUTCOMES`); `amountFen` is then what was recovered for the worker. */
  outcome?: string
  /** Legal: the worker's rating, 1–5. */
  stars?: number
  /** Legal: the mediation-room appointment booked or cancelled, in words (place and time). */
  appointment?: string
}

/** A labelled line of a case's particulars, as the service words it. */
export interface CaseDetailRow {
  label: string
  value: string
  /** A masked field staff may reveal (audited). */
  revealable?: string
}

/** A case as its owner sees it. */
export interface CaseSummary {
  _id: string
  service: CaseService
  title: string
  status: CaseStatus
  statusName: string
  submittedAt: number
  updatedAt: number
  amountFen?: number
}

export interface CaseView extends CaseSummary {
  timeline: TimelineEntry[]
  attachments: CaseAttachment[]
  /** The materials of the checklist, with their names. */
  materials: Array<{ key: string; name: string }>
  rows: CaseDetailRow[]
  /** The latest thing staff asked for, while the case waits for the worker. */
  askedFor?: string
  rejectReason?: string
  paymentRef?: string
}

/** A case on the desk: the applicant masked, how long it has waited. */
export interface DeskCaseSummary {
  _id: string
  service: CaseService
  title: string
  status: CaseStatus
  statusName: string
  applicantMasked: string
  submittedAt: number
  /** When it entered its present state: what "waited" counts from. */
  waitingSince: number
  assigneeId?: string
  assignedToMe: boolean
}

export interface DeskCaseView extends DeskCaseSummary {
  timeline: TimelineEntry[]
  attachments: CaseAttachment[]
  materials: Array<{ key: string; name: string }>
  rows: CaseDetailRow[]
  /** What the service's rules suggest approving, and the most that may be approved. */
  suggestedFen?: number
  maxFen?: number
  /** Why the rules now suggest less than at submission (a cap used since). */
  suggestionNote?: string
  amountFen?: number
  paymentRef?: string
  /** Which steps this volunteer may take now. */
  allowed: CaseAction[]
}

const caseId = recordId('申请编号')
const note = (label: string, missing: string) => freeText(label, { min: 2, max: 300, required: missing })

export const CaseIdInput = v.object({ caseId })

export const AttachmentInput = v.object({
  fileId: v.pipe(v.string('缺少文件'), v.minLength(1, '缺少文件'), v.maxLength(200, '文件编号不正确')),
  material: v.pipe(v.string('请选择材料类型'), v.minLength(1, '请选择材料类型'), v.maxLength(40, '材料类型不正确')),
})
export const AttachmentsInput = v.pipe(
  v.array(AttachmentInput, '材料格式不正确'),
  v.maxLength(MAX_FILES_PER_CASE, `每份申请最多上传${MAX_FILES_PER_CASE}个文件`),
)

/** Where a payout goes: the applicant's own card. */
export const BankAccountInput = v.object({
  bankName: nameText('开户银行', { min: 2, max: 30 }),
  accountNo: codeText('银行卡号', /^\d{12,19}$/, '银行卡号应为12到19位数字', 19),
})

export const ResubmitInput = v.object({
  caseId,
  note: v.optional(freeText('说明', { max: 300 })),
  attachments: AttachmentsInput,
})

export const QueueInput = v.object({
  filter: v.picklist(QUEUE_FILTER_KEYS, '没有这个队列'),
  minWaitDays: v.optional(v.picklist(WAIT_FILTERS, '等待天数不正确')),
  mineOnly: v.optional(v.boolean('“只看我的”应为是或否')),
  cursor: pageCursor,
})

export const AskInfoInput = v.object({ caseId, note: note('需要补充的内容', '请写明需要补充什么') })
export const RejectInput = v.object({ caseId, note: note('不通过的原因', '请写明不通过的原因') })
export const ApproveInput = v.object({
  caseId,
  amountFen: moneyFen('批准的金额', { min: 1 }),
  note: v.optional(freeText('说明', { max: 300 })),
})
export const MarkPaidInput = v.object({
  caseId,
  paymentRef: codeText('付款凭证号', /^[\w-]{4,40}$/, '付款凭证号应为4到40位字母、数字或短横线', 40),
})
export const CaseRevealInput = v.object({
  caseId,
  field: v.pipe(v.string('请选择要查看的信息'), v.minLength(1, '请选择要查看的信息'), v.maxLength(40, '请选择要查看的信息')),
})

/**
 * The actions every case service has: the worker's side and the desk's. A step answers with the
 * case's summary (a repeat of the same requestId gets it again), never with its personal data.
 */
export interface CaseContract extends RebuildRequestsContract {
  mine: { input: Record<string, never>; output: { items: CaseSummary[] } }
  case: { input: v.InferInput<typeof CaseIdInput>; output: CaseView }
  resubmit: { input: v.InferInput<typeof ResubmitInput>; output: CaseSummary }
  withdraw: { input: v.InferInput<typeof CaseIdInput>; output: CaseSummary }
  queue: {
    input: v.InferInput<typeof QueueInput>
    output: { items: DeskCaseSummary[]; nextCursor?: string; /** How many wait in each open queue. */ counts: Partial<Record<QueueFilter, number>> }
  }
  deskCase: { input: v.InferInput<typeof CaseIdInput>; output: DeskCaseView }
  claim: { input: v.InferInput<typeof CaseIdInput>; output: DeskCaseSummary }
  askInfo: { input: v.InferInput<typeof AskInfoInput>; output: DeskCaseSummary }
  approve: { input: v.InferInput<typeof ApproveInput>; output: DeskCaseSummary }
  reject: { input: v.InferInput<typeof RejectInput>; output: DeskCaseSummary }
  markPaid: { input: v.InferInput<typeof MarkPaidInput>; output: DeskCaseSummary }
  reveal: { input: v.InferInput<typeof CaseRevealInput>; output: { field: string; value: string } }
}
