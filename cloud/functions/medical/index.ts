import { ClaimInput, ImportMembersInput, PlanInput, PlanYearInput, type MedicalContract, type Plan } from '../../../types/medical'
import { caseActions } from '../../core/cases/actions'
import { defineFunction } from '../../core/defineFunction'
import { invalid } from '../../core/errors'
import { checkPlan } from '../../domain/medical/plan'
import { medicalCaseSpec } from './cases'
import { submitClaim } from './claim'
import { importMembers } from './members'
import { approvedSoFar, membershipOf, planOf, thisYear } from './plans'

export const medicalFunction = defineFunction<MedicalContract>('medical', {
  ...caseActions(medicalCaseSpec),

  plan: {
    roles: ['worker'],
    input: PlanYearInput,
    access: 'read',
    audited: false,
    run: async (ctx, input) => planOf(ctx, input.year ?? thisYear(ctx)),
  },

  upsertPlan: {
    roles: ['admin'],
    input: PlanInput,
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      const problems = checkPlan(input)
      if (Object.keys(problems).length > 0) throw invalid(problems)
      const plan: Plan = { _id: String(input.year), ...input }
      await ctx.transaction(async (t) => {
        await t.tx.collection<Plan>('medical_plans').doc(plan._id).set({ data: plan })
        await t.audit({ target: plan._id, summary: `设置${input.year}年医疗互助方案` })
      })
      return plan
    },
  },

  importMembers: {
    roles: ['admin'],
    input: ImportMembersInput,
    access: 'write',
    remember: true,
    audited: true,
    run: (ctx, input) => importMembers(ctx, input.csv, input.commit),
  },

  coverage: {
    roles: ['worker'],
    input: PlanYearInput,
    access: 'read',
    audited: false,
    async run(ctx, input) {
      const plan = await planOf(ctx, input.year ?? thisYear(ctx))
      const member = await membershipOf(ctx, plan.year)
      return { year: plan.year, covered: member !== null, employer: member?.employer, plan, approved: await approvedSoFar(ctx, plan, ctx.user._id) }
    },
  },

  submitClaim: {
    roles: ['worker'],
    input: ClaimInput,
    access: 'write',
    remember: true,
    collectsNew: true,
    audited: false,
    run: (ctx, input) => submitClaim(ctx, input),
  },
})
