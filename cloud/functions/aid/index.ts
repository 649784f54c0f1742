import { AidConfigInput, ApplyInput, PROGRAMME_NAMES, ProgrammesInput, ProgrammeUpsertInput, SelfCheckInput, type AidContract, type Programme } from '../../../types/aid'
import { offerOf } from '../../domain/aid/programmes'
import { assessTier } from '../../domain/aid/tier'
import { defineFunction } from '../../core/defineFunction'
import { formatYuan } from '../../domain/money'
import { caseActions } from '../../core/cases/actions'
import { submitApplication } from './apply'
import { CONFIG_ID, lowIncomeLine, programmesOf, thisYear, type AidConfig } from './config'
import { aidCaseSpec } from './cases'

export const aidFunction = defineFunction<AidContract>('aid', {
  ...caseActions(aidCaseSpec),

  apply: {
    roles: ['worker'],
    input: ApplyInput,
    access: 'write',
    remember: true,
    collectsNew: true,
    audited: false,
    run: (ctx, input) => submitApplication(ctx, input),
  },

  programmes: {
    roles: ['worker'],
    input: ProgrammesInput,
    access: 'read',
    audited: false,
    async run(ctx, input) {
      const year = input.year ?? thisYear(ctx)
      return { year, items: await programmesOf(ctx, year), lowIncomeLineFen: await lowIncomeLine(ctx) }
    },
  },

  selfCheck: {
    roles: ['worker'],
    input: SelfCheckInput,
    access: 'read',
    audited: false,
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
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      const programme: Programme = { _id: `${input.year}-${input.kind}`, title: PROGRAMME_NAMES[input.kind], ...input }
      await ctx.transaction(async (t) => {
        await t.tx.collection<Programme>('aid_programmes').doc(programme._id).set({ data: programme })
        await t.audit({ target: programme._id, summary: `设置${input.year}年${programme.title}` })
      })
      return programme
    },
  },

  setConfig: {
    roles: ['admin'],
    input: AidConfigInput,
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      await ctx.transaction(async (t) => {
        await t.tx.collection<AidConfig>('aid_config').doc(CONFIG_ID).set({ data: { _id: CONFIG_ID, ...input, updatedAt: ctx.now() } })
        await t.audit({ target: CONFIG_ID, summary: `低保线设为 ${formatYuan(input.lowIncomeLineFen)}`, fields: ['lowIncomeLineFen'] })
      })
      return { lowIncomeLineFen: input.lowIncomeLineFen }
    },
  },
})
