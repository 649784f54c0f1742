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
}

export const CASE_ACTIONS = ['submit', 'claim', 'askInfo', 'resubmit', 'approve', 'reject', 'markPaid', 'withdraw'] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]
