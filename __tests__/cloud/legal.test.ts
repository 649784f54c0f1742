import { createHarness, MONDAY_10AM, type Harness } from './harness'
import { addUpload } from './aidFixtures'
import { askForHelp, DESK, dismissal, LAWYER, unpaidWages, walk, WORKER } from './legalFixtures'
import { formatYuan } from '../../cloud/domain/money'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(() => h.close())

const endOf = (date: string) => Date.parse(`${date}T00:00:00+08:00`) + 24 * 60 * 60 * 1000

describe('legal.ask: the intake', () => {
  it('stores the case submitted with the promise in dates, counted from the filing date in working days', async () => {
    const caseId = await askForHelp(h)
    const view = await h.ok(WORKER, 'legal', 'case', { caseId })
    expect(view).toMatchObject({
      service: 'legal',
      title: '欠薪求助',
      status: 'submitted',
      statusName: '已提交',
      promise: { acknowledgeBy: '2026-12-01', decideBy: '2026-12-09', estimated: false, text: '1个工作日内受理（12月1日前），7个工作日内答复是否提供援助（12月9日前）' },
      limitText: '申请仲裁的时效到2027年10月31日（还有335天）。',
      unread: 0,
      canBook: false,
      canWrite: false,
    })
    const { data } = await h.db.collection('cases').doc(caseId).get()
    expect(data).toMatchObject({
      details: {
        dueAt: endOf('2026-12-01'),
        limitDate: '2027-10-31',
        promise: { acknowledgeDueAt: endOf('2026-12-01'), decideDueAt: endOf('2026-12-09') },
        means: { exempt: true, eligible: true },
      },
    })
    // What happened and where the worker comes from are sealed.
    expect(JSON.stringify(data)).not.toContain('拖欠工资')
    expect(JSON.stringify(data)).not.toContain('毕节')
    const inbox = await h.ok(WORKER, 'users', 'inbox', {})
    expect(inbox.items[0]).toMatchObject({ title: '欠薪求助：已提交', body: '申请已提交。工会将在12月1日前受理，12月9日前答复是否提供援助。', link: `/packages/legal/case/index?caseId=${caseId}` })
    const rows = await h.ok(WORKER, 'users', 'requests', {})
    expect(rows.items[0]).toMatchObject({ title: '法律援助：欠薪求助', statusName: '已提交', link: `/packages/legal/case/index?caseId=${caseId}`, open: true })
  })

  it('says the promise is an estimate over a year the calendar does not know, and counts with the notice an admin entered', async () => {
    h.setNow(Date.parse('2026-12-30T10:00:00+08:00'))
    const estimated = await h.ok(WORKER, 'legal', 'case', { caseId: await askForHelp(h) })
    expect(estimated.promise).toMatchObject({ decideBy: '2027-01-08', estimated: true })
    expect(estimated.promise.text).toContain('按常规工作日估算')
    await h.ok('dev-admin', 'legal', 'setCalendarYear', { year: 2027, holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] })
    const exact = await h.ok(WORKER, 'legal', 'case', { caseId: await askForHelp(h) })
    expect(exact.promise).toMatchObject({ decideBy: '2027-01-11', estimated: false })
    expect(exact.promise.text).not.toContain('估算')
  })

  it('counts with the admin\'s promise numbers', async () => {
    await h.ok('dev-admin', 'legal', 'setPromise', { acknowledgeDays: 2, decideDays: 5 })
    expect((await h.ok(WORKER, 'legal', 'intake', {})).promise).toEqual({ acknowledgeDays: 2, decideDays: 5 })
    const view = await h.ok(WORKER, 'legal', 'case', { caseId: await askForHelp(h) })
    expect(view.promise.text).toBe('2个工作日内受理（12月2日前），5个工作日内答复是否提供援助（12月7日前）')
  })

  it('applies the means test to a local worker, and words the result for the desk', async () => {
    const { _id } = await h.ok(WORKER, 'legal', 'ask', dismissal())
    const desk = await h.ok(DESK, 'legal', 'staffCase', { caseId: _id })
    expect(desk.rows.find((r: { label: string }) => r.label === '经济状况').value).toContain('符合经济困难条件')
    const poor = await h.call(WORKER, 'legal', 'ask', dismissal({ householdSize: undefined }))
    expect(poor).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { householdSize: '请填写家庭人口' } } })
  })

  it('refuses what the limit, the exemption and the calendar need, by field, writing nothing', async () => {
    const cases = [
      [{ employmentEndedOn: undefined }, 'employmentEndedOn'],
      [{ category: 'work_injury', stillEmployed: true, employmentEndedOn: undefined }, 'learnedOn'],
      [{ hometown: undefined }, 'hometown'],
      [{ employmentEndedOn: '2026-12-05' }, 'employmentEndedOn'],
      [{ knownDeadline: { date: '2026-11-01', what: '仲裁开庭' } }, 'knownDeadline.date'],
      [{ story: '老板欠钱不给' }, 'story'],
      [{ consentVersion: '2020.01' }, 'consentVersion'],
    ] as const
    for (const [over, field] of cases) {
      const res = await h.call(WORKER, 'legal', 'ask', unpaidWages(over))
      expect(res.ok ? 'ok' : Object.keys(res.error.fields ?? {})).toEqual([field])
    }
    expect(await h.all('cases')).toEqual([])
  })

  it('needs the real-name profile first', async () => {
    expect(await h.call('dev-worker2', 'legal', 'ask', unpaidWages())).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名') } })
  })

  it('takes the worker\'s own uploads for legal help as the case\'s files, at most 9', async () => {
    const fileId = await addUpload(h, WORKER, 'legal')
    const { _id } = await h.ok(WORKER, 'legal', 'ask', unpaidWages({ attachments: [{ fileId, material: 'pay' }] }))
    expect((await h.ok(WORKER, 'legal', 'case', { caseId: _id })).attachments).toHaveLength(1)
    const aidFile = await addUpload(h, WORKER, 'aid')
    expect(await h.call(WORKER, 'legal', 'ask', unpaidWages({ attachments: [{ fileId: aidFile, material: 'pay' }] }))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })

  it('makes one case of a repeated submit', async () => {
    await h.ok(WORKER, 'legal', 'ask', unpaidWages(), 'legal-ask-0001')
    await h.ok(WORKER, 'legal', 'ask', unpaidWages(), 'legal-ask-0001')
    expect(await h.all('cases')).toHaveLength(1)
  })
})

describe('the legal desk and the lawyer', () => {
  it('acknowledges, assigns, grants, closes with an outcome; the worker rates it; every step on the timeline, in 消息 and 我的办事', async () => {
    const caseId = await askForHelp(h)
    await h.ok(DESK, 'legal', 'acknowledge', { caseId })
    expect((await h.db.collection('cases').doc(caseId).get()).data).toMatchObject({ details: { dueAt: endOf('2026-12-09') } })
    await h.ok(DESK, 'legal', 'assign', { caseId, assigneeId: LAWYER })
    await h.ok(DESK, 'legal', 'grant', { caseId })
    expect((await h.db.collection<any>('cases').doc(caseId).get()).data!.details.dueAt).toBeUndefined()
    const closed = await h.ok(LAWYER, 'legal', 'close', { caseId, outcome: 'mediated', recoveredFen: 1_200_000, note: '调解成功，公司当场支付' })
    expect(closed).toMatchObject({ status: 'closed', statusName: '已结案' })
    await h.ok(WORKER, 'legal', 'rate', { caseId, stars: 5, comment: '赵律师很耐心' })
    expect(await h.call(WORKER, 'legal', 'rate', { caseId, stars: 1 })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })

    const view = await h.ok(WORKER, 'legal', 'case', { caseId })
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'acknowledge', 'assign', 'grant', 'close', 'rate'])
    expect(view).toMatchObject({
      status: 'closed',
      lawyerName: '赵明',
      amountFen: 1_200_000,
      outcome: { outcome: 'mediated', outcomeName: '调解成功', recoveredFen: 1_200_000 },
      rating: { stars: 5, comment: '赵律师很耐心' },
      canRate: false,
    })
    // The lawyer's name, never their phone.
    expect(JSON.stringify(view)).not.toContain('13906771234')
    const titles = (await h.ok(WORKER, 'users', 'inbox', {})).items.map((m: { title: string }) => m.title)
    // All at the same moment of the test's clock: compared as sets.
    expect(titles.sort()).toEqual(['欠薪求助：已评价', '欠薪求助：已结案', '欠薪求助：提供援助', '欠薪求助：已指派律师', '欠薪求助：已受理', '欠薪求助：已提交'].sort())
    expect((await h.ok(LAWYER, 'users', 'inbox', {})).items.map((m: { title: string }) => m.title).sort()).toEqual(['职工评价了您的案件', '新的法律援助案件'].sort())
    expect((await h.ok(WORKER, 'users', 'requests', {})).items[0]).toMatchObject({ statusName: '已结案', amountFen: 1_200_000, open: false })
    const audit = await h.all('audit')
    expect(audit.map((a: any) => [a.who, a.role, a.action, a.summary])).toEqual(
      expect.arrayContaining([
        [DESK, 'volunteer', 'acknowledge', '受理'],
        [DESK, 'volunteer', 'assign', '指派律师'],
        [LAWYER, 'lawyer', 'close', `结案：调解成功 追回 ${formatYuan(1_200_000)}`],
      ]),
    )
  })

  it('declines with a reason and where else to turn, which the worker reads; that ends it', async () => {
    const caseId = await askForHelp(h)
    expect(await h.call(DESK, 'legal', 'decline', { caseId, note: '不属于劳动争议' })).toMatchObject({ ok: false, error: { fields: { referral: expect.any(String) } } })
    await h.ok(DESK, 'legal', 'decline', { caseId, note: '不属于劳动争议', referral: '拨打12348公共法律服务热线' })
    const view = await h.ok(WORKER, 'legal', 'case', { caseId })
    expect(view).toMatchObject({ status: 'declined', decline: { reason: '不属于劳动争议', referral: '拨打12348公共法律服务热线' } })
    expect((await h.ok(WORKER, 'users', 'inbox', {})).items.map((m: { body: string }) => m.body)).toContain('不予援助：不属于劳动争议。您还可以：拨打12348公共法律服务热线')
    expect(await h.call(WORKER, 'legal', 'withdraw', { caseId })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  })

  it('lets the worker withdraw before a decision, not after', async () => {
    const a = await askForHelp(h)
    await walk(h, a, 'assigned')
    expect(await h.ok(WORKER, 'legal', 'withdraw', { caseId: a })).toMatchObject({ status: 'withdrawn' })
    expect((await h.ok(LAWYER, 'users', 'inbox', {})).items.map((m: { title: string }) => m.title)).toContain('申请人撤回了案件')
    const b = await askForHelp(h)
    await walk(h, b, 'granted')
    expect(await h.call(WORKER, 'legal', 'withdraw', { caseId: b })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  })

  it('assigns only a lawyer of the panel or a legal volunteer who is real-named', async () => {
    const caseId = await askForHelp(h)
    await h.ok(DESK, 'legal', 'acknowledge', { caseId })
    expect(await h.call(DESK, 'legal', 'assign', { caseId, assigneeId: 'dev-hr' })).toMatchObject({ ok: false, error: { fields: { assigneeId: expect.stringContaining('法援律师') } } })
    expect(await h.call(DESK, 'legal', 'assign', { caseId, assigneeId: WORKER })).toMatchObject({ ok: false, error: { fields: { assigneeId: '不能指派给申请人本人' } } })
    const { items } = await h.ok(DESK, 'legal', 'lawyers', {})
    expect(items[0]).toMatchObject({ userId: LAWYER, name: '赵明', kind: 'lawyer', open: 0 })
  })

  it('refuses the wrong people: a worker at the desk, a volunteer of another service, a lawyer not assigned, another worker', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'granted')
    await h.db.collection('users').add({ data: { _id: 'aid-only', roles: ['worker', 'volunteer'], services: ['aid'], consents: {}, createdAt: 0, updatedAt: 0 } })
    await h.ok('dev-admin', 'users', 'grantRole', { userId: 'dev-worker2', role: 'lawyer' })
    const refusals: Array<[string, string, object]> = [
      [WORKER, 'queue', { queue: 'todo' }],
      ['aid-only', 'queue', { queue: 'todo' }],
      ['aid-only', 'staffCase', { caseId }],
      ['dev-worker2', 'staffCase', { caseId }],
      ['dev-worker2', 'close', { caseId, outcome: 'other', note: '结案' }],
      ['dev-worker2', 'caseThread', { caseId }],
      ['dev-worker2', 'reveal', { caseId, field: 'mobile' }],
      [LAWYER, 'acknowledge', { caseId }],
      [LAWYER, 'queue', { queue: 'todo' }],
      ['dev-worker2', 'case', { caseId }],
      ['dev-worker2', 'rate', { caseId, stars: 3 }],
    ]
    for (const [who, action, payload] of refusals) {
      const res = await h.call(who, 'legal', action, payload)
      expect([who, action, res.ok ? 'ok' : res.error.code]).toEqual([who, action, expect.stringMatching(/FORBIDDEN|NOT_FOUND/)])
    }
  })

  it('shows the lawyer the worker\'s phone only when the worker chose 电话, and records the look', async () => {
    const byPhone = await askForHelp(h)
    await walk(h, byPhone, 'assigned')
    const view = await h.ok(LAWYER, 'legal', 'staffCase', { caseId: byPhone })
    expect(view).toMatchObject({ as: 'lawyer', applicantMasked: '张建国' })
    expect(view.rows.find((r: { label: string }) => r.label === '手机号')).toMatchObject({ value: '138****2345', revealable: 'mobile' })
    expect(JSON.stringify(view)).not.toContain('13857712345')
    expect(await h.ok(LAWYER, 'legal', 'reveal', { caseId: byPhone, field: 'mobile' })).toEqual({ field: 'mobile', value: '13857712345' })
    expect(await h.call(LAWYER, 'legal', 'reveal', { caseId: byPhone, field: 'idNumber' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const looks = (await h.all('audit')).filter((a: any) => a.who === LAWYER)
    expect(looks.map((a: any) => [a.summary, a.subjects])).toEqual([
      ['律师查看案件', [WORKER]],
      ['律师查看手机号', [WORKER]],
    ])

    const byVisit = (await h.ok(WORKER, 'legal', 'ask', unpaidWages({ contact: 'visit' })))._id
    await walk(h, byVisit, 'assigned')
    expect(await h.call(LAWYER, 'legal', 'reveal', { caseId: byVisit, field: 'mobile' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // The desk reveals as on every desk, recorded.
    expect(await h.ok(DESK, 'legal', 'reveal', { caseId: byVisit, field: 'idNumber' })).toMatchObject({ value: expect.stringMatching(/^33030219850315123/) })
  })

  it('lets an admin grant and revoke the lawyer role, audited; a revoked lawyer no longer sees the case', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'assigned')
    await h.ok('dev-admin', 'users', 'revokeRole', { userId: LAWYER, role: 'lawyer' })
    expect(await h.call(LAWYER, 'legal', 'staffCase', { caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await h.ok('dev-admin', 'users', 'grantRole', { userId: LAWYER, role: 'lawyer' })
    expect(await h.call(LAWYER, 'legal', 'staffCase', { caseId })).toMatchObject({ ok: true })
    const summaries = (await h.all('audit')).filter((a: any) => a.fn === 'users').map((a: any) => a.summary)
    expect(summaries).toEqual(['取消法援律师身份', '授予法援律师'])
  })

  it('keeps the time of the promise: the lawyer\'s list shows the cases assigned to them only', async () => {
    const mine = await askForHelp(h)
    await walk(h, mine, 'assigned')
    await askForHelp(h)
    const { items } = await h.ok(LAWYER, 'legal', 'assigned', {})
    expect(items.map((c: { _id: string }) => c._id)).toEqual([mine])
    expect(items[0]).toMatchObject({ dueAt: endOf('2026-12-09'), dueWhat: '答复', categoryName: '欠薪', assignedToMe: true })
    expect(MONDAY_10AM).toBeLessThan(items[0].dueAt)
  })
})
