import type { ApprovedSoFar, MedicalCategory, Plan } from '../../../types/medical'
import type { CaseRecord } from '../../core/cases/record'
import { cases } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { defaultPlan } from '../../domain/medical/plan'
import { formatShanghai } from '../../domain/time'

/** Who the plan covers in a year: one document per person and year, imported by an admin. */
export interface MemberRecord {
  _id: string
  year: number
  /** `<year>:<ID-number blind index>`, UNIQUE: a person is in a year's plan once. */
  memberKey: string
  nameMasked: string
  employer: string
  importedAt: number
  importedBy: string
}

export const today = (ctx: Ctx) => formatShanghai(ctx.now(), 'YYYY-MM-DD')
export const thisYear = (ctx: Ctx) => Number(today(ctx).slice(0, 4))

/** The plan of a year as the admin set it, DOMAIN.md's defaults until then. */
export async function planOf(ctx: Ctx, year: number): Promise<Plan> {
  const { data } = await ctx.db.collection<Plan>('medical_plans').doc(String(year)).get()
  return data ?? defaultPlan(year)
}

export const memberKeyOf = (year: number, idBlind: string) => `${year}:${idBlind}`

/** The caller's membership in a year's plan, when their union enrolled them. */
export async function membershipOf(ctx: Ctx, year: number): Promise<MemberRecord | null> {
  if (!ctx.user.pii) return null
  const { data } = await ctx.db
    .collection<MemberRecord>('medical_members')
    .where({ memberKey: memberKeyOf(year, ctx.user.pii.idNumberBlind) })
    .limit(1)
    .get()
  return data[0] ?? null
}

/** Claims that still hold a once-a-year category: anything not rejected or withdrawn. */
const HOLDING = ['submitted', 'in_review', 'needs_info', 'resubmitted', 'approved', 'paid']

/**
 * What a person already had approved in a plan year, per category and overall, which the caps
 * count; `except` leaves out the claim being decided.
 */
export async function approvedSoFar(ctx: Ctx, plan: Plan, ownerId: string, except?: string): Promise<ApprovedSoFar> {
  const { data } = await cases(ctx)
    .where({ service: 'medical', ownerId, year: plan.year, status: ctx.db.command.in(HOLDING) })
    .limit(1000)
    .get()
  const result: ApprovedSoFar = { byCategoryFen: {}, totalFen: 0, onceTaken: [] }
  for (const c of data as CaseRecord[]) {
    if (c._id === except) continue
    const category = c.kind as MedicalCategory
    if (plan.categories[category]?.oncePerYear && !result.onceTaken.includes(category)) result.onceTaken.push(category)
    if ((c.status === 'approved' || c.status === 'paid') && c.amountFen) {
      result.byCategoryFen[category] = (result.byCategoryFen[category] ?? 0) + c.amountFen
      result.totalFen += c.amountFen
    }
  }
  return result
}
