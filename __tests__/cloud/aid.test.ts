import { addUpload, winterApplication } from './aidFixtures'
import { createHarness, type Harness } from './harness'

/** 3 people, 36,000 yuan net a year: 1,000 yuan each a month, below the 1,200 line. */
const deepHousehold = { householdSize: 3, annualIncomeFen: 4_800_000, unavoidableSpendingFen: 1_200_000 }

describe('aid: programmes and the self-check', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('offers this year\'s four programmes with DOMAIN.md\'s defaults', async () => {
    const { year, items } = await h.ok('dev-worker', 'aid', 'programmes', {})
    expect(year).toBe(2026)
    expect(items.map((p: any) => p.title)).toEqual(['春送岗位', '夏送清凉', '金秋助学', '冬送温暖'])
    expect(items.find((p: any) => p.kind === 'winter_warmth')).toMatchObject({ deepFen: 200_000, relativeFen: 100_000, accidentMaxFen: 500_000 })
  })

  it('tells a household its tier in plain words and what each programme could give', async () => {
    const r = await h.ok('dev-worker', 'aid', 'selfCheck', deepHousehold)
    expect(r).toMatchObject({ tiers: ['deep'], perCapitaMonthlyFen: 100_000, reason: expect.stringContaining('低于低保线1,200.00\u00a0元') })
    const offer = Object.fromEntries(r.programmes.map((p: any) => [p.kind, p]))
    expect(offer.winter_warmth).toMatchObject({ eligible: true, amountFen: 200_000 })
    expect(offer.autumn_education).toMatchObject({ eligible: true, amountFen: 500_000 })
    expect(offer.summer_cooling).toMatchObject({ eligible: true })
    expect(offer.spring_jobs).toMatchObject({ eligible: true })
  })

  it('offers 意外致困 up to 5,000 yuan in winter, and nothing means-tested to a household above 2L', async () => {
    const accident = await h.ok('dev-worker', 'aid', 'selfCheck', { householdSize: 2, annualIncomeFen: 10_000_000, unavoidableSpendingFen: 0, suddenEventCostFen: 9_000_000 })
    expect(accident.tiers).toEqual(['accident'])
    expect(accident.programmes.find((p: any) => p.kind === 'winter_warmth')).toMatchObject({ eligible: true, upToFen: 500_000 })
    expect(accident.programmes.find((p: any) => p.kind === 'autumn_education')).toMatchObject({ eligible: false })
    const comfortable = await h.ok('dev-worker', 'aid', 'selfCheck', { householdSize: 1, annualIncomeFen: 10_000_000, unavoidableSpendingFen: 0 })
    expect(comfortable.tiers).toEqual([])
    expect(comfortable.programmes.filter((p: any) => p.eligible).map((p: any) => p.kind)).toEqual(['summer_cooling'])
  })

  it('follows the programmes and the 低保 line the admin sets', async () => {
    await h.ok('dev-admin', 'aid', 'upsertProgramme', {
      year: 2026,
      kind: 'winter_warmth',
      description: '今年冬送温暖提高标准',
      meansTested: true,
      deepFen: 300_000,
      relativeFen: 150_000,
      accidentMaxFen: 600_000,
      materials: ['id_card', 'bank_card'],
    })
    await h.ok('dev-admin', 'aid', 'setConfig', { lowIncomeLineFen: 90_000 })
    const r = await h.ok('dev-worker', 'aid', 'selfCheck', deepHousehold)
    expect(r).toMatchObject({ tiers: ['relative'], lowIncomeLineFen: 90_000 })
    expect(r.programmes.find((p: any) => p.kind === 'winter_warmth')).toMatchObject({ amountFen: 150_000 })
    await expect(h.all('audit')).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ who: 'dev-admin', action: 'setConfig' })]))
    // A change applies to its year only: next year still has DOMAIN.md's defaults.
    const next = await h.ok('dev-admin', 'aid', 'programmes', { year: 2027 })
    expect(next).toMatchObject({ year: 2027, lowIncomeLineFen: 90_000 })
    expect(next.items.find((p: any) => p.kind === 'winter_warmth')).toMatchObject({ relativeFen: 100_000 })
  })

  it('applies the approved ceiling of the programme as it stood when the worker applied', async () => {
    const fileId = await addUpload(h, 'dev-worker')
    const { _id: caseId } = await h.ok('dev-worker', 'aid', 'apply', winterApplication(fileId))
    await h.ok('dev-admin', 'aid', 'upsertProgramme', {
      year: 2026,
      kind: 'winter_warmth',
      description: '今年冬送温暖降低标准',
      meansTested: true,
      deepFen: 100_000,
      materials: ['id_card'],
    })
    expect((await h.ok('dev-volunteer', 'aid', 'deskCase', { caseId })).maxFen).toBe(200_000)
  })

  it('refuses bad input with the field named, and changes nothing', async () => {
    const res = await h.call('dev-worker', 'aid', 'selfCheck', { householdSize: 0, annualIncomeFen: -5, unavoidableSpendingFen: 1.5 })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    if (!res.ok) expect(Object.keys(res.error.fields!).sort()).toEqual(['annualIncomeFen', 'householdSize', 'unavoidableSpendingFen'])
    const bad = await h.call('dev-admin', 'aid', 'upsertProgramme', { year: 2026, kind: 'autumn', description: '短', meansTested: true, materials: [] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await h.call('dev-admin', 'aid', 'setConfig', { lowIncomeLineFen: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await h.all('aid_programmes')).toEqual([])
    expect(await h.all('aid_config')).toEqual([])
  })

  it('refuses a malformed programmes call and a caller without identity', async () => {
    expect(await h.call('dev-worker', 'aid', 'programmes', [2026])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await h.call(null, 'aid', 'selfCheck', deepHousehold)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('lets only admins change programmes and the line', async () => {
    for (const who of ['dev-worker', 'dev-volunteer', 'dev-hr']) {
      expect(await h.call(who, 'aid', 'setConfig', { lowIncomeLineFen: 90_000 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call(who, 'aid', 'upsertProgramme', { year: 2026, kind: 'winter_warmth', description: '改一下标准', meansTested: true, materials: ['id_card'] })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    expect(await h.all('aid_config')).toEqual([])
  })
})
