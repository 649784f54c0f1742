import { createHarness, MONDAY_10AM, type Harness } from './harness'
import { addUpload } from './aidFixtures'
import { askForHelp, DESK, LAWYER, walk, WORKER } from './legalFixtures'

let h: Harness
let caseId: string
let clock = MONDAY_10AM
const tick = () => h.setNow((clock += 60_000))

beforeEach(async () => {
  h = await createHarness()
  clock = MONDAY_10AM
  caseId = await askForHelp(h)
})
afterEach(() => h.close())

describe('messages between the worker and the lawyer on a case', () => {
  it('waits for a lawyer to be assigned', async () => {
    expect(await h.call(WORKER, 'legal', 'send', { caseId, text: '请问什么时候联系我？' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('指派律师') } })
  })

  it('carries text both ways, counts what each side has not read on the case, and tells the other side in 消息', async () => {
    await walk(h, caseId, 'assigned')
    tick()
    await h.ok(WORKER, 'legal', 'send', { caseId, text: '赵律师您好，老板说月底再给，我该怎么办？' })
    tick()
    await h.ok(WORKER, 'legal', 'send', { caseId, text: '工资条我拍了照片。' })
    expect((await h.ok(LAWYER, 'legal', 'assigned', {})).items[0].unread).toBe(2)
    const lawyerInbox = await h.ok(LAWYER, 'users', 'inbox', {})
    expect(lawyerInbox.items[0]).toMatchObject({ title: '欠薪求助：申请人留言', body: '申请人给您留言了，请打开案件查看。', link: `/packages/legal/work/index?caseId=${caseId}` })
    // The inbox says a message came, never what it says.
    expect(JSON.stringify(lawyerInbox)).not.toContain('老板')

    const read = await h.ok(LAWYER, 'legal', 'caseThread', { caseId })
    expect(read.items.map((m: { text: string; from: string; mine: boolean }) => [m.from, m.mine, m.text])).toEqual([
      ['owner', false, '工资条我拍了照片。'],
      ['owner', false, '赵律师您好，老板说月底再给，我该怎么办？'],
    ])
    expect((await h.ok(LAWYER, 'legal', 'assigned', {})).items[0].unread).toBe(0)

    tick()
    await h.ok(LAWYER, 'legal', 'send', { caseId, text: '先不要签任何东西，我们周二在调解室见面。' })
    expect((await h.ok(WORKER, 'legal', 'case', { caseId })).unread).toBe(1)
    expect((await h.ok(WORKER, 'users', 'inbox', {})).items[0]).toMatchObject({ title: '欠薪求助：律师留言', link: `/packages/legal/case/index?caseId=${caseId}`, read: false })
    const mine = await h.ok(WORKER, 'legal', 'thread', { caseId })
    expect(mine.items[0]).toMatchObject({ from: 'assignee', mine: false, text: '先不要签任何东西，我们周二在调解室见面。' })
    expect((await h.ok(WORKER, 'legal', 'case', { caseId })).unread).toBe(0)
    // What they wrote is sealed where it is kept.
    expect(JSON.stringify(await h.all('legal_messages'))).not.toContain('调解室')
  })

  it('refuses a message from anyone not on the case, writing nothing', async () => {
    await walk(h, caseId, 'assigned')
    await h.ok('dev-admin', 'users', 'grantRole', { userId: 'dev-worker2', role: 'lawyer' })
    const before = [await h.all('legal_messages'), await h.all('legal_threads')]
    for (const who of ['dev-worker2', DESK, 'dev-admin', 'dev-hr']) {
      const res = await h.call(who, 'legal', 'send', { caseId, text: '我来看看这个案子' })
      expect([who, res.ok ? 'ok' : res.error.code]).toEqual([who, 'FORBIDDEN'])
      const thread = await h.call(who, 'legal', 'thread', { caseId })
      expect([who, thread.ok ? 'ok' : thread.error.code]).toEqual([who, 'FORBIDDEN'])
    }
    expect(await h.call('dev-worker2', 'legal', 'caseThread', { caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect([await h.all('legal_messages'), await h.all('legal_threads')]).toEqual(before)
  })

  it('bounds a message to 1,000 characters and 3 files of the sender\'s own; files go with the case for both sides to open', async () => {
    await walk(h, caseId, 'assigned')
    expect(await h.call(WORKER, 'legal', 'send', { caseId, text: '字'.repeat(1001) })).toMatchObject({ ok: false, error: { fields: { text: '留言最多1000个字' } } })
    expect(await h.call(WORKER, 'legal', 'send', { caseId, text: '' })).toMatchObject({ ok: false, error: { fields: { text: expect.any(String) } } })
    const lawyersFile = await addUpload(h, LAWYER, 'legal')
    expect(await h.call(WORKER, 'legal', 'send', { caseId, text: '看看', files: [lawyersFile] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    await h.ok(LAWYER, 'legal', 'send', { caseId, text: '这是调解申请书的样本', files: [lawyersFile] })
    const link = await h.callWith({ fileLink: async (file) => `/files/${file._id}` }, WORKER, 'files', 'url', { fileId: lawyersFile })
    expect(link).toMatchObject({ ok: true })
    const stranger = await h.callWith({ fileLink: async (file) => `/files/${file._id}` }, 'dev-worker2', 'files', 'url', { fileId: lawyersFile })
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('ends with the case', async () => {
    await walk(h, caseId, 'closed')
    expect(await h.call(WORKER, 'legal', 'send', { caseId, text: '谢谢律师' })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  })
})
