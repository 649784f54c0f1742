import type { FileRecord } from '../../cloud/core/files'
import { FUNCTIONS } from '../../cloud/functions/registry'
import { addRealNamedWorkers } from '../../bench/fixtures'
import type { DashboardView, FigureView } from '../../types/figures'
import { applyForWinter } from './aidFixtures'
import { fileClaim } from './medicalFixtures'
import { createHarness, MONDAY_10AM, type Harness } from './harness'

const DAY = 86_400_000
const YEAR = { period: { kind: 'year', year: 2026 } }
const figure = (view: DashboardView, key: string): FigureView => view.panels.flatMap((p) => p.figures).find((f) => f.key === key)!
const shown = (view: DashboardView, key: string) => [figure(view, key).now.text, figure(view, key).before.text]

/**
 * Six households get 冬送温暖 through the desk — five 2,000 yuan, one 1,500 — applied for on 30
 * November and paid on 3 December 2026; 张建国's two medical claims are paid too.
 */
async function helpSixHouseholds(h: Harness) {
  const workers = await addRealNamedWorkers(h.db, h.pii, 6, 'fig')
  const cases: string[] = []
  for (const worker of workers) cases.push(await applyForWinter(h, worker))
  for (const [i, caseId] of cases.entries()) {
    await h.ok('dev-volunteer', 'aid', 'claim', { caseId })
    await h.ok('dev-volunteer', 'aid', 'approve', { caseId, amountFen: i === 5 ? 150_000 : 200_000, note: '按规则批准' })
  }
  const claims = [await fileClaim(h), await fileClaim(h, { admissionDate: '2026-11-15', dischargeDate: '2026-11-20' })]
  for (const caseId of claims) {
    await h.ok('dev-volunteer', 'medical', 'claim', { caseId })
    const { suggestedFen } = await h.ok('dev-volunteer', 'medical', 'deskCase', { caseId })
    await h.ok('dev-volunteer', 'medical', 'approve', { caseId, amountFen: suggestedFen })
  }
  h.setNow(MONDAY_10AM + 3 * DAY)
  for (const caseId of [...cases, ...claims]) await h.ok('dev-volunteer', cases.includes(caseId) ? 'aid' : 'medical', 'markPaid', { caseId, paymentRef: `WZ${caseId.slice(0, 8)}` })
  return workers
}

describe('数据看板 (the figures function)', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
    await h.db.collection('users').add({ data: { _id: 'vol-aid', roles: ['worker', 'volunteer'], services: ['aid'], consents: {}, createdAt: 0, updatedAt: 0 } })
    await h.db.collection('users').add({ data: { _id: 'vol-none', roles: ['worker', 'volunteer'], services: [], consents: {}, createdAt: 0, updatedAt: 0 } })
  })
  afterEach(() => h.close())

  it('shows an admin every open service, with the figures the desk made, against the year before', async () => {
    await helpSixHouseholds(h)
    const view: DashboardView = await h.ok('dev-admin', 'figures', 'dashboard', YEAR)
    expect(view.panels.map((p) => p.title)).toEqual(['服务阵地', '爱心托班', '困难帮扶', '医疗互助', '法律援助', '就业招聘'])
    expect(view.period).toEqual({ label: '2026年', beforeLabel: '2025年', from: '2026-01-01', to: '2026-12-31' })
    expect(shown(view, 'aid.applications')).toEqual(['6', '0'])
    expect(shown(view, 'aid.households')).toEqual(['6', '0'])
    expect(shown(view, 'aid.paid')).toEqual(['1.15', '0.00'])
    expect(shown(view, 'aid.approved')).toEqual(['1.15', '0.00'])
    expect(shown(view, 'aid.daysToPay')).toEqual(['3.0', '—'])
    expect(figure(view, 'aid.paid').change).toBe('新增')
    expect(figure(view, 'aid.households').breakdowns.map((b) => b.rows.find((r) => r.now.text !== '0')?.label)).toEqual(['冬送温暖', '深度困难'])
    expect(view.summary).toContain('发放帮扶资金1.15万元，帮扶困难职工6户')
    expect(view.computedAt).toBe(MONDAY_10AM + 3 * DAY)
  })

  it('shows a number of fewer than 5 people as <5, and money paid to them not at all', async () => {
    await helpSixHouseholds(h)
    const view: DashboardView = await h.ok('dev-admin', 'figures', 'dashboard', YEAR)
    expect(figure(view, 'medical.paidClaims').now).toEqual({ text: '<5', value: null, hidden: 'small' })
    expect(figure(view, 'medical.paid').now).toMatchObject({ text: '—', value: null })
    expect(figure(view, 'medical.paid').change).toBeUndefined()
    expect(view.summary).toContain('不足5人次获赔；')
  })

  it('counts the period chosen: November holds the applications, December the payments', async () => {
    await helpSixHouseholds(h)
    const month = (m: number) => h.ok('dev-admin', 'figures', 'dashboard', { period: { kind: 'month', year: 2026, month: m }, service: 'aid' })
    const [november, december] = [await month(11), await month(12)]
    expect([shown(november, 'aid.applications'), shown(november, 'aid.paid')]).toEqual([['6', '0'], ['0.00', '0.00']])
    expect([shown(december, 'aid.applications'), shown(december, 'aid.paid')]).toEqual([['0', '0'], ['1.15', '0.00']])
    expect(december.period.label).toBe('2026年12月')
  })

  it('shows a volunteer their own services only, and refuses another service', async () => {
    const own: DashboardView = await h.ok('vol-aid', 'figures', 'dashboard', YEAR)
    expect(own.panels.map((p) => p.service)).toEqual(['aid'])
    expect(own.summary.startsWith('2026年，全区发放帮扶资金')).toBe(true)
    expect(await h.call('vol-aid', 'figures', 'dashboard', { ...YEAR, service: 'medical' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('vol-aid', 'figures', 'exportXlsx', { ...YEAR, service: 'medical' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('vol-none', 'figures', 'dashboard', YEAR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses workers and HR contacts, and keeps nothing for them', async () => {
    for (const who of ['dev-worker', 'dev-hr']) {
      expect(await h.call(who, 'figures', 'dashboard', YEAR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call(who, 'figures', 'exportXlsx', YEAR)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await h.all('figures_cache')).toEqual([])
  })

  it('refuses a period it cannot count, on its field', async () => {
    const res = await h.call('dev-admin', 'figures', 'dashboard', { period: { kind: 'range', from: '2025-01-01', to: '2026-06-30' } })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { 'period.to': '自定义时段最长一年' } } })
  })

  it('keeps the figures five minutes, then counts again', async () => {
    const first: DashboardView = await h.ok('vol-aid', 'figures', 'dashboard', YEAR)
    await applyForWinter(h)
    h.setNow(MONDAY_10AM + 4 * 60_000)
    const kept: DashboardView = await h.ok('vol-aid', 'figures', 'dashboard', YEAR)
    expect([kept.computedAt, shown(kept, 'aid.applications')[0]]).toEqual([first.computedAt, '0'])
    h.setNow(MONDAY_10AM + 6 * 60_000)
    const fresh: DashboardView = await h.ok('vol-aid', 'figures', 'dashboard', YEAR)
    expect([fresh.computedAt, shown(fresh, 'aid.applications')[0]]).toEqual([MONDAY_10AM + 6 * 60_000, '<5'])
  })

  it('exports the same numbers as the page: a sheet per service, the definitions last, for its caller alone', async () => {
    await helpSixHouseholds(h)
    const stored = new Map<string, Buffer>()
    const runtime = {
      db: h.db,
      pii: h.pii,
      openid: 'dev-admin',
      clock: () => MONDAY_10AM + 3 * DAY,
      fileStore: { put: async (name: string, bytes: Buffer) => (stored.set(name, bytes), {}), remove: async (file: FileRecord) => void stored.delete(file._id) },
      fileLink: async (file: FileRecord) => `/files/${file._id}`,
    }
    const res: any = await FUNCTIONS.figures.handle({ action: 'exportXlsx', payload: YEAR }, runtime)
    expect(res.ok).toBe(true)
    const page: DashboardView = await h.ok('dev-admin', 'figures', 'dashboard', YEAR)
    const { Workbook } = await import('exceljs')
    const book = new Workbook()
    await book.xlsx.load(stored.get(res.data.file.fileId)! as any)
    expect(book.worksheets.map((s) => s.name)).toEqual([...page.panels.map((p) => p.title), '指标说明'])
    for (const panel of page.panels) {
      const rows = new Map<string, unknown[]>()
      book.getWorksheet(panel.title)!.eachRow((row) => rows.set(String(row.getCell(1).value), [row.getCell(2).value, row.getCell(3).value]))
      for (const f of panel.figures) expect([f.key, rows.get(f.title)]).toEqual([f.key, [f.now.value ?? f.now.text, f.before.value ?? f.before.text]])
    }
    const defs = book.getWorksheet('指标说明')!
    const definitions: string[] = []
    defs.eachRow((row) => definitions.push(String(row.getCell(3).value)))
    expect(definitions).toEqual(expect.arrayContaining(page.panels.flatMap((p) => p.figures.map((f) => f.definition))))
    const file = (await h.all('files')).find((f: any) => f._id === res.data.file.fileId) as unknown as FileRecord
    expect(file).toMatchObject({ ownerId: 'dev-admin', service: 'account', public: false })
    expect((await h.all('audit')).some((a: any) => a.action === 'exportXlsx' && a.who === 'dev-admin')).toBe(true)
  })
})
