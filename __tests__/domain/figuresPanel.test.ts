import { AID_APPLICATIONS, AID_FIGURES, AID_PAID } from '../../cloud/domain/figures/aid'
import { MEDICAL_FIGURES } from '../../cloud/domain/figures/medical'
import { figureView, panelOf, type FigureResult } from '../../cloud/domain/figures/panel'
import { periodOf } from '../../cloud/domain/figures/period'
import { summaryOf } from '../../cloud/domain/figures/summary'

const people = (value: number) => ({ value, people: value })

describe('a figure as the page shows it', () => {
  const applications: FigureResult = {
    now: people(53),
    before: people(40),
    by: { kind: { now: { summer_cooling: people(20), autumn_education: people(3), winter_warmth: people(30) }, before: { winter_warmth: people(40) } } },
  }

  it('writes this period, the same period a year earlier and the change', () => {
    const view = figureView(AID_APPLICATIONS, applications)
    expect([view.now.text, view.before.text, view.change]).toEqual(['53', '40', '+32.5%'])
    expect(view.definition).toBe(AID_APPLICATIONS.definition)
  })

  it('shows every programme in its order, a small cell as <5 and its guard as ≥5', () => {
    const rows = figureView(AID_APPLICATIONS, applications).breakdowns[0].rows
    expect(rows.map((r) => [r.label, r.now.text, r.before.text])).toEqual([
      ['春送岗位', '0', '0'],
      ['夏送清凉', '≥5', '0'],
      ['金秋助学', '<5', '0'],
      ['冬送温暖', '30', '40'],
    ])
    expect(rows[2].now).toEqual({ text: '<5', value: null, hidden: 'small' })
  })

  it('hides money paid to fewer than 5 people as —, with its guard, and leaves the change out', () => {
    const paid: FigureResult = {
      now: { value: 2_600_000, people: 9 },
      before: { value: 900_000, people: 3 },
      by: { kind: { now: { winter_warmth: { value: 2_000_000, people: 6 }, autumn_education: { value: 600_000, people: 3 } }, before: {} } },
    }
    const view = figureView(AID_PAID, paid)
    expect([view.now.text, view.before.text, view.change]).toEqual(['2.60', '—', undefined])
    expect(view.breakdowns[0].rows.filter((r) => r.now.hidden).map((r) => [r.label, r.now.text, r.now.hidden])).toEqual([
      ['金秋助学', '—', 'small'],
      ['冬送温暖', '—', 'guard'],
    ])
  })
})

describe('a panel and its charts', () => {
  const period = periodOf({ kind: 'year', year: 2026 })
  const months = (values: number[]) => values.map((v) => ({ value: v * 10_000_00, people: v }))
  const results = {
    'aid.paid': {
      now: { value: 78 * 10_000_00, people: 78 },
      before: { value: 0, people: 0 },
      by: {},
      months: { now: months([0, 0, 3, 10, 10, 10, 10, 10, 10, 10, 5, 0]), before: months(Array(12).fill(0)) },
    },
  }

  it('draws the months as bars beside the year before, a month of fewer than 5 people left out', () => {
    const panel = panelOf(AID_FIGURES, results, period, 1)
    const bars = panel.charts.find((c) => c.key === 'aid.paidByMonth')!
    expect(bars.categories).toHaveLength(12)
    expect(bars.series.map((s) => s.name)).toEqual(['2026年', '2025年'])
    expect(bars.series[0].values.slice(0, 5)).toEqual([0, 0, null, null, 10])
    expect(bars.note).toBe('人数不足5的数不显示。')
    expect(panel.title).toBe('困难帮扶')
  })

  it('draws no bars for a month alone', () => {
    expect(panelOf(AID_FIGURES, results, periodOf({ kind: 'month', year: 2026, month: 3 }), 1).charts.some((c) => c.kind === 'bar')).toBe(false)
  })
})

describe('the annual report paragraph', () => {
  it('says what the union did, in the report\'s words, from the figures shown', () => {
    const period = periodOf({ kind: 'year', year: 2026 })
    const medical = panelOf(
      MEDICAL_FIGURES,
      {
        'medical.members': { now: people(458_000), before: people(0), by: {} },
        'medical.paidClaims': { now: people(5_090), before: people(0), by: {} },
        'medical.paid': { now: { value: 769_000_000, people: 5_000 }, before: people(0), by: {} },
      },
      period,
      1,
    )
    const aid = panelOf(AID_FIGURES, { 'aid.paid': { now: { value: 205_800_000, people: 900 }, before: people(0), by: {} }, 'aid.households': { now: people(3), before: people(0), by: {} } }, period, 1)
    expect(summaryOf('2026年', [medical, aid])).toBe('2026年，全区共有458,000人次参保职工医疗互助保障，5,090人次获赔769.00万元；发放帮扶资金205.80万元，帮扶困难职工不足5户。')
  })
})
