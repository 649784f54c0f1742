import type { CaseAction, CaseService, CaseStatus } from '../../../types/cases'

/**
 * The one case workflow of hardship aid, medical claims and legal help, as a table of steps: for
 * each action, the services that take it, from which states, where it leads, and who may take it.
 *
 * Aid and medical (DOMAIN.md §3, §4): draft → submitted → in review (a volunteer claims it) → needs
 * more information → resubmitted → … → approved (amount) → paid; or rejected (with a reason); or
 * withdrawn by the worker before a decision.
 *
 * Legal help (DOMAIN.md §5): draft → submitted → acknowledged (受理) → granted (提供援助) → closed
 * with an outcome, which the worker may rate; or declined with a reason and where else to turn; or
 * withdrawn by the worker before a decision. The desk assigns a lawyer (or a legal volunteer) once
 * acknowledged; the worker or that assignee books a mediation-room appointment and cancels it.
 */

export interface CaseState {
  service: CaseService
  status: CaseStatus
  ownerId: string
  /** The volunteer who claimed the case (aid, medical); the lawyer assigned (legal). */
  assigneeId?: string
  amountFen?: number
  /** Legal: the worker has rated the closed case already. */
  rated?: boolean
  /** Legal: the case holds a mediation-room appointment. */
  booked?: boolean
}

/**
 * Who takes a step: the worker whose case it is, staff of the case's service (its volunteers and
 * admins), or the person assigned to the case (a lawyer of the panel) acting as such.
 */
export type ActorKind = 'owner' | 'staff' | 'assignee'

export interface Actor {
  id: string
  kind: ActorKind
  admin?: boolean
}

export interface StepInput {
  /** What is missing (askInfo), why not (reject, decline), a note on the outcome (close), a reason to cancel. */
  note?: string
  /** Approved (approve); recovered for the worker (close). */
  amountFen?: number
  paymentRef?: string
  /** Whom the case is assigned to (assign). */
  assigneeId?: string
  /** Where else to turn when aid is declined. */
  referral?: string
  /** How a legal case ended. */
  outcome?: string
  /** The worker's rating, 1–5. */
  stars?: number
}

interface Step {
  /** The services whose cases take this step. */
  services: readonly CaseService[]
  /** The states it is taken from: the same for every service, or each service's own. */
  from: readonly CaseStatus[] | Partial<Record<CaseService, readonly CaseStatus[]>>
  /** Where it leads; absent: the case stays where it is (an assignment, a rating, an appointment). */
  to?: CaseStatus
  /** Who may take it; the first that fits the person is how they act. */
  by: readonly ActorKind[]
  /** Staff steps after the claim are the assignee's (or an admin's). */
  assigneeOnly?: boolean
  /** Why the case cannot take it now, beyond its state. */
  refuses?: (state: CaseState) => string | null
  needs?: (input: StepInput, actor: Actor) => Record<string, string> | null
}

const AID_AND_MEDICAL = ['aid', 'medical'] as const
const LEGAL = ['legal'] as const
const ALL = ['aid', 'medical', 'legal'] as const

const noteNeeded = (field: string, message: string) => (input: StepInput) =>
  input.note && input.note.trim().length >= 2 ? null : { [field]: message }

export const STEPS: Record<CaseAction, Step> = {
  submit: { services: ALL, from: ['draft'], to: 'submitted', by: ['owner'] },
  // A case in review that nobody holds (its volunteer closed their account) is claimed again.
  claim: {
    services: AID_AND_MEDICAL,
    from: ['submitted', 'resubmitted', 'in_review'],
    to: 'in_review',
    by: ['staff'],
    refuses: (s) => (s.status === 'in_review' && s.assigneeId ? `这件事${STATE_WORDS.in_review}，不能再这样操作` : null),
  },
  askInfo: {
    services: AID_AND_MEDICAL,
    from: ['in_review'],
    to: 'needs_info',
    by: ['staff'],
    assigneeOnly: true,
    needs: noteNeeded('note', '请写明需要补充什么'),
  },
  resubmit: { services: AID_AND_MEDICAL, from: ['needs_info'], to: 'resubmitted', by: ['owner'] },
  approve: {
    services: AID_AND_MEDICAL,
    from: ['in_review'],
    to: 'approved',
    by: ['staff'],
    assigneeOnly: true,
    needs: (input) =>
      Number.isInteger(input.amountFen) && (input.amountFen ?? 0) > 0 ? null : { amountFen: '请填写批准的金额' },
  },
  reject: { services: AID_AND_MEDICAL, from: ['in_review'], to: 'rejected', by: ['staff'], assigneeOnly: true, needs: noteNeeded('note', '请写明不通过的原因') },
  markPaid: {
    services: AID_AND_MEDICAL,
    from: ['approved'],
    to: 'paid',
    by: ['staff'],
    needs: (input) => (input.paymentRef && input.paymentRef.trim().length >= 4 ? null : { paymentRef: '请填写付款凭证号' }),
  },
  // Before a decision.
  withdraw: {
    services: ALL,
    from: {
      aid: ['draft', 'submitted', 'in_review', 'needs_info', 'resubmitted'],
      medical: ['draft', 'submitted', 'in_review', 'needs_info', 'resubmitted'],
      legal: ['draft', 'submitted', 'acknowledged'],
    },
    to: 'withdrawn',
    by: ['owner'],
  },

  acknowledge: { services: LEGAL, from: ['submitted'], to: 'acknowledged', by: ['staff'] },
  assign: {
    services: LEGAL,
    from: ['acknowledged', 'granted'],
    by: ['staff'],
    needs: (input) => (input.assigneeId ? null : { assigneeId: '请选择负责的律师' }),
  },
  grant: { services: LEGAL, from: ['acknowledged'], to: 'granted', by: ['staff'] },
  decline: {
    services: LEGAL,
    from: ['submitted', 'acknowledged'],
    to: 'declined',
    by: ['staff'],
    needs: (input) =>
      noteNeeded('note', '请写明不予援助的原因')(input) ??
      (input.referral && input.referral.trim().length >= 2 ? null : { referral: '请告诉申请人还可以去哪里求助' }),
  },
  close: {
    services: LEGAL,
    from: ['granted'],
    to: 'closed',
    by: ['staff', 'assignee'],
    needs: (input) =>
      !input.outcome
        ? { outcome: '请选择办理结果' }
        : input.amountFen !== undefined && !(Number.isInteger(input.amountFen) && input.amountFen >= 0)
          ? { amountFen: '追回金额应为不小于0的数' }
          : noteNeeded('note', '请写一句办理情况')(input),
  },
  rate: {
    services: LEGAL,
    from: ['closed'],
    by: ['owner'],
    refuses: (state) => (state.rated ? '这件事您已经评价过了' : null),
    needs: (input) => (Number.isInteger(input.stars) && (input.stars ?? 0) >= 1 && (input.stars ?? 0) <= 5 ? null : { stars: '请选择1到5颗星' }),
  },
  book: {
    services: LEGAL,
    from: ['acknowledged', 'granted'],
    by: ['owner', 'assignee'],
    refuses: (state) => (!state.assigneeId ? '还没有指派律师，指派后再预约调解室' : state.booked ? '这件事已经预约了调解室，如需改时间请先取消' : null),
  },
  cancelBooking: {
    services: LEGAL,
    from: ['acknowledged', 'granted'],
    by: ['staff', 'owner', 'assignee'],
    refuses: (state) => (state.booked ? null : '这件事没有预约调解室'),
    // The desk cancels at any time, and the worker reads why.
    needs: (input, actor) => (actor.kind === 'staff' ? noteNeeded('note', '请写明取消的原因')(input) : null),
  },
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
  acknowledged: '已受理，等待答复',
  granted: '正在提供援助',
  declined: '已答复不予援助',
  closed: '已结案',
}

const REFUSED_WHO: Record<ActorKind, string> = {
  owner: '只有申请人本人可以这样做',
  staff: '只有负责的工作人员可以这样做',
  assignee: '只有负责这件事的律师可以这样做',
}

/**
 * How a person acts on a case for an action: as staff of its service when the step is staff's and
 * they are, as the person assigned when it is theirs, else as the owner (whose id the step checks).
 */
export function actorFor(
  state: Pick<CaseState, 'ownerId' | 'assigneeId'>,
  action: CaseAction,
  who: { id: string; staff: boolean; admin?: boolean },
  /** The sides the call acts for (the desk's cancel, the worker's): a person may be staff and assignee both. */
  as: readonly ActorKind[] = STEPS[action].by,
): Actor {
  const by = STEPS[action].by.filter((kind) => as.includes(kind))
  const base = { id: who.id, admin: who.admin }
  if (by.includes('staff') && who.staff) return { ...base, kind: 'staff' }
  if (by.includes('assignee') && state.assigneeId === who.id) return { ...base, kind: 'assignee' }
  if (by.includes('owner') && state.ownerId === who.id) return { ...base, kind: 'owner' }
  // Nobody the step admits on this side. Never staff or the assignee unless they are: as the owner,
  // whose id the step checks, the refusal then says who may.
  const named: ActorKind = who.staff ? 'staff' : state.assigneeId === who.id ? 'assignee' : 'owner'
  return { ...base, kind: by.includes(named) ? named : 'owner' }
}

/** Whether `actor` may take `action` on a case in `state` with `input`, and where it leads. */
export function step(state: CaseState, action: CaseAction, actor: Actor, input: StepInput = {}): StepResult {
  const rule = STEPS[action]
  if (!rule.services.includes(state.service)) return { ok: false, code: 'FAILED_PRECONDITION', message: '这项服务没有这一步' }
  if (!rule.by.includes(actor.kind)) return { ok: false, code: 'FORBIDDEN', message: REFUSED_WHO[rule.by[0]] }
  if (actor.kind === 'owner' && actor.id !== state.ownerId) return { ok: false, code: 'FORBIDDEN', message: REFUSED_WHO.owner }
  if (actor.kind === 'assignee' && actor.id !== state.assigneeId) return { ok: false, code: 'FORBIDDEN', message: REFUSED_WHO.assignee }
  const from = Array.isArray(rule.from) ? rule.from : ((rule.from as Partial<Record<CaseService, readonly CaseStatus[]>>)[state.service] ?? [])
  if (!from.includes(state.status)) {
    return { ok: false, code: 'FAILED_PRECONDITION', message: `这件事${STATE_WORDS[state.status]}，不能再这样操作` }
  }
  if (rule.assigneeOnly && state.assigneeId !== actor.id && !actor.admin) {
    return { ok: false, code: 'FORBIDDEN', message: '这件事由其他工作人员负责' }
  }
  const refusal = rule.refuses?.(state)
  if (refusal) return { ok: false, code: 'FAILED_PRECONDITION', message: refusal }
  const missing = rule.needs?.(input, actor)
  if (missing) return { ok: false, code: 'INVALID_ARGUMENT', message: Object.values(missing)[0], fields: missing }
  const assigneeId = action === 'claim' ? actor.id : action === 'assign' ? input.assigneeId : state.assigneeId
  return { ok: true, status: rule.to ?? state.status, assigneeId }
}

/** Whether a step is taken for the union (staff or the assignee): what the audit records. */
export const isUnionStep = (actor: Actor) => actor.kind !== 'owner'

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
