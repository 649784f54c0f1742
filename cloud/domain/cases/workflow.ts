import type { CaseAction, CaseStatus } from '../../../types/cases'

/**
 * The case workflow (DOMAIN.md §3): draft → submitted → in review (a volunteer claims it) → needs
 * more information → resubmitted → … → approved (amount) → paid; or rejected (with a reason); or
 * withdrawn by the worker before a decision. Each step names who may take it and what it needs.
 */

export interface CaseState {
  status: CaseStatus
  ownerId: string
  /** The volunteer who claimed the case. */
  assigneeId?: string
  amountFen?: number
}

export interface Actor {
  id: string
  /** The owner acts on their own case; staff are volunteers of the case's service or admins. */
  kind: 'owner' | 'staff'
  admin?: boolean
}

export interface StepInput {
  /** What is missing (askInfo), why not (reject). */
  note?: string
  amountFen?: number
  paymentRef?: string
}

interface Step {
  from: readonly CaseStatus[]
  to: CaseStatus
  by: Actor['kind']
  /** Staff steps after the claim are the assignee's (or an admin's). */
  assigneeOnly?: boolean
  needs?: (input: StepInput) => Record<string, string> | null
}

const noteNeeded = (field: string, message: string) => (input: StepInput) =>
  input.note && input.note.trim().length >= 2 ? null : { [field]: message }

export const STEPS: Record<CaseAction, Step> = {
  submit: { from: ['draft'], to: 'submitted', by: 'owner' },
  claim: { from: ['submitted', 'resubmitted'], to: 'in_review', by: 'staff' },
  askInfo: {
    from: ['in_review'],
    to: 'needs_info',
    by: 'staff',
    assigneeOnly: true,
    needs: noteNeeded('note', '请写明需要补充什么'),
  },
  resubmit: { from: ['needs_info'], to: 'resubmitted', by: 'owner' },
  approve: {
    from: ['in_review'],
    to: 'approved',
    by: 'staff',
    assigneeOnly: true,
    needs: (input) =>
      Number.isInteger(input.amountFen) && (input.amountFen ?? 0) > 0 ? null : { amountFen: '请填写批准的金额' },
  },
  reject: { from: ['in_review'], to: 'rejected', by: 'staff', assigneeOnly: true, needs: noteNeeded('note', '请写明不通过的原因') },
  markPaid: {
    from: ['approved'],
    to: 'paid',
    by: 'staff',
    needs: (input) => (input.paymentRef && input.paymentRef.trim().length >= 4 ? null : { paymentRef: '请填写付款凭证号' }),
  },
  withdraw: { from: ['draft', 'submitted', 'in_review', 'needs_info', 'resubmitted'], to: 'withdrawn', by: 'owner' },
}

export type StepResult =
  | { ok: true; status: CaseStatus; assigneeId?: string }
  | { ok: false; code: 'FORBIDDEN' | 'FAILED_PRECONDITION' | 'INVALID_ARGUMENT'; message: string; fields?: Record<string, string> }

const STATE_WORDS: Record<CaseStatus, string> = {
  draft: '还是草稿',
  submitted: '已提交，等待受理',
  in_review: '正在审核',
  needs_info: '正在等待补充材料',
  resubmitted: '已补充材料，等待审核',
  approved: '已批准',
  paid: '已发放',
  rejected: '已经不通过',
  withdrawn: '已撤回',
}

/** Whether `actor` may take `action` on a case in `state` with `input`, and where it leads. */
export function step(state: CaseState, action: CaseAction, actor: Actor, input: StepInput = {}): StepResult {
  const rule = STEPS[action]
  if (rule.by === 'owner' && (actor.kind !== 'owner' || actor.id !== state.ownerId)) {
    return { ok: false, code: 'FORBIDDEN', message: '只有申请人本人可以这样做' }
  }
  if (rule.by === 'staff' && actor.kind !== 'staff') {
    return { ok: false, code: 'FORBIDDEN', message: '只有负责的工作人员可以这样做' }
  }
  if (!rule.from.includes(state.status)) {
    return { ok: false, code: 'FAILED_PRECONDITION', message: `这件事${STATE_WORDS[state.status]}，不能再这样操作` }
  }
  if (rule.assigneeOnly && state.assigneeId !== actor.id && !actor.admin) {
    return { ok: false, code: 'FORBIDDEN', message: '这件事由其他工作人员负责' }
  }
  const missing = rule.needs?.(input)
  if (missing) return { ok: false, code: 'INVALID_ARGUMENT', message: Object.values(missing)[0], fields: missing }
  return { ok: true, status: rule.to, assigneeId: action === 'claim' ? actor.id : state.assigneeId }
}

/**
 * The steps `actor` may take on a case in `state` as far as who and when go (what each step needs
 * is asked for when it is taken): what the desk offers.
 */
export function availableSteps(state: CaseState, actor: Actor, actions: readonly CaseAction[]): CaseAction[] {
  return actions.filter((action) => {
    const result = step(state, action, actor, {})
    return result.ok || result.code === 'INVALID_ARGUMENT'
  })
}
