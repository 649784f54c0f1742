import * as v from 'valibot'
import { calendarDate, wholeNumber, yearNumber } from './fields'
import type { ExportedFile } from './mydata'
import { SERVICES, type Service } from './roles'

/**
 * 数据看板: the union's figures, counted from its own records for a period and compared with the
 * same period a year earlier (the figures issue). Each figure is defined once in
 * `cloud/domain/figures/`, with the words the page shows.
 */

const pad = (n: number) => String(n).padStart(2, '0')

/** The calendar date after `iso` (`2026-12-31` → `2027-01-01`). */
export const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The same date a year earlier; 29 February becomes the 28th. */
export function yearBefore(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate()
  return `${y - 1}-${pad(m)}-${pad(Math.min(d, last))}`
}

/** A period of one's own choosing is at most a year long, so the same period a year earlier never overlaps it. */
export const fitsInAYear = (from: string, to: string) => yearBefore(dayAfter(to)) <= from

export const PeriodInput = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('year'), year: yearNumber() }),
    v.object({ kind: v.literal('quarter'), year: yearNumber(), quarter: wholeNumber('季度', 1, 4) }),
    v.object({ kind: v.literal('month'), year: yearNumber(), month: wholeNumber('月份', 1, 12) }),
    v.pipe(
      v.object({ kind: v.literal('range'), from: calendarDate('开始日期'), to: calendarDate('结束日期') }),
      v.forward(v.check((p) => p.from <= p.to, '结束日期不能早于开始日期'), ['to']),
      v.forward(v.check((p) => fitsInAYear(p.from, p.to), '自定义时段最长一年'), ['to']),
    ),
  ],
  '请选择统计时段',
)
export type PeriodChoice = v.InferOutput<typeof PeriodInput>

export const FiguresInput = v.object({
  period: PeriodInput,
  /** One service's panel only; all the caller may see when left out. */
  service: v.optional(v.picklist(SERVICES, '没有这项服务')),
})

/** A shown number: its words (`1,234`, `205.80`, `<5`, `≥5`, `—`), and the number when it is shown. */
export interface FigureCell {
  text: string
  value: number | null
  /** Hidden by the <5 rule: fewer than 5 people (`small`), or hidden beside one so it cannot be worked out (`guard`). */
  hidden?: 'small' | 'guard'
}

export interface BreakdownRowView {
  label: string
  now: FigureCell
  before: FigureCell
}

export interface BreakdownView {
  title: string
  rows: BreakdownRowView[]
}

export interface FigureView {
  key: string
  title: string
  unit: string
  now: FigureCell
  before: FigureCell
  /** Against the same period a year earlier: `+12.5%`, `-3`, `新增`; absent when either is hidden or not comparable. */
  change?: string
  definition: string
  breakdowns: BreakdownView[]
}

export interface ChartView {
  key: string
  title: string
  kind: 'bar' | 'pie'
  unit: string
  categories: string[]
  /** This period first, then the same period a year earlier (bars); one series for a pie. A hidden value is null. */
  series: Array<{ name: string; values: Array<number | null> }>
  /** Said under the chart when a value is hidden. */
  note?: string
}

export interface PanelView {
  service: Service
  title: string
  figures: FigureView[]
  charts: ChartView[]
  /** When these figures were counted (they are kept a few minutes). */
  computedAt: number
}

export interface PeriodView {
  label: string
  beforeLabel: string
  /** Inclusive calendar dates. */
  from: string
  to: string
}

export interface DashboardView {
  period: PeriodView
  panels: PanelView[]
  /** The annual report's paragraph, from the figures shown. */
  summary: string
  /** The oldest count among the panels: the page says 数据截至 HH:mm. */
  computedAt: number
  /** What the marks mean. */
  notes: string[]
}

export interface FiguresContract {
  /** Admins: every service; volunteers: the services they serve. */
  dashboard: { input: v.InferInput<typeof FiguresInput>; output: DashboardView }
  /** The same figures as an .xlsx (one sheet per service, the definitions last), for its caller alone. */
  exportXlsx: { input: v.InferInput<typeof FiguresInput>; output: { file: ExportedFile } }
}
