import { REPORT_KIND_NAMES, STATION_TYPE_NAMES } from '../../../types/stations'
import type { FigureDef, Source } from './definition'
import type { ServiceFigures } from './layout'

const STATIONS: Source = { collection: 'stations', where: [], time: { field: 'createdAt', kind: 'asOf' } }
const REPORTS: Source = { collection: 'station_reports', where: [], time: { field: 'createdAt', kind: 'ms' } }
const BY_TYPE = { field: 'type', title: '按类型', names: STATION_TYPE_NAMES }

export const STATION_POSITIONS: FigureDef = {
  key: 'stations.positions',
  title: '服务阵地',
  unit: '个',
  definition: '期末登记在册的服务阵地（含暂时关闭的），按类型分。',
  source: STATIONS,
  measure: { kind: 'count' },
  people: null,
  by: [BY_TYPE],
}

export const STATION_AREA: FigureDef = {
  key: 'stations.area',
  title: '阵地面积',
  unit: '平方米',
  definition: '期末在册阵地登记的面积之和；没有登记面积的阵地不计入。',
  source: STATIONS,
  measure: { kind: 'sum', field: 'areaM2' },
  people: null,
  by: [BY_TYPE],
}

export const STATIONS_OPEN: FigureDef = {
  key: 'stations.open',
  title: '正常开放',
  unit: '个',
  definition: '在册阵地中现在没有暂时关闭的（按统计时的状态，不与上年比较）。',
  source: STATIONS,
  measure: { kind: 'count', when: [{ field: 'status', is: 'open' }] },
  people: null,
  noComparison: true,
}

export const STATION_REPORTS: FigureDef = {
  key: 'stations.reports',
  title: '问题反馈',
  unit: '件',
  definition: '本期职工在驿站页面反馈的问题（设施损坏、开放时间却关门、信息有误等），按问题类型分。',
  source: REPORTS,
  measure: { kind: 'count' },
  people: 'value',
  by: [{ field: 'kind', title: '按问题类型', names: REPORT_KIND_NAMES }],
}

export const STATION_REPORTS_RESOLVED: FigureDef = {
  key: 'stations.resolved',
  title: '已处理',
  unit: '件',
  definition: '本期反馈的问题中，工作人员已经处理并答复的。',
  source: REPORTS,
  measure: { kind: 'count', when: [{ field: 'status', is: 'resolved' }] },
  people: 'value',
}

export const STATION_RESOLVE_HOURS: FigureDef = {
  key: 'stations.resolveHours',
  title: '平均处理时长',
  unit: '小时',
  definition: '本期反馈并已处理的问题，从反馈到处理完毕的平均小时数。',
  source: { ...REPORTS, where: [{ field: 'resolvedAt', present: true }] },
  measure: { kind: 'averageTime', from: 'createdAt', to: 'resolvedAt', unit: 'hour' },
  people: { distinct: 'userId' },
}

export const STATIONS_FIGURES: ServiceFigures = {
  service: 'stations',
  figures: [STATION_POSITIONS, STATION_AREA, STATIONS_OPEN, STATION_REPORTS, STATION_REPORTS_RESOLVED, STATION_RESOLVE_HOURS],
  charts: [
    { key: 'stations.byType', title: '服务阵地按类型', kind: 'pie', figure: STATION_POSITIONS.key, by: 'type' },
    { key: 'stations.reportsByMonth', title: '每月问题反馈', kind: 'bar', figure: STATION_REPORTS.key },
  ],
}
