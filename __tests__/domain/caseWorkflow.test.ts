import { CASE_ACTIONS, CASE_SERVICES, CASE_STATUSES, type CaseAction, type CaseService, type CaseStatus } from '../../types/cases'
import { actorFor, step, type Actor, type CaseState, type StepInput } from '../../cloud/domain/cases/workflow'

const owner: Actor = { id: 'worker-1', kind: 'owner' }
const stranger: Actor = { id: 'worker-2', kind: 'owner' }
const volunteer: Actor = { id: 'vol-1', kind: 'staff' }
const otherVolunteer: Actor = { id: 'vol-2', kind: 'staff' }
const admin: Actor = { id: 'admin-1', kind: 'staff', admin: true }
const lawyer: Actor = { id: 'lawyer-1', kind: 'assignee' }
const otherLawyer: Actor = { id: 'lawyer-2', kind: 'assignee' }

const inputFor: Record<CaseAction, StepInput> = {
  submit: {},
  claim: {},
  askInfo: { note: '请补充收入证明' },
  resubmit: {},
  approve: { amountFen: 200_000 },
  reject: { note: '家庭收入超过标准' },
  markPaid: { paymentRef: 'BANK-20261128-001' },
  withdraw: {},
  acknowledge: {},
  assign: { assigneeId: 'lawyer-1' },
  grant: {},
  decline: { note: '不属于劳动争议', referral: '请拨打12348公共法律服务热线' },
  close: { outcome: 'mediated', amountFen: 1_200_000, note: '调解成功，公司当场支付' },
  rate: { stars: 5 },
  book: {},
  cancelBooking: {},
}
const actorFor_: Record<CaseAction, Actor> = {
  submit: owner,
  claim: volunteer,
  askInfo: volunteer,
  resubmit: owner,
  approve: volunteer,
  reject: volunteer,
  markPaid: volunteer,
  withdraw: owner,
  acknowledge: volunteer,
  assign: volunteer,
  grant: volunteer,
  decline: volunteer,
  close: lawyer,
  rate: owner,
  book: owner,
  cancelBooking: owner,
}

const withdrawBeforeDecision = { draft: 'withdrawn', submitted: 'withdrawn', in_review: 'withdrawn', needs_info: 'withdrawn', resubmitted: 'withdrawn' } as const

/** Every allowed step of aid and medical — as before legal help joined the table: from which states each action goes where. */
const AID_AND_MEDICAL: Partial<Record<CaseAction, Partial<Record<CaseStatus, CaseStatus>>>> = {
  submit: { draft: 'submitted' },
  claim: { submitted: 'in_review', resubmitted: 'in_review' },
  askInfo: { in_review: 'needs_info' },
  resubmit: { needs_info: 'resubmitted' },
  approve: { in_review: 'approved' },
  reject: { in_review: 'rejected' },
  markPaid: { approved: 'paid' },
  withdraw: withdrawBeforeDecision,
}

/** Every allowed step of legal help. */
const LEGAL: Partial<Record<CaseAction, Partial<Record<CaseStatus, CaseStatus>>>> = {
  submit: { draft: 'submitted' },
  withdraw: { draft: 'withdrawn', submitted: 'withdrawn', acknowledged: 'withdrawn' },
  acknowledge: { submitted: 'acknowledged' },
  assign: { acknowledged: 'acknowledged', granted: 'granted' },
  grant: { acknowledged: 'granted' },
  decline: { submitted: 'declined', acknowledged: 'declined' },
  close: { granted: 'closed' },
  rate: { closed: 'closed' },
  book: { acknowledged: 'acknowledged', granted: 'granted' },
  cancelBooking: { acknowledged: 'acknowledged', granted: 'granted' },
}
const TABLES: Record<CaseService, typeof LEGAL> = { aid: AID_AND_MEDICAL, medical: AID_AND_MEDICAL, legal: LEGAL }

const caseIn = (status: CaseStatus, service: CaseService = 'aid', over: Partial<CaseState> = {}): CaseState => ({
  service,
  status,
  ownerId: 'worker-1',
  assigneeId: service === 'legal' ? 'lawyer-1' : 'vol-1',
  ...over,
})
/** A cancellation needs an appointment to cancel; everything else is tried on a case without one. */
const stateFor = (action: CaseAction, status: CaseStatus, service: CaseService) => caseIn(status, service, { booked: action === 'cancelBooking' })

describe.each(CASE_SERVICES)('the case workflow of %s', (service) => {
  describe.each(CASE_ACTIONS)('%s', (action) => {
    it.each(CASE_STATUSES)(`from %s: goes where the table says, or is refused with FAILED_PRECONDITION`, (status) => {
      const result = step(stateFor(action, status, service), action, actorFor_[action], inputFor[action])
      const to = TABLES[service][action]?.[status]
      if (to) expect(result).toMatchObject({ ok: true, status: to })
      else expect(result).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
    })
  })
})

describe('aid and medical', () => {
  it('walks the whole happy path, with a round of more information', () => {
    let state: CaseState = { service: 'aid', status: 'draft', ownerId: 'worker-1' }
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

  it('takes none of the legal steps, whoever asks', () => {
    for (const action of ['acknowledge', 'assign', 'grant', 'decline', 'close', 'rate', 'book', 'cancelBooking'] as const) {
      expect(step(caseIn('submitted', 'medical', { booked: true }), action, admin, inputFor[action])).toMatchObject({ ok: false })
    }
  })
})

describe('legal help', () => {
  const legal = (status: CaseStatus, over: Partial<CaseState> = {}) => caseIn(status, 'legal', over)

  it('walks from the intake to a rated outcome: acknowledged, assigned, granted, booked, closed, rated', () => {
    let state: CaseState = { service: 'legal', status: 'draft', ownerId: 'worker-1' }
    const go = (action: CaseAction, actor: Actor) => {
      const r = step(state, action, actor, inputFor[action])
      if (!r.ok) throw new Error(`${action}: ${r.message}`)
      state = { ...state, status: r.status, assigneeId: r.assigneeId }
    }
    go('submit', owner)
    go('acknowledge', volunteer)
    expect(state.assigneeId).toBeUndefined()
    go('assign', volunteer)
    expect(state).toMatchObject({ status: 'acknowledged', assigneeId: 'lawyer-1' })
    go('grant', otherVolunteer)
    go('book', owner)
    state = { ...state, booked: true }
    go('close', lawyer)
    go('rate', owner)
    expect(state.status).toBe('closed')
  })

  it('lets the desk acknowledge, assign, grant and decline — not the worker, not the lawyer', () => {
    for (const action of ['acknowledge', 'decline'] as const) {
      expect(step(legal('submitted'), action, owner, inputFor[action])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(step(legal('submitted'), action, lawyer, inputFor[action])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    for (const action of ['assign', 'grant'] as const) {
      expect(step(legal('acknowledged'), action, lawyer, inputFor[action])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      expect(step(legal('acknowledged'), action, admin, inputFor[action])).toMatchObject({ ok: true })
    }
  })

  it('lets the assigned lawyer or the desk close, and no other lawyer or the worker', () => {
    expect(step(legal('granted'), 'close', otherLawyer, inputFor.close)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有负责这件事的律师可以这样做' })
    expect(step(legal('granted'), 'close', owner, inputFor.close)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(legal('granted'), 'close', otherVolunteer, inputFor.close)).toMatchObject({ ok: true, status: 'closed' })
  })

  it('needs a lawyer to assign, a reason and where else to turn to decline, an outcome and a note to close, 1–5 stars', () => {
    expect(step(legal('acknowledged'), 'assign', volunteer, {})).toMatchObject({ ok: false, fields: { assigneeId: expect.any(String) } })
    expect(step(legal('acknowledged'), 'decline', volunteer, { note: '不属于劳动争议' })).toMatchObject({ ok: false, fields: { referral: expect.any(String) } })
    expect(step(legal('acknowledged'), 'decline', volunteer, { referral: '12348' })).toMatchObject({ ok: false, fields: { note: expect.any(String) } })
    expect(step(legal('granted'), 'close', lawyer, { note: '调解成功' })).toMatchObject({ ok: false, fields: { outcome: expect.any(String) } })
    expect(step(legal('granted'), 'close', lawyer, { outcome: 'mediated', note: '调解成功', amountFen: -1 })).toMatchObject({ ok: false, fields: { amountFen: expect.any(String) } })
    expect(step(legal('granted'), 'close', lawyer, { outcome: 'lawsuit' })).toMatchObject({ ok: false, fields: { note: expect.any(String) } })
    for (const stars of [0, 6, 2.5, undefined]) expect(step(legal('closed'), 'rate', owner, { stars })).toMatchObject({ ok: false, fields: { stars: expect.any(String) } })
  })

  it('is rated once', () => {
    expect(step(legal('closed', { rated: true }), 'rate', owner, { stars: 4 })).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION', message: '这件事您已经评价过了' })
    expect(step(legal('closed'), 'rate', stranger, { stars: 4 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('books a room once a lawyer is assigned, one appointment at a time; the worker or the lawyer books and cancels, the desk cancels with a reason', () => {
    expect(step(legal('acknowledged', { assigneeId: undefined }), 'book', owner)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
    expect(step(legal('granted', { booked: true }), 'book', lawyer)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
    expect(step(legal('granted'), 'book', lawyer)).toMatchObject({ ok: true, status: 'granted' })
    expect(step(legal('granted'), 'book', otherLawyer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(legal('granted'), 'book', volunteer)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(step(legal('granted', { booked: true }), 'cancelBooking', lawyer)).toMatchObject({ ok: true })
    expect(step(legal('granted', { booked: true }), 'cancelBooking', volunteer, {})).toMatchObject({ ok: false, fields: { note: expect.any(String) } })
    expect(step(legal('granted', { booked: true }), 'cancelBooking', volunteer, { note: '调解室停电' })).toMatchObject({ ok: true })
  })

  it('can be withdrawn by the worker before a decision only', () => {
    for (const status of ['granted', 'declined', 'closed'] as const) expect(step(legal(status), 'withdraw', owner)).toMatchObject({ ok: false, code: 'FAILED_PRECONDITION' })
    expect(step(legal('acknowledged'), 'withdraw', owner)).toMatchObject({ ok: true, status: 'withdrawn' })
  })

  it('acts as the side the call is for: a person who is staff and the assignee both cancels as the assignee from the worker\'s side', () => {
    const both = { id: 'lawyer-1', staff: true }
    const state = legal('granted', { booked: true })
    expect(actorFor(state, 'cancelBooking', both).kind).toBe('staff')
    expect(actorFor(state, 'cancelBooking', both, ['owner', 'assignee']).kind).toBe('assignee')
    expect(actorFor(state, 'close', { id: 'lawyer-1', staff: false }).kind).toBe('assignee')
    // Another lawyer is never taken for the assignee or staff: refused as who they are not.
    expect(actorFor(state, 'close', { id: 'lawyer-2', staff: false }).kind).toBe('owner')
    expect(step(state, 'close', actorFor(state, 'close', { id: 'lawyer-2', staff: false }), inputFor.close)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Staff calling the worker's side is not staff there: refused as not the owner.
    const desk = actorFor(state, 'cancelBooking', { id: 'vol-1', staff: true }, ['owner', 'assignee'])
    expect(desk.kind).toBe('owner')
    expect(step(state, 'cancelBooking', desk)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
