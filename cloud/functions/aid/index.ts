import { AidConfigInput, ApplyInput, PROGRAMME_NAMES, ProgrammesInput, ProgrammeUpsertInput, SelfCheckInput, type AidContract, type Programme } from '../../../types/aid'
import { offerOf } from '../../domain/aid/programmes'
import { assessTier } from '../../domain/aid/tier'
import { defineFunction } from '../../core/defineFunction'
import { caseActions } from '../../core/cases/actions'
import { submitApplication } from './apply'
import { CONFIG_ID, lowIncomeLine, programmesOf, thisYear, type AidConfig } from './config'
import { aidCaseSpec } from './cases'

export const aidFunction = defineFunction<AidContract>('aid', {
  ...caseActions(aidCaseSpec),

  apply: {
    roles: ['worker'],
    input: ApplyInput,
    run: (ctx, input) => submitApplication(ctx, input),
  },

  programmes: {
    roles: ['worker'],
    input: ProgrammesInput,
    readOnly: true,
    async run(ctx, input) {
      const year = input.year ?? thisYear(ctx)
      return { year, items: await programmesOf(ctx, year), lowIncomeLineFen: await lowIncomeLine(ctx) }
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
