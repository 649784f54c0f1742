import { AidConfigInput, PROGRAMME_NAMES, ProgrammeUpsertInput, SelfCheckInput, type AidContract, type Programme } from '../../../types/aid'
import { Empty } from '../../../types/users'
import { defaultProgrammes, offerOf } from '../../domain/aid/programmes'
import { assessTier, DEFAULT_LOW_INCOME_LINE_FEN } from '../../domain/aid/tier'
import type { Ctx } from '../../core/context'
import { defineFunction } from '../../core/defineFunction'
import { formatShanghai } from '../../domain/time'

interface AidConfig {
  _id: string
  lowIncomeLineFen: number
  updatedAt: number
}

const CONFIG_ID = 'current'

async function lowIncomeLine(ctx: Ctx): Promise<number> {
  const { data } = await ctx.db.collection<AidConfig>('aid_config').doc(CONFIG_ID).get()
  return data?.lowIncomeLineFen ?? DEFAULT_LOW_INCOME_LINE_FEN
}

/** This year's programmes as the admin set them, DOMAIN.md's defaults where not set. */
async function programmesOf(ctx: Ctx, year: number): Promise<Programme[]> {
  const { data } = await ctx.db.collection<Programme>('aid_programmes').where({ year }).get()
  const set = new Map(data.map((p) => [p.kind, p]))
  return defaultProgrammes(year).map((p) => set.get(p.kind) ?? p)
}

const thisYear = (ctx: Ctx) => Number(formatShanghai(ctx.now(), 'YYYY'))

export const aidFunction = defineFunction<AidContract>('aid', {
  programmes: {
    roles: ['worker'],
    input: Empty,
    readOnly: true,
    async run(ctx) {
      const year = thisYear(ctx)
      return { year, items: await programmesOf(ctx, year) }
    },
  },

  selfCheck: {
    roles: ['worker'],
    input: SelfCheckInput,
    readOnly: true,
    async run(ctx, input) {
      const lineFen = await lowIncomeLine(ctx)
      const result = assessTier(input, lineFen)
      const programmes = await programmesOf(ctx, thisYear(ctx))
      return { ...result, lowIncomeLineFen: lineFen, programmes: programmes.map((p) => offerOf(p, result.tiers)) }
    },
  },

  upsertProgramme: {
    roles: ['admin'],
    input: ProgrammeUpsertInput,
    async run(ctx, input) {
      const programme: Programme = { _id: `${input.year}-${input.kind}`, title: PROGRAMME_NAMES[input.kind], ...input }
      await ctx.db.collection<Programme>('aid_programmes').doc(programme._id).set({ data: programme })
      return programme
    },
  },

  setConfig: {
    roles: ['admin'],
    input: AidConfigInput,
    async run(ctx, input) {
      await ctx.db.collection<AidConfig>('aid_config').doc(CONFIG_ID).set({ data: { _id: CONFIG_ID, ...input, updatedAt: ctx.now() } })
      return { lowIncomeLineFen: input.lowIncomeLineFen }
    },
  },
})
