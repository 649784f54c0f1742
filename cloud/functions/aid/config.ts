import type { Programme } from '../../../types/aid'
import type { Ctx } from '../../core/context'
import { defaultProgrammes } from '../../domain/aid/programmes'
import { DEFAULT_LOW_INCOME_LINE_FEN } from '../../domain/aid/tier'
import { formatShanghai } from '../../domain/time'

export interface AidConfig {
  _id: string
  lowIncomeLineFen: number
  updatedAt: number
}

export const CONFIG_ID = 'current'

export async function lowIncomeLine(ctx: Ctx): Promise<number> {
  const { data } = await ctx.db.collection<AidConfig>('aid_config').doc(CONFIG_ID).get()
  return data?.lowIncomeLineFen ?? DEFAULT_LOW_INCOME_LINE_FEN
}

/** This year's programmes as the admin set them, DOMAIN.md's defaults where not set. */
export async function programmesOf(ctx: Ctx, year: number): Promise<Programme[]> {
  const { data } = await ctx.db.collection<Programme>('aid_programmes').where({ year }).get()
  const set = new Map(data.map((p) => [p.kind, p]))
  return defaultProgrammes(year).map((p) => set.get(p.kind) ?? p)
}

export const thisYear = (ctx: Ctx) => Number(formatShanghai(ctx.now(), 'YYYY'))

