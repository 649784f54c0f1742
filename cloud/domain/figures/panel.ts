import type { BreakdownView, ChartView, FigureCell, FigureView, PanelView } from '../../../types/figures'
import { SERVICE_NAMES } from '../../../types/roles'
import type { Breakdown, FigureDef, Tally } from './definition'
import { changeOf, formatValue, shownNumber } from './format'
import type { ChartDef, ServiceFigures } from './layout'
import type { Period } from './period'
import { suppress, type Hidden } from './suppress'

/** A figure counted for the period and the same period a year earlier: totals, breakdowns, months. */
export interface FigureResult {
  now: Tally
  before: Tally
  /** By breakdown field, then by the field's value (`''` when a record has none). */
  by: Record<string, { now: Record<string, Tally>; before: Record<string, Tally> }>
  /** Per month of the period (figures with a bar chart). */
  months?: { now: Tally[]; before: Tally[] }
}

export type Results = Record<string, FigureResult>

/** What the marks of a hidden number mean, said once under the figures. */
export const NOTES = [
  '“<5”：不足5人，不显示具体数字。',
  '“≥5”：为了不让别人由合计推算出不足5人的数字，一并隐去。',
  '“—”：人数不足5人，不显示金额、时长或比例；或者没有可比较的数。',
]

/** Counts and sums add up to their total; a time or a share does not. */
const additive = (def: FigureDef) => ['count', 'sum', 'distinct', 'groupsBelow'].includes(def.measure.kind)

const zero = (def: FigureDef): Tally => ({ value: additive(def) ? 0 : null, people: def.people === null ? null : 0 })

const STRENGTH = { small: 2, guard: 1 } as const
const strongest = (a: Hidden, b: Hidden): Hidden => ((b ? STRENGTH[b] : 0) > (a ? STRENGTH[a] : 0) ? b : a)

export function cellOf(def: FigureDef, t: Tally, hidden: Hidden): FigureCell {
  if (hidden) return { text: def.people === 'value' ? (hidden === 'small' ? '<5' : '≥5') : '—', value: null, hidden }
  if (t.value === null) return { text: '—', value: null }
  return { text: formatValue(t.value, def.unit), value: shownNumber(t.value, def.unit) }
}

/** The keys of a breakdown in the order shown: its named values, then any others as they sort. */
function keysOf(b: Breakdown, seen: string[]): string[] {
  const named = Object.keys(b.names)
  return [...named, ...[...new Set(seen)].filter((k) => !named.includes(k)).sort()]
}

const labelOf = (b: Breakdown, key: string) => b.names[key] ?? (key === '' ? '未注明' : `${key}${b.suffix ?? ''}`)

/** The <5 rule over one column (this period, or the year before): the total and each breakdown's cells. */
function hideColumn(def: FigureDef, total: Tally, breakdowns: Array<{ keys: string[]; cells: Tally[] }>): { total: Hidden; cells: Hidden[][] } {
  let hidden: Hidden = total.people !== null && total.people > 0 && total.people < 5 ? 'small' : undefined
  const cells = breakdowns.map(({ cells: row }) => {
    const verdict = suppress(total.people, row.map((c) => c.people), additive(def))
    hidden = strongest(hidden, verdict.total)
    return verdict.cells
  })
  return { total: hidden, cells }
}

export function figureView(def: FigureDef, result: FigureResult | undefined): FigureView {
  const r = result ?? { now: zero(def), before: zero(def), by: {} }
  const breakdownsOf = (side: 'now' | 'before') =>
    (def.by ?? []).map((b) => {
      const values = r.by[b.field] ?? { now: {}, before: {} }
      const keys = keysOf(b, [...Object.keys(values.now), ...Object.keys(values.before)])
      return { keys, cells: keys.map((k) => values[side][k] ?? zero(def)) }
    })
  const [nowRows, beforeRows] = [breakdownsOf('now'), breakdownsOf('before')]
  const nowHidden = hideColumn(def, r.now, nowRows)
  const beforeHidden = hideColumn(def, r.before, beforeRows)
  const now = cellOf(def, r.now, nowHidden.total)
  const before = def.noComparison ? { text: '—', value: null } : cellOf(def, r.before, beforeHidden.total)
  const breakdowns: BreakdownView[] = (def.by ?? []).map((b, i) => ({
    title: b.title,
    rows: nowRows[i].keys.map((key, j) => ({
      label: labelOf(b, key),
      now: cellOf(def, nowRows[i].cells[j], nowHidden.cells[i][j]),
      before: def.noComparison ? { text: '—', value: null } : cellOf(def, beforeRows[i].cells[j], beforeHidden.cells[i][j]),
    })),
  }))
  const change = def.noComparison || now.hidden || before.hidden ? undefined : changeOf(r.now.value, r.before.value, def.unit)
  return { key: def.key, title: def.title, unit: def.unit, now, before, ...(change ? { change } : {}), definition: def.definition, breakdowns }
}

const HIDDEN_NOTE = '人数不足5的数不显示。'

function chartOf(chart: ChartDef, def: FigureDef, result: FigureResult | undefined, view: FigureView, period: Period): ChartView | null {
  if (chart.kind === 'bar') {
    if (period.monthLabels.length < 2 || !result?.months) return null
    const side = (months: Tally[], total: Tally) => {
      const verdict = suppress(total.people, months.map((m) => m.people), additive(def))
      return months.map((m, i) => (verdict.total ? null : cellOf(def, m, verdict.cells[i]).value))
    }
    const series = [
      { name: period.now.label, values: side(result.months.now, result.now) },
      { name: period.before.label, values: side(result.months.before, result.before) },
    ]
    const hidden = series.some((s) => s.values.some((v) => v === null))
    return { key: chart.key, title: chart.title, kind: 'bar', unit: def.unit, categories: period.monthLabels, series, ...(hidden ? { note: HIDDEN_NOTE } : {}) }
  }
  const breakdown = view.breakdowns[(def.by ?? []).findIndex((b) => b.field === chart.by)]
  if (!breakdown) return null
  const rows = breakdown.rows.filter((row) => row.now.hidden || (row.now.value ?? 0) > 0)
  if (rows.length === 0) return null
  const values = rows.map((row) => row.now.value)
  return {
    key: chart.key,
    title: chart.title,
    kind: 'pie',
    unit: def.unit,
    categories: rows.map((row) => row.label),
    series: [{ name: period.now.label, values }],
    ...(values.some((v) => v === null) ? { note: HIDDEN_NOTE } : {}),
  }
}

/** A service's panel: each figure with its definition, breakdowns and comparison, and its charts. */
export function panelOf(spec: ServiceFigures, results: Results, period: Period, computedAt: number): PanelView {
  const figures = spec.figures.map((def) => figureView(def, results[def.key]))
  const charts = spec.charts
    .map((chart) => {
      const i = spec.figures.findIndex((f) => f.key === chart.figure)
      return i < 0 ? null : chartOf(chart, spec.figures[i], results[chart.figure], figures[i], period)
    })
    .filter((c): c is ChartView => c !== null)
  return { service: spec.service, title: SERVICE_NAMES[spec.service], figures, charts, computedAt }
}
