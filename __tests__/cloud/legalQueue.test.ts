import { createHarness, type Harness } from './harness'
import { askForHelp, DESK, dismissal, walk, WORKER } from './legalFixtures'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(() => h.close())

const at = (text: string) => Date.parse(`${text}+08:00`)

/** Files a case at `when` (Wenzhou time). */
async function fileAt(when: string, over: Record<string, unknown> = {}) {
  h.setNow(at(when))
  return askForHelp(h, WORKER, over)
}

describe('the legal desk\'s queue', () => {
  it('sorts what waits on the promise by the time left: overdue first (most overdue first), then the least time left', async () => {
    // Filed Wednesday: acknowledge by Thursday's end. Filed Friday: by Monday's. Filed Monday: by Tuesday's.
    const wednesday = await fileAt('2026-11-25T09:00:00')
    const friday = await fileAt('2026-11-27T16:00:00')
    const monday = await fileAt('2026-11-30T08:00:00')
    // Filed the Tuesday before and acknowledged: the decision is due next Thursday.
    const acknowledged = await fileAt('2026-11-24T10:00:00')
    await h.ok(DESK, 'legal', 'acknowledge', { caseId: acknowledged })
    h.setNow(at('2026-11-30T10:00:00'))
    const page = await h.ok(DESK, 'legal', 'queue', { queue: 'todo' })
    expect(page.items.map((c: { _id: string }) => c._id)).toEqual([wednesday, friday, monday, acknowledged])
    expect(page.items.map((c: { dueWhat: string }) => c.dueWhat)).toEqual(['受理', '受理', '受理', '答复'])
    expect(page.counts).toEqual({ todo: 4, submitted: 3, acknowledged: 1, granted: 0, ended: 0, overdue: 1 })
    expect(page.items[0].dueAt).toBeLessThan(at('2026-11-30T10:00:00'))
    expect(page.items[1].dueAt).toBe(at('2026-12-01T00:00:00'))
  })

  it('filters by state, by category and by an arbitration limit ending within 60 days', async () => {
    h.setNow(at('2026-11-30T10:00:00'))
    // Left on 20 January: the limit ends 20 January 2027, 51 days away.
    const soon = await askForHelp(h, WORKER, { employmentEndedOn: '2026-01-20' })
    const later = await askForHelp(h, WORKER, { employmentEndedOn: '2026-10-31' })
    const stillEmployed = await askForHelp(h, WORKER, { stillEmployed: true, employmentEndedOn: undefined })
    const contract = (await h.ok(WORKER, 'legal', 'ask', dismissal()))._id
    const granted = await askForHelp(h)
    await walk(h, granted, 'granted')
    const ids = async (payload: object) => (await h.ok(DESK, 'legal', 'queue', payload)).items.map((c: { _id: string }) => c._id).sort()

    expect(await ids({ queue: 'todo', limitSoon: true })).toEqual([soon])
    expect(await ids({ queue: 'todo', category: 'contract' })).toEqual([contract])
    expect(await ids({ queue: 'todo', category: 'wage_arrears' })).toEqual([soon, later, stillEmployed].sort())
    expect(await ids({ queue: 'granted' })).toEqual([granted])
    expect(await ids({ queue: 'acknowledged' })).toEqual([])
    const [item] = (await h.ok(DESK, 'legal', 'queue', { queue: 'granted' })).items
    expect(item).toMatchObject({ assigneeName: '赵明', dueAt: undefined, categoryName: '欠薪', applicantMasked: '张*国' })
  })

  it('lists the ended cases newest first, whichever way they ended', async () => {
    h.setNow(at('2026-11-30T09:00:00'))
    const [closed, declined, withdrawn] = [await askForHelp(h), await askForHelp(h), await askForHelp(h)]
    await walk(h, closed, 'granted')
    h.setNow(at('2026-11-30T10:00:00'))
    await h.ok(DESK, 'legal', 'decline', { caseId: declined, note: '不属于劳动争议', referral: '拨打12348' })
    h.setNow(at('2026-11-30T11:00:00'))
    await h.ok('dev-lawyer', 'legal', 'close', { caseId: closed, outcome: 'arbitration', note: '已代写仲裁申请书' })
    h.setNow(at('2026-11-30T12:00:00'))
    await h.ok(WORKER, 'legal', 'withdraw', { caseId: withdrawn })
    const page = await h.ok(DESK, 'legal', 'queue', { queue: 'ended' })
    expect(page.items.map((c: { _id: string }) => c._id)).toEqual([withdrawn, closed, declined])
    expect(page.counts).toMatchObject({ ended: 3, todo: 0, overdue: 0 })
  })

  it('pages 20 at a time', async () => {
    h.setNow(at('2026-11-30T10:00:00'))
    for (let i = 0; i < 21; i++) await askForHelp(h)
    const first = await h.ok(DESK, 'legal', 'queue', { queue: 'submitted' })
    expect(first.items).toHaveLength(20)
    const second = await h.ok(DESK, 'legal', 'queue', { queue: 'submitted', cursor: first.nextCursor })
    expect(second).toMatchObject({ items: [expect.anything()], nextCursor: undefined })
  })
})
