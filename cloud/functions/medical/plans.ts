import { MEDICAL_CATEGORIES, type ApprovedSoFar, type MedicalCategory, type Plan } from '../../../types/medical'
import type { CaseRecord } from '../../core/cases/record'
import { cases } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { defaultPlan } from '../../domain/medical/plan'
import { formatShanghai } from '../../domain/time'
import { ledgerOf } from './ledger'

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
 * What a person already had approved in a plan year, per category and overall (their ledger),
 * which the caps count, and the once-a-year categories they have a claim in.
 */
export async function approvedSoFar(ctx: Ctx, plan: Plan, ownerId: string): Promise<ApprovedSoFar> {
  const { ledger } = await ledgerOf(ctx, ownerId, plan.year)
  const onceCategories = MEDICAL_CATEGORIES.filter((c) => plan.categories[c]?.oncePerYear)
  const onceTaken: MedicalCategory[] = []
  if (onceCategories.length > 0) {
    const { data } = await cases(ctx)
      .where({ service: 'medical', ownerId, year: plan.year, kind: ctx.db.command.in(onceCategories), status: ctx.db.command.in(HOLDING) })
      .limit(100)
      .get()
    for (const c of data as CaseRecord[]) if (!onceTaken.includes(c.kind as MedicalCategory)) onceTaken.push(c.kind as MedicalCategory)
  }
  return { byCategoryFen: { ...ledger.byCategoryFen }, totalFen: ledger.totalFen, onceTaken }
}
