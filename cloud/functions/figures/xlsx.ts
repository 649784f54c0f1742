import type { DashboardView, FigureCell, PanelView } from '../../../types/figures'
import { formatShanghai } from '../../domain/time'

/** The Excel number format of a figure's unit: what the page writes, as numbers Excel can add up. */
const NUMBER_FORMATS: Record<string, string> = { 万元: '#,##0.00', 天: '0.0', 小时: '0.0', '%': '0.0' }
const formatOf = (unit: string) => NUMBER_FORMATS[unit] ?? '#,##0'

/** A cell as the page shows it: the number where it is shown, the mark (`<5`, `≥5`, `—`) where it is not. */
const valueOf = (cell: FigureCell) => (cell.value === null ? cell.text : cell.value)

const HEADER = ['指标', '本期', '上年同期', '比上年同期', '单位']

/**
 * The dashboard as an .xlsx, with exceljs: one sheet per service (each figure, then its breakdowns
 * indented), the definitions and the marks on the last sheet, the paragraph beside them. The
 * numbers are the page's own cells.
 */
export async function dashboardXlsx(view: DashboardView): Promise<Buffer> {
  // exceljs is CommonJS: Node's ESM loader (tsx) sees its exports only as the default.
  const exceljs = await import('exceljs')
  const Workbook = exceljs.Workbook ?? (exceljs as unknown as { default: typeof exceljs }).default.Workbook
  const book = new Workbook()
  book.creator = '鹿工之家'
  book.created = new Date(view.computedAt)
  const counted = `数据截至 ${formatShanghai(view.computedAt, 'YYYY-MM-DD HH:mm')}`

  for (const panel of view.panels) writePanel(book.addWorksheet(panel.title), panel, view, counted)

  const defs = book.addWorksheet('指标说明')
  defs.columns = [{ width: 12 }, { width: 18 }, { width: 80 }]
  defs.addRow(['鹿城区总工会 数据看板 指标说明']).font = { bold: true, size: 14 }
  defs.addRow([`${view.period.label}（${view.period.from} 至 ${view.period.to}），与${view.period.beforeLabel}比较。${counted}。`])
  defs.addRow([])
  defs.addRow(['服务', '指标', '说明']).font = { bold: true }
  for (const panel of view.panels) for (const f of panel.figures) defs.addRow([panel.title, f.title, f.definition])
  defs.addRow([])
  defs.addRow(['说明']).font = { bold: true }
  for (const note of view.notes) defs.addRow([note])
  if (view.summary) {
    defs.addRow([])
    defs.addRow(['年报摘要']).font = { bold: true }
    defs.addRow([view.summary])
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

function writePanel(sheet: import('exceljs').Worksheet, panel: PanelView, view: DashboardView, counted: string) {
  sheet.columns = [{ width: 28 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 8 }]
  sheet.addRow([`${panel.title} · ${view.period.label}`]).font = { bold: true, size: 14 }
  sheet.addRow([`与${view.period.beforeLabel}比较；${counted}`])
  sheet.addRow(HEADER).font = { bold: true }
  const put = (label: string, now: FigureCell, before: FigureCell, change: string, unit: string, indent = 0) => {
    const row = sheet.addRow([label, valueOf(now), valueOf(before), change, unit])
    row.getCell(1).alignment = { indent }
    for (const col of [2, 3]) {
      const cell = row.getCell(col)
      if (typeof cell.value === 'number') cell.numFmt = formatOf(unit)
      else cell.alignment = { horizontal: 'right' }
    }
    return row
  }
  for (const f of panel.figures) {
    put(f.title, f.now, f.before, f.change ?? '', f.unit).font = { bold: true }
    for (const b of f.breakdowns) for (const r of b.rows) put(`${b.title.replace(/^按/, '')}：${r.label}`, r.now, r.before, '', f.unit, 2)
  }
}
