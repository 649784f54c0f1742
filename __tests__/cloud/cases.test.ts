import type { CaseRecord } from '../../cloud/core/cases/record'
import { addRealNamedWorkers } from '../../bench/fixtures'
import { addUpload, applyForWinter, winterApplication } from './aidFixtures'
import { createHarness, type Harness } from './harness'

const VOLUNTEER = 'dev-volunteer'

async function addVolunteer(h: Harness, openid: string, services: string[]) {
  await h.db.collection('users').add({ data: { _id: openid, roles: ['worker', 'volunteer'], services, consents: {}, createdAt: 0, updatedAt: 0 } })
}

describe('aid applications: the worker applies', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('stores a submitted case with the tier, the suggested amount, sealed personal data and the first timeline step', async () => {
    const caseId = await applyForWinter(h)
    const record = (await h.db.collection<CaseRecord>('cases').doc(caseId).get()).data!
    expect(record).toMatchObject({
      service: 'aid',
      title: '2026年冬送温暖',
      status: 'submitted',
      ownerId: 'dev-worker',
      applicantMasked: '张*国',
      suggestedFen: 200_000,
      maxFen: 200_000,
      details: { householdSize: 3, tiers: ['deep'], perCapitaMonthlyFen: 100_000 },
      timeline: [{ action: 'submit', status: 'submitted', by: 'owner', files: 1 }],
    })
    expect(JSON.stringify(record)).not.toContain('6222021234567890123')
    expect(JSON.stringify(record)).not.toContain('王美丽')

    const view = await h.ok('dev-worker', 'aid', 'case', { caseId })
    expect(view.rows).toEqual(expect.arrayContaining([{ label: '配偶', value: '王美丽，38岁' }, expect.objectContaining({ label: '收款账户', value: '温州银行 6222 **** 0123' })]))
    expect(view.materials.map((m: any) => m.name)).toEqual(['身份证', '户口本', '收入证明', '诊断证明或事故证明', '银行卡'])
    const inbox = await h.ok('dev-worker', 'users', 'inbox', {})
    expect(inbox.items[0]).toMatchObject({ title: '2026年冬送温暖：已提交', link: `/packages/aid/case/index?caseId=${caseId}` })
  })

  it('makes one case of the same requestId sent 10 times at once, and answers each the same', async () => {
    const fileId = await addUpload(h, 'dev-worker')
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => h.call<any>('dev-worker', 'aid', 'apply', winterApplication(fileId), 'apply-intent-1')),
    )
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => (a.ok ? a.data._id : null))).size).toBe(1)
    expect(await h.all('cases')).toHaveLength(1)
  })

  it('refuses a second open application for the same programme and year, and allows it after a withdrawal', async () => {
    const first = await applyForWinter(h)
    const second = await h.call('dev-worker', 'aid', 'apply', winterApplication(await addUpload(h, 'dev-worker')))
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { programme: expect.stringContaining('今年已经申请过冬送温暖') } } })
    expect(await h.all('cases')).toHaveLength(1)

    await h.ok('dev-worker', 'aid', 'withdraw', { caseId: first })
    await h.ok('dev-worker', 'aid', 'apply', winterApplication(await addUpload(h, 'dev-worker')))
    expect(await h.all('cases')).toHaveLength(2)
  })

  it('refuses bad input by field, and a refused call writes nothing', async () => {
    const fileId = await addUpload(h, 'dev-worker')
    const before = { inbox: (await h.all('inbox')).length }
    const cases = [
      [{ story: '太短了' }, 'story'],
      [{ bankAccount: { bankName: '温州银行', accountNo: '12ab' } }, 'bankAccount.accountNo'],
      [{ bankAccount: undefined }, 'bankAccount.accountNo'],
      [{ attachments: [] }, 'attachments'],
      [{ attachments: [{ fileId, material: 'admission_letter' }] }, 'attachments.0'],
      [{ consentVersion: '' }, 'consentVersion'],
      [{ members: [{ name: '王', relation: 'spouse', age: 38 }] }, 'members.0.name'],
    ] as const
    for (const [change, field] of cases) {
      const res = await h.call('dev-worker', 'aid', 'apply', winterApplication(fileId, change))
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { [field]: expect.any(String) } } })
    }
    const tooMany = Array.from({ length: 10 }, () => ({ fileId, material: 'id_card' }))
    expect(await h.call('dev-worker', 'aid', 'apply', winterApplication(fileId, { attachments: tooMany }))).toMatchObject({
      ok: false,
      error: { fields: { attachments: '每份申请最多上传9个文件' } },
    })
    expect(await h.all('cases')).toHaveLength(0)
    expect(await h.all('inbox')).toHaveLength(before.inbox)
  })

  it('refuses a household the rules do not cover, with the reason, and 春送岗位 points to jobs', async () => {
    const fileId = await addUpload(h, 'dev-worker')
    const rich = await h.call('dev-worker', 'aid', 'apply', winterApplication(fileId, { annualIncomeFen: 50_000_000 }))
    expect(rich).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('暂不符合帮扶条件') } })
    const jobs = await h.call('dev-worker', 'aid', 'apply', winterApplication(fileId, { programme: 'spring_jobs' }))
    expect(jobs).toMatchObject({ ok: false, error: { fields: { programme: expect.stringContaining('就业招聘') } } })
    expect(await h.all('cases')).toHaveLength(0)
  })

  it('needs a real-named worker, and files that are the worker\'s own and uploaded for aid', async () => {
    const unnamed = await h.call('dev-worker2', 'aid', 'apply', winterApplication(await addUpload(h, 'dev-worker2')))
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名认证') } })
    const someoneElses = await addUpload(h, 'dev-worker2')
    const forStations = await addUpload(h, 'dev-worker', 'stations')
    for (const fileId of [someoneElses, forStations, 'no-such-file']) {
      const res = await h.call('dev-worker', 'aid', 'apply', winterApplication(fileId))
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { 'attachments.0': expect.stringContaining('重新上传') } } })
    }
  })
})

describe('aid cases: ownership and the desk', () => {
  let h: Harness
  let caseId: string
  beforeEach(async () => {
    h = await createHarness()
    caseId = await applyForWinter(h)
  })
  afterEach(() => h.close())

  it('lets no other worker read, withdraw or resubmit a case, nor read its files', async () => {
    const [other] = await addRealNamedWorkers(h.db, h.pii, 1, 'other')
    for (const [action, payload] of [
      ['case', { caseId }],
      ['withdraw', { caseId }],
      ['resubmit', { caseId, note: '补充', attachments: [] }],
    ] as const) {
      expect(await h.call(other, 'aid', action, payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const view = await h.ok('dev-worker', 'aid', 'case', { caseId })
    const fileId = view.attachments[0].fileId
    const read = (openid: string) => h.callWith({ fileLink: async () => '/files/x' }, openid, 'files', 'url', { fileId })
    expect(await read(other)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await read('dev-worker')).toMatchObject({ ok: true })
    expect(await read(VOLUNTEER)).toMatchObject({ ok: true })
    expect((await h.all('cases'))[0]).toMatchObject({ status: 'submitted' })
  })

  it('keeps other services\' volunteers out of the aid desk, and other services\' cases out of the aid queue', async () => {
    await addVolunteer(h, 'childcare-volunteer', ['childcare'])
    for (const [action, payload] of [
      ['queue', { filter: 'waiting' }],
      ['deskCase', { caseId }],
      ['claim', { caseId }],
      ['reveal', { caseId, field: 'bankAccount' }],
    ] as const) {
      expect(await h.call('childcare-volunteer', 'aid', action, payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await h.call('dev-worker', 'aid', 'queue', { filter: 'waiting' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    const medical = { ...(await h.db.collection<CaseRecord>('cases').doc(caseId).get()).data!, service: 'medical', openKey: 'medical:x' }
    delete (medical as Partial<CaseRecord>)._id
    const { _id: medicalId } = await h.db.collection('cases').add({ data: medical })
    const queue = await h.ok(VOLUNTEER, 'aid', 'queue', { filter: 'waiting' })
    expect(queue.items.map((c: any) => c._id)).toEqual([caseId])
    expect(await h.call(VOLUNTEER, 'aid', 'deskCase', { caseId: medicalId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('shows the desk the queue oldest first with the time waited, filtered by state and age', async () => {
    const [second, third] = await addRealNamedWorkers(h.db, h.pii, 2, 'applicant')
    h.setNow(Date.parse('2026-12-03T10:00:00+08:00'))
    const secondCase = await applyForWinter(h, second)
    h.setNow(Date.parse('2026-12-04T10:00:00+08:00'))
    await applyForWinter(h, third)

    const all = await h.ok(VOLUNTEER, 'aid', 'queue', { filter: 'waiting' })
    expect(all.items.map((c: any) => c._id)[0]).toBe(caseId)
    expect(all.items).toHaveLength(3)
    expect(all.counts).toEqual({ waiting: 3, in_review: 0, needs_info: 0, approved: 0 })
    const twoDays = await h.ok(VOLUNTEER, 'aid', 'queue', { filter: 'waiting', minWaitDays: 3 })
    expect(twoDays.items.map((c: any) => c._id)).toEqual([caseId])
    const oneDay = await h.ok(VOLUNTEER, 'aid', 'queue', { filter: 'waiting', minWaitDays: 1 })
    expect(oneDay.items.map((c: any) => c._id)).toEqual([caseId, secondCase])
    expect(all.items[0]).toMatchObject({ applicantMasked: '张*国', statusName: '已提交', assignedToMe: false })

    await h.ok(VOLUNTEER, 'aid', 'claim', { caseId })
    const inReview = await h.ok(VOLUNTEER, 'aid', 'queue', { filter: 'in_review', mineOnly: true })
    expect(inReview.items).toMatchObject([{ _id: caseId, assignedToMe: true }])
    expect(await h.call(VOLUNTEER, 'aid', 'queue', { filter: 'sideways' })).toMatchObject({ ok: false, error: { fields: { filter: '没有这个队列' } } })
  })

  it('walks a case through more information, approval and payment, each step on the timeline and in the inbox', async () => {
    const desk = await h.ok(VOLUNTEER, 'aid', 'deskCase', { caseId })
    expect(desk).toMatchObject({ allowed: ['claim'], suggestedFen: 200_000, maxFen: 200_000 })
    expect(desk.rows).toEqual(expect.arrayContaining([{ label: '收款账户', value: '温州银行 6222 **** 0123', revealable: 'bankAccount' }]))
    expect(JSON.stringify(desk)).not.toContain('6222021234567890123')

    // Each step a few minutes after the last, as on a real desk.
    let clock = Date.parse('2026-11-30T10:00:00+08:00')
    const later = () => h.setNow((clock += 5 * 60 * 1000))
    later()
    await h.ok(VOLUNTEER, 'aid', 'claim', { caseId })
    later()
    await h.ok(VOLUNTEER, 'aid', 'askInfo', { caseId, note: '请补充户口本照片' })
    expect(await h.ok('dev-worker', 'aid', 'case', { caseId })).toMatchObject({ status: 'needs_info', askedFor: '请补充户口本照片' })
    const fileId = await addUpload(h, 'dev-worker')
    later()
    await h.ok('dev-worker', 'aid', 'resubmit', { caseId, note: '已补户口本', attachments: [{ fileId, material: 'household_register' }] })
    later()
    await h.ok(VOLUNTEER, 'aid', 'claim', { caseId })
    const over = await h.call(VOLUNTEER, 'aid', 'approve', { caseId, amountFen: 300_000 })
    expect(over).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { amountFen: expect.stringContaining('最多批准 2,000.00\u00a0元') } } })
    later()
    await h.ok(VOLUNTEER, 'aid', 'approve', { caseId, amountFen: 200_000 })
    later()
    await h.ok(VOLUNTEER, 'aid', 'markPaid', { caseId, paymentRef: 'WZB20261130001' })

    const view = await h.ok('dev-worker', 'aid', 'case', { caseId })
    expect(view).toMatchObject({ status: 'paid', amountFen: 200_000, paymentRef: 'WZB20261130001' })
    expect(view.attachments).toHaveLength(2)
    expect(view.timeline.map((e: any) => e.status)).toEqual(['submitted', 'in_review', 'needs_info', 'resubmitted', 'in_review', 'approved', 'paid'])
    const inbox = await h.ok('dev-worker', 'users', 'inbox', {})
    expect(inbox.items.map((m: any) => m.title).reverse()).toEqual([
      '2026年冬送温暖：已提交',
      '2026年冬送温暖：审核中',
      '2026年冬送温暖：待补充材料',
      '2026年冬送温暖：已补充材料',
      '2026年冬送温暖：审核中',
      '2026年冬送温暖：已批准',
      '2026年冬送温暖：已发放',
    ])
    const mine = await h.ok('dev-worker', 'aid', 'mine', {})
    expect(mine.items).toMatchObject([{ _id: caseId, status: 'paid', statusName: '已发放', amountFen: 200_000 }])
    const audit = (await h.all('audit')).filter((a: any) => a.fn === 'aid').map((a: any) => a.action)
    expect(audit).toEqual(['deskCase', 'claim', 'askInfo', 'claim', 'approve', 'markPaid'])
  })

  it('refuses illegal steps with FAILED_PRECONDITION and changes nothing', async () => {
    const before = (await h.db.collection<CaseRecord>('cases').doc(caseId).get()).data
    for (const [action, payload] of [
      ['approve', { caseId, amountFen: 100 }],
      ['askInfo', { caseId, note: '请补充材料' }],
      ['markPaid', { caseId, paymentRef: 'ABCD1234' }],
    ] as const) {
      expect(await h.call(VOLUNTEER, 'aid', action, payload)).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    }
    expect(await h.call('dev-worker', 'aid', 'resubmit', { caseId, note: '再交一次', attachments: [] })).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    })
    expect((await h.db.collection<CaseRecord>('cases').doc(caseId).get()).data).toEqual(before)
  })

  it('needs a reason to reject, leaves the decision to the volunteer who claimed it, and a rejection frees the programme', async () => {
    await addVolunteer(h, 'aid-volunteer-2', ['aid'])
    await h.ok(VOLUNTEER, 'aid', 'claim', { caseId })
    expect(await h.call('aid-volunteer-2', 'aid', 'reject', { caseId, note: '材料不全' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call(VOLUNTEER, 'aid', 'reject', { caseId, note: '' })).toMatchObject({ ok: false, error: { fields: { note: '请写明不通过的原因' } } })
    await h.ok(VOLUNTEER, 'aid', 'reject', { caseId, note: '家庭收入超过标准' })
    expect(await h.ok('dev-worker', 'aid', 'case', { caseId })).toMatchObject({ status: 'rejected', rejectReason: '家庭收入超过标准' })
    expect(await h.call('dev-worker', 'aid', 'withdraw', { caseId })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    await h.ok('dev-worker', 'aid', 'apply', winterApplication(await addUpload(h, 'dev-worker')))
  })

  it('lets two volunteers race to claim: one wins, the other is told', async () => {
    await addVolunteer(h, 'aid-volunteer-2', ['aid'])
    const [a, b] = await Promise.all([h.call(VOLUNTEER, 'aid', 'claim', { caseId }), h.call('aid-volunteer-2', 'aid', 'claim', { caseId })])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    const loser = a.ok ? b : a
    expect(loser).toMatchObject({ ok: false, error: { code: expect.stringMatching(/CONFLICT|FAILED_PRECONDITION/) } })
  })

  it('reveals a masked field to staff only, and records who looked', async () => {
    const revealed = await h.ok(VOLUNTEER, 'aid', 'reveal', { caseId, field: 'bankAccount' })
    expect(revealed).toEqual({ field: 'bankAccount', value: '温州银行 6222021234567890123' })
    expect(await h.ok(VOLUNTEER, 'aid', 'reveal', { caseId, field: 'idNumber' })).toMatchObject({ value: expect.stringMatching(/^\d{17}[\dX]$/) })
    expect(await h.call(VOLUNTEER, 'aid', 'reveal', { caseId, field: 'sealed' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const audit = (await h.all('audit')).filter((a: any) => a.action === 'reveal')
    expect(audit).toMatchObject([
      { who: VOLUNTEER, role: 'volunteer', target: caseId, subjects: ['dev-worker'], fields: ['bankAccount'], summary: '查看收款账户' },
      { who: VOLUNTEER, role: 'volunteer', target: caseId, subjects: ['dev-worker'], fields: ['idNumber'], summary: '查看身份证号' },
    ])
    // Audited once each, and with no personal value in the record.
    expect(JSON.stringify(audit)).not.toContain('6222021234567890123')
    expect(await h.all('idempotency')).toHaveLength(0)
  })

  it('sends a WeChat message for staff steps only when the worker agreed on the submit tap', async () => {
    const sent: Array<{ openid: string; title: string }> = []
    const subscribe = async (openid: string, message: { title: string }) => {
      sent.push({ openid, title: message.title })
    }
    const [agreed] = await addRealNamedWorkers(h.db, h.pii, 1, 'agreed')
    const { _id: agreedCase } = await h.ok(agreed, 'aid', 'apply', winterApplication(await addUpload(h, agreed), { notifyByWeChat: true }))
    for (const id of [caseId, agreedCase]) await h.callWith({ subscribe }, VOLUNTEER, 'aid', 'claim', { caseId: id })
    await h.callWith({ subscribe }, agreed, 'aid', 'withdraw', { caseId: agreedCase })
    expect(sent).toEqual([{ openid: agreed, title: '2026年冬送温暖：审核中' }])
  })

  it('does not let a volunteer decide their own application', async () => {
    await h.db.collection('users').doc('dev-worker').update({ data: { roles: ['worker', 'volunteer'], services: ['aid'] } })
    expect(await h.call('dev-worker', 'aid', 'claim', { caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '不能处理自己提交的申请' } })
    expect((await h.ok('dev-worker', 'aid', 'deskCase', { caseId })).allowed).toEqual([])
  })
})

/** Stands in the table for the case each test applies for. */
const THE_CASE = 'the-case'

describe('aid cases: every shared action refuses bad input and callers without identity, and changes nothing', () => {
  let h: Harness
  let caseId: string
  beforeEach(async () => {
    h = await createHarness()
    caseId = await applyForWinter(h)
  })
  afterEach(() => h.close())

  it.each([
    ['dev-worker', 'case', { caseId: '' }, 'caseId'],
    ['dev-worker', 'withdraw', {}, 'caseId'],
    ['dev-worker', 'resubmit', { caseId: THE_CASE, attachments: 'photos' }, 'attachments'],
    ['dev-volunteer', 'queue', { filter: 'waiting', minWaitDays: 2 }, 'minWaitDays'],
    ['dev-volunteer', 'deskCase', { caseId: 7 }, 'caseId'],
    ['dev-volunteer', 'claim', {}, 'caseId'],
    ['dev-volunteer', 'askInfo', { caseId: THE_CASE, note: ' ' }, 'note'],
    ['dev-volunteer', 'approve', { caseId: THE_CASE, amountFen: 12.5 }, 'amountFen'],
    ['dev-volunteer', 'reject', { caseId: THE_CASE }, 'note'],
    ['dev-volunteer', 'markPaid', { caseId: THE_CASE, paymentRef: 'A1' }, 'paymentRef'],
    ['dev-volunteer', 'reveal', { caseId: THE_CASE }, 'field'],
  ])('%s → %s with a bad %s', async (openid, action, payload, field) => {
    const before = await h.all('cases')
    const real = { ...payload, ...('caseId' in payload && payload.caseId === THE_CASE ? { caseId } : {}) }
    expect(await h.call(openid, 'aid', action, real)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { [field]: expect.any(String) } } })
    expect(await h.all('cases')).toEqual(before)
  })

  it.each(['mine', 'case', 'resubmit', 'withdraw', 'queue', 'deskCase', 'claim', 'askInfo', 'approve', 'reject', 'markPaid', 'reveal', 'apply'])(
    '%s without a signed-in caller is UNAUTHENTICATED',
    async (action) => {
      expect(await h.call(null, 'aid', action, { caseId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    },
  )
})
