import { CASE_ACTIONS, CASE_STATUSES, type CaseAction, type CaseStatus } from '../../types/cases'
import { step, type Actor, type CaseState } from '../../cloud/domain/cases/workflow'

const owner: Actor = { id: 'worker-1', kind: 'owner' }
const stranger: Actor = { id: 'worker-2', kind: 'owner' }
const volunteer: Actor = { id: 'vol-1', kind: 'staff' }
const otherVolunteer: Actor = { id: 'vol-2', kind: 'staff' }
const admin: Actor = { id: 'admin-1', kind: 'staff', admin: true }

const inputFor: Record<CaseAction, object> = {
  submit: {},
  claim: {},
  askInfo: { note: '请补充收入证明' },
  resubmit: {},
  approve: { amountFen: 200_000 },
  reject: { note: '家庭收入超过标准' },
  markPaid: { paymentRef: 'BANK-20261128-001' },
  withdraw: {},
}
const actorFor: Record<CaseAction, Actor> = {
  submit: owner,
  claim: volunteer,
  askInfo: volunteer,
  resubmit: owner,
  approve: volunteer,
  reject: volunteer,
  markPaid: volunteer,
  withdraw: owner,
}

/** Every legal step: from which states each action goes where. */
const LEGAL: Record<CaseAction, Partial<Record<CaseStatus, CaseStatus>>> = {
  submit: { draft: 'submitted' },
  claim: { submitted: 'in_review', resubmitted: 'in_review' },
  askInfo: { in_review: 'needs_info' },
  resubmit: { needs_info: 'resubmitted' },
  approve: { in_review: 'approved' },
  reject: { in_review: 'rejected' },
  markPaid: { approved: 'paid' },
  withdraw: { draft: 'withdrawn', submitted: 'withdrawn', in_review: 'withdrawn', needs_info: 'withdrawn', resubmitted: 'withdrawn' },
}

const caseIn = (status: CaseStatus): CaseState => ({ status, ownerId: 'worker-1', assigneeId: 'vol-1' })

describe('the case workflow', () => {
  describe.each(CASE_ACTIONS)('%s', (action) => {
    it.each(CASE_STATUSES)(`from %s: goes where the rule says, or is refused with FAILED_PRECONDITION`, (status) => {
      const result = step(caseIn(status), action, actorFor[action], inputFor[action])
      const to = LEGAL[action][status]
      if (to) expect(result).toMatchObject({ ok: true, status: to })
      else expect(result).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
    })
  })

  it('walks the whole happy path, with a round of more information', () => {
    let state: CaseState = { status: 'draft', ownerId: 'worker-1' }
    const go = (action: CaseAction, actor: Actor) => {
      const r = step(state, action, actor, inputFor[action])
      if (!r.ok) throw new Error(r.message)
      state = { ...state, status: r.status, assigneeId: r.assigneeId }
    }
    go('submit', owner)
    go('claim', volunteer)
    expect(state.assigneeId).toBe('vol-1')
    go('askInfo', volunteer)
    go('resubmit', owner)
    go('claim', volunteer)
    go('approve', volunteer)
    go('markPaid', otherVolunteer)
    expect(state.status).toBe('paid')
  })

  it('lets only the owner submit, resubmit and withdraw', () => {
    expect(step(caseIn('draft'), 'submit', stranger)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(caseIn('needs_info'), 'resubmit', volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(caseIn('submitted'), 'withdraw', stranger)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('lets only staff claim and decide, and only the volunteer who claimed it (or an admin)', () => {
    expect(step(caseIn('submitted'), 'claim', owner)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(caseIn('in_review'), 'approve', owner, inputFor.approve)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(caseIn('in_review'), 'approve', otherVolunteer, inputFor.approve)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(caseIn('in_review'), 'approve', admin, inputFor.approve)).toMatchObject({ ok: true, status: 'approved' })
  })

  it('needs what each step needs: what is missing, a reason, an amount, a payment reference', () => {
    expect(step(caseIn('in_review'), 'askInfo', volunteer, {})).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', fields: { note: expect.any(String) } })
    expect(step(caseIn('in_review'), 'reject', volunteer, { note: ' ' })).toMatchObject({ ok: false, fields: { note: '请写明不通过的原因' } })
    expect(step(caseIn('in_review'), 'approve', volunteer, { amountFen: 0 })).toMatchObject({ ok: false, fields: { amountFen: expect.any(String) } })
    expect(step(caseIn('in_review'), 'approve', volunteer, { amountFen: 12.5 })).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' })
    expect(step(caseIn('approved'), 'markPaid', volunteer, {})).toMatchObject({ ok: false, fields: { paymentRef: expect.any(String) } })
  })

  it('cannot be withdrawn after a decision', () => {
    for (const status of ['approved', 'paid', 'rejected', 'withdrawn'] as const) {
      expect(step(caseIn(status), 'withdraw', owner)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
    }
  })
})
