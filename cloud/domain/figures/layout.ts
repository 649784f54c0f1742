import type { Service } from '../../../types/roles'
import type { FigureDef } from './definition'

/** A chart of a panel: a figure by month (bars, against the same months a year earlier), or its shares by a breakdown (a pie). */
export interface ChartDef {
  key: string
  title: string
  kind: 'bar' | 'pie'
  /** The figure charted. */
  figure: string
  /** A pie: the breakdown field whose shares it draws. */
  by?: string
}

/** What one service shows on the dashboard: its figures in order, and its charts. */
export interface ServiceFigures {
  service: Service
  figures: FigureDef[]
  charts: ChartDef[]
}

/** The figures of a service that need counting by month (those with a bar chart). */
export const monthlyFigures = (spec: ServiceFigures) => new Set(spec.charts.filter((c) => c.kind === 'bar').map((c) => c.figure))
