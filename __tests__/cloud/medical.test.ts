import type { CaseRecord } from '../../cloud/core/cases/record'
import { addRealNamedWorkers, benchIdNumber } from '../../bench/fixtures'
import { addUpload } from './aidFixtures'
import { createHarness, type Harness } from './harness'
import { fileClaim, inpatientClaim, WORKER_ID } from './medicalFixtures'

const VOLUNTEER = 'dev-volunteer'

describe('medical: the plan and who it covers', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it("offers DOMAIN.md's plan until an admin changes a year, and the change stays in that year", async () => {
    const plan = await h.ok('dev-worker', 'medical', 'plan', {})
    expect(plan).toMatchObject({ year: 2026, feeFen: 6_000, claimWindowDays: 180, overallCapFen: 5_000_000 })
    const changed = { ...plan, year: 2027, claimWindowDays: 90 }
    delete changed._id
    await h.ok('dev-admin', 'medical', 'upsertPlan', changed)
    expect((await h.ok('dev-worker', 'medical', 'plan', { year: 2027 })).claimWindowDays).toBe(90)
    expect((await h.ok('dev-worker', 'medical', 'plan', {})).claimWindowDays).toBe(180)
    const bad = { ...changed, categories: { ...changed.categories, accident: { ...changed.categories.accident, capFen: 9_000_000 } } }
    expect(await h.call('dev-admin', 'medical', 'upsertPlan', bad)).toMatchObject({ ok: false, error: { fields: { 'categories.accident.capFen': expect.any(String) } } })
    expect(await h.call('dev-worker', 'medical', 'upsertPlan', changed)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('imports a CSV with a report of the rows refused and why, and nothing until committed', async () => {
    const csv = [
      '姓名,身份证号,单位,年份',
      `张建国,${WORKER_ID},温州鹿城顺达快递有限公司,2026`,
      `李四,${benchIdNumber(1, '19900101')},鹿城环卫所,2026`,
      `王五,330302199001011230,鹿城环卫所,2026`,
      `李四,${benchIdNumber(1, '19900101')},鹿城环卫所,2026`,
      `赵六,${benchIdNumber(2, '19900101')},鹿城环卫所,二〇二六`,
    ].join('\n')
    const preview = await h.ok('dev-admin', 'medical', 'importMembers', { csv, commit: false })
    expect(preview).toEqual({
      rows: 5,
      accepted: 1,
      imported: 0,
      refused: [
        { line: 2, reason: '2026年已经参加，不必重复导入' },
        { line: 4, reason: '身份证号不正确' },
        { line: 5, reason: '文件里重复：同一人同一年出现两次' },
        { line: 6, reason: '年份不正确' },
      ],
    })
    const seeded = (await h.all('medical_members')).length
    expect(await h.ok('dev-admin', 'medical', 'importMembers', { csv, commit: true })).toMatchObject({ accepted: 1, imported: 1 })
    const members = await h.all('medical_members')
    expect(members).toHaveLength(seeded + 1)
    expect(JSON.stringify(members)).not.toContain(benchIdNumber(1, '19900101'))
    const again = await h.ok('dev-admin', 'medical', 'importMembers', { csv, commit: true })
    expect(again).toMatchObject({ accepted: 0, imported: 0, refused: expect.arrayContaining([{ line: 3, reason: '2026年已经参加，不必重复导入' }]) })
    expect(await h.all('medical_members')).toHaveLength(seeded + 1)
    expect(await h.call('dev-worker', 'medical', 'importMembers', { csv, commit: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('imports a union\'s list of hundreds at once, finding the one already enrolled, and refuses a file over 2,000 rows', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `职工${i},${benchIdNumber(i, '19880808')},鹿城环卫所,2026`)
    rows[180] = `张建国,${WORKER_ID},温州鹿城顺达快递有限公司,2026`
    const report = await h.ok('dev-admin', 'medical', 'importMembers', { csv: rows.join('\r\n'), commit: true })
    expect(report).toEqual({ rows: 250, accepted: 249, imported: 249, refused: [{ line: 181, reason: '2026年已经参加，不必重复导入' }] })
    const huge = Array.from({ length: 2001 }, (_, i) => `职工${i},${benchIdNumber(i % 1000, '19880808')},鹿城环卫所,2026`).join('\n')
    expect(await h.call('dev-admin', 'medical', 'importMembers', { csv: huge, commit: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', fields: { csv: expect.stringContaining('每次最多导入2000行') } },
    })
  })

  it('tells a worker whether they are covered this year', async () => {
    expect(await h.ok('dev-worker', 'medical', 'coverage', {})).toMatchObject({ year: 2026, covered: true, employer: '温州鹿城顺达快递有限公司' })
    expect(await h.ok('dev-worker', 'medical', 'coverage', { year: 2025 })).toMatchObject({ covered: false })
    const [newcomer] = await addRealNamedWorkers(h.db, h.pii, 1, 'newcomer')
    expect(await h.ok(newcomer, 'medical', 'coverage', {})).toMatchObject({ covered: false })
    expect(await h.ok('dev-worker2', 'medical', 'coverage', {})).toMatchObject({ covered: false })
  })
})

describe('medical: claims', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it("stores the claim with the server's estimate, the worked example's 6,700.00", async () => {
    const caseId = await fileClaim(h)
    const record = (await h.db.collection<CaseRecord>('cases').doc(caseId).get()).data!
    expect(record).toMatchObject({ service: 'medical', kind: 'inpatient', year: 2026, status: 'submitted', suggestedFen: 670_000, title: '2026年医疗互助·住院' })
    expect(JSON.stringify(record)).not.toContain('腰椎间盘突出')
    const desk = await h.ok(VOLUNTEER, 'medical', 'deskCase', { caseId })
    expect(desk.rows).toEqual(
      expect.arrayContaining([
        { label: '起付线', value: '减去 500.00\u00a0元' },
        { label: '0–5,000\u00a0元部分', value: '5,000.00\u00a0元 × 50% = 2,500.00\u00a0元' },
        { label: '5,000–20,000\u00a0元部分', value: '7,000.00\u00a0元 × 60% = 4,200.00\u00a0元' },
        { label: '预计可报', value: '6,700.00\u00a0元' },
      ]),
    )
    expect(JSON.stringify(desk)).not.toContain('腰椎间盘突出')
  })

  it('approves at the estimate by default, refuses more, and a lower amount only with a reason', async () => {
    const caseId = await fileClaim(h)
    await h.ok(VOLUNTEER, 'medical', 'claim', { caseId })
    expect(await h.call(VOLUNTEER, 'medical', 'approve', { caseId, amountFen: 670_001 })).toMatchObject({
      ok: false,
      error: { fields: { amountFen: '不能高于按规则核算的 6,700.00\u00a0元' } },
    })
    expect(await h.call(VOLUNTEER, 'medical', 'approve', { caseId, amountFen: 600_000 })).toMatchObject({ ok: false, error: { fields: { note: expect.stringContaining('请写明原因') } } })
    await h.ok(VOLUNTEER, 'medical', 'approve', { caseId, amountFen: 600_000, note: '部分费用不在报销范围' })
    expect(await h.ok('dev-worker', 'medical', 'case', { caseId })).toMatchObject({ status: 'approved', amountFen: 600_000 })
    const inbox = await h.ok('dev-worker', 'users', 'inbox', {})
    expect(inbox.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: '2026年医疗互助·住院：已批准', body: '已批准，金额 6,000.00\u00a0元。说明：部分费用不在报销范围' })]),
    )
  })

  it('counts earlier approvals of the year: the second stay of the worked example gets 18,500, and approval re-checks the caps', async () => {
    const first = await fileClaim(h)
    await h.ok(VOLUNTEER, 'medical', 'claim', { caseId: first })
    await h.ok(VOLUNTEER, 'medical', 'approve', { caseId: first, amountFen: 670_000 })
    const second = await fileClaim(h, { admissionDate: '2026-11-15', dischargeDate: '2026-11-20', selfPaidFen: 3_050_000 })
    expect((await h.db.collection<CaseRecord>('cases').doc(second).get()).data).toMatchObject({ suggestedFen: 1_850_000 })
    const third = await fileClaim(h, { admissionDate: '2026-11-21', dischargeDate: '2026-11-25', selfPaidFen: 3_050_000 })
    expect((await h.db.collection<CaseRecord>('cases').doc(third).get()).data).toMatchObject({ suggestedFen: 1_850_000 })
    await h.ok(VOLUNTEER, 'medical', 'claim', { caseId: second })
    await h.ok(VOLUNTEER, 'medical', 'approve', { caseId: second, amountFen: 1_850_000 })
    // 30,000 − 6,700 − 18,500 = 4,800 left in the category for the third stay: the desk fills that in.
    await h.ok(VOLUNTEER, 'medical', 'claim', { caseId: third })
    expect(await h.ok(VOLUNTEER, 'medical', 'deskCase', { caseId: third })).toMatchObject({
      suggestedFen: 480_000,
      maxFen: 480_000,
      suggestionNote: expect.stringContaining('还剩4,800.00\u00a0元'),
    })
    expect(await h.call(VOLUNTEER, 'medical', 'approve', { caseId: third, amountFen: 1_850_000 })).toMatchObject({
      ok: false,
      error: { fields: { amountFen: expect.stringContaining('不能高于按规则核算的 4,800.00\u00a0元') } },
    })
    await h.ok(VOLUNTEER, 'medical', 'approve', { caseId: third, amountFen: 480_000 })
  })

  it('refuses, with the reason, a year not covered, a claim out of its window, dates out of order and a second lump sum; and writes nothing', async () => {
    const fileId = await addUpload(h, 'dev-worker', 'medical')
    const refusals: Array<[Record<string, unknown>, unknown]> = [
      [{ admissionDate: '2025-11-02', dischargeDate: '2025-11-12' }, { code: 'FAILED_PRECONDITION', message: expect.stringContaining('2025年没有参加') }],
      [{ admissionDate: '2026-05-01', dischargeDate: '2026-05-10' }, { code: 'FAILED_PRECONDITION', message: '已超过出院后180天的申请期限' }],
      [{ admissionDate: '2026-11-12', dischargeDate: '2026-11-02' }, { code: 'INVALID_ARGUMENT', fields: { dischargeDate: '出院日期不能早于入院日期' } }],
      [{ category: 'accident', billDate: '2026-12-25' }, { code: 'INVALID_ARGUMENT', fields: { billDate: '日期不能晚于今天' } }],
      [{ selfPaidFen: 40_000 }, { code: 'FAILED_PRECONDITION', message: expect.stringContaining('起付线') }],
      [{ attachments: [{ fileId, material: 'admission_letter' }] }, { code: 'INVALID_ARGUMENT', fields: { 'attachments.0': '这项材料不在清单里' } }],
    ]
    for (const [change, error] of refusals) {
      expect(await h.call('dev-worker', 'medical', 'submitClaim', inpatientClaim(fileId, change))).toMatchObject({ ok: false, error })
    }
    expect(await h.all('cases')).toHaveLength(0)

    const critical = { category: 'critical_illness', billDate: '2026-11-20', selfPaidFen: 300_000, attachments: [{ fileId, material: 'invoice' }] }
    await h.ok('dev-worker', 'medical', 'submitClaim', inpatientClaim(fileId, critical))
    const second = await h.call('dev-worker', 'medical', 'submitClaim', inpatientClaim(await addUpload(h, 'dev-worker', 'medical'), critical))
    expect(second).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('重大疾病每个保障年度只给付一次') } })
    expect(await h.all('cases')).toHaveLength(1)
  })

  it('makes one claim of ten submits with the same requestId, and keeps it from other workers and other desks', async () => {
    const fileId = await addUpload(h, 'dev-worker', 'medical')
    const answers = await Promise.all(Array.from({ length: 10 }, () => h.call<any>('dev-worker', 'medical', 'submitClaim', inpatientClaim(fileId), 'claim-intent-1')))
    expect(new Set(answers.map((a) => (a.ok ? a.data._id : 'refused'))).size).toBe(1)
    const [caseId] = (await h.all('cases')).map((c: any) => c._id)
    const [other] = await addRealNamedWorkers(h.db, h.pii, 1, 'other')
    expect(await h.call(other, 'medical', 'case', { caseId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await h.db.collection('users').add({ data: { _id: 'aid-only', roles: ['worker', 'volunteer'], services: ['aid'], consents: {}, createdAt: 0, updatedAt: 0 } })
    expect(await h.call('aid-only', 'medical', 'queue', { filter: 'waiting' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call(VOLUNTEER, 'aid', 'deskCase', { caseId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('medical: bad input and the wrong caller', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('refuses a bad year, CSV or claim by field', async () => {
    expect(await h.call('dev-worker', 'medical', 'plan', { year: 1999 })).toMatchObject({ ok: false, error: { fields: { year: '年份不正确' } } })
    expect(await h.call('dev-worker', 'medical', 'coverage', { year: '2026' })).toMatchObject({ ok: false, error: { fields: { year: expect.any(String) } } })
    expect(await h.call('dev-admin', 'medical', 'importMembers', { csv: '', commit: 'yes' })).toMatchObject({
      ok: false,
      error: { fields: { csv: '文件是空的', commit: expect.any(String) } },
    })
    const fileId = await addUpload(h, 'dev-worker', 'medical')
    const bad = await h.call('dev-worker', 'medical', 'submitClaim', inpatientClaim(fileId, { category: 'dental', selfPaidFen: -1, hospital: '' }))
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { category: '请选择报销类别', selfPaidFen: expect.any(String), hospital: expect.any(String) } } })
    expect(await h.all('cases')).toHaveLength(0)
  })

  it('needs a signed-in, real-named worker to claim, and the worker\'s own uploads', async () => {
    const fileId = await addUpload(h, 'dev-worker', 'medical')
    expect(await h.call(null, 'medical', 'submitClaim', inpatientClaim(fileId))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const unnamed = await h.call('dev-worker2', 'medical', 'submitClaim', inpatientClaim(await addUpload(h, 'dev-worker2', 'medical')))
    expect(unnamed).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名认证') } })
    const [other] = await addRealNamedWorkers(h.db, h.pii, 1, 'other')
    await h.ok('dev-admin', 'medical', 'importMembers', { csv: `职工,${benchIdNumber(0, '19850101')},鹿城环卫所,2026`, commit: true })
    const someoneElses = await h.call(other, 'medical', 'submitClaim', inpatientClaim(fileId))
    expect(someoneElses).toMatchObject({ ok: false, error: { fields: { 'attachments.0': expect.stringContaining('重新上传') } } })
    expect(await h.all('cases')).toHaveLength(0)
  })
})
