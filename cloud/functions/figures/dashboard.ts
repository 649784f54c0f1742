import type { InferOutput } from 'valibot'
import type { DashboardView, FiguresInput, PanelView } from '../../../types/figures'
import type { Service } from '../../../types/roles'
import type { OpenService } from '../../../types/services'
import type { Ctx } from '../../core/context'
import { forbidden } from '../../core/errors'
import { FIGURES_CACHE } from '../../core/figures'
import { hasRole } from '../../core/identity'
import { NOTES, panelOf } from '../../domain/figures/panel'
import { periodOf, type Period } from '../../domain/figures/period'
import { summaryOf } from '../../domain/figures/summary'
import { FIGURES_PARTS } from './parts'

/** Figures are counted again after this long; until then the page says when they were counted. */
export const FIGURES_CACHE_MS = 5 * 60 * 1000

/** A service's panel for a period, as last counted: aggregates only, no record of anyone. */
export interface FiguresCacheRecord {
  service: Service
  period: string
  panel: PanelView
  computedAt: number
}

const cache = (ctx: Ctx) => ctx.db.collection<FiguresCacheRecord>(FIGURES_CACHE)

/** The services whose figures the caller sees: every one for an admin, a volunteer's own. */
export function servicesFor(ctx: Ctx, requested?: Service): OpenService[] {
  const open = Object.keys(FIGURES_PARTS) as OpenService[]
  const mine = hasRole(ctx.user, 'admin') ? open : open.filter((s) => hasRole(ctx.user, `volunteer:${s}`))
  if (requested) {
    if (!mine.includes(requested as OpenService)) throw forbidden('只能查看您负责的服务的数据')
    return [requested as OpenService]
  }
  if (mine.length === 0) throw forbidden('您还没有负责的服务，没有可以查看的数据')
  return mine
}

async function panelFor(ctx: Ctx, service: OpenService, period: Period): Promise<PanelView> {
  const id = `${service}:${period.key}`
  const now = ctx.now()
  const { data: kept } = await cache(ctx).doc(id).get()
  if (kept && kept.computedAt <= now && kept.computedAt > now - FIGURES_CACHE_MS) return kept.panel
  const part = FIGURES_PARTS[service]
  const panel = panelOf(part.spec, await part.count(ctx.db, period), period, now)
  await cache(ctx).doc(id).set({ data: { service, period: period.key, panel, computedAt: now } })
  return panel
}

const lastDay = (toDate: string) => new Date(Date.parse(`${toDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/** The dashboard the caller may see for a period: each service's panel, the paragraph, when it was counted. */
export async function dashboardOf(ctx: Ctx, input: InferOutput<typeof FiguresInput>): Promise<DashboardView> {
  const period = periodOf(input.period)
  const panels = await Promise.all(servicesFor(ctx, input.service).map((s) => panelFor(ctx, s, period)))
  return {
    period: { label: period.now.label, beforeLabel: period.before.label, from: period.now.fromDate, to: lastDay(period.now.toDate) },
    panels,
    summary: summaryOf(period.now.label, panels),
    computedAt: Math.min(...panels.map((p) => p.computedAt)),
    notes: NOTES,
  }
}
