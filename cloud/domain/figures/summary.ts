import type { FigureView, PanelView } from '../../../types/figures'

/**
 * The paragraph of the annual report, in its own style, from the figures shown (each service's
 * clause only where its panel is shown): "2026年，全区共有X人次参保职工医疗互助保障，X人次获赔X万元；
 * 发放帮扶资金X万元……". A number of people hidden by the <5 rule reads 不足5 (or 5以上 where it guards
 * one); an amount hidden with them is left out of the sentence.
 */
export function summaryOf(label: string, panels: PanelView[]): string {
  const figures = new Map<string, FigureView>(panels.flatMap((p) => p.figures.map((f) => [f.key, f] as [string, FigureView])))
  const n = (key: string) => {
    const cell = figures.get(key)?.now
    if (!cell) return '—'
    if (cell.hidden === 'small') return '不足5'
    if (cell.hidden === 'guard') return '5以上'
    return cell.text
  }
  /** An amount with its words before it, or nothing when it is hidden. */
  const money = (words: string, key: string) => {
    const cell = figures.get(key)?.now
    return cell && !cell.hidden ? `${words}${cell.text}万元` : ''
  }
  const has = (service: string) => panels.some((p) => p.service === service)
  const clauses: string[] = []
  if (has('medical')) clauses.push(`共有${n('medical.members')}人次参保职工医疗互助保障，${n('medical.paidClaims')}人次获赔${money('', 'medical.paid')}`)
  if (has('aid')) clauses.push(`${money('发放帮扶资金', 'aid.paid')}${money('', 'aid.paid') ? '，' : ''}帮扶困难职工${n('aid.households')}户`)
  if (has('legal')) clauses.push(`受理法律援助申请${n('legal.consultations')}件，提供援助${n('legal.granted')}件${money('，为职工追回', 'legal.recovered')}`)
  if (has('jobs')) clauses.push(`举办招聘会${n('jobs.fairs')}场，发布岗位${n('jobs.published')}个，${n('jobs.hires')}人次获得录用`)
  if (has('childcare')) clauses.push(`爱心托班开班${n('childcare.classes')}个，报名${n('childcare.signUps')}人次`)
  if (has('stations')) clauses.push(`全区服务阵地${n('stations.positions')}个，面积${n('stations.area')}平方米`)
  if (clauses.length === 0) return ''
  return `${label}，全区${clauses.join('；').replace(/^全区/, '')}。`
}
