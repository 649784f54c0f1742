import { applyForWinter } from './aidFixtures'
import { createHarness, type Harness } from './harness'

/** A worker whose closing waits for the union: what stops it is read again each time, and the worker may take the request back. */
describe('asking the union to close an account', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('lists what stops it as it is now, and lets the worker take the request back', async () => {
    const caseId = await applyForWinter(h)
    await h.ok('dev-volunteer', 'aid', 'claim', { caseId })
    const { suggestedFen } = await h.ok('dev-volunteer', 'aid', 'deskCase', { caseId })
    await h.ok('dev-volunteer', 'aid', 'approve', { caseId, amountFen: suggestedFen, note: '按规则批准' })

    expect(await h.call('dev-worker', 'mydata', 'closeAccount', { confirm: '确认注销' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    await h.ok('dev-worker', 'mydata', 'requestClosing', { reason: '换了城市工作' })
    const waiting = await h.ok('dev-admin', 'mydata', 'closingRequests', {})
    expect(waiting.items).toEqual([expect.objectContaining({ userId: 'dev-worker', blockers: [expect.objectContaining({ why: expect.stringContaining('还没有发放') })] })])

    await h.ok('dev-volunteer', 'aid', 'markPaid', { caseId, paymentRef: 'WZB20261130001' })
    expect((await h.ok('dev-admin', 'mydata', 'closingRequests', {})).items).toEqual([expect.objectContaining({ userId: 'dev-worker', blockers: [] })])

    expect(await h.call('dev-worker2', 'mydata', 'withdrawClosingRequest', {})).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect((await h.ok('dev-admin', 'mydata', 'closingRequests', {})).items).toHaveLength(1)
    expect((await h.ok('dev-worker', 'mydata', 'withdrawClosingRequest', {})).requestedAt).toBeUndefined()
    expect((await h.ok('dev-admin', 'mydata', 'closingRequests', {})).items).toEqual([])
    expect(await h.ok('dev-worker', 'users', 'me')).toMatchObject({ openid: 'dev-worker' })
  })
})
