import { MEDICAL_CATEGORIES, type MedicalCategory } from '../../../types/medical'
import type { CaseRecord } from '../../core/cases/record'
import { cases } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'

/**
 * What was approved for one person in one plan year, per category and overall: the document the
 * caps are a condition of. An approval reads and raises it in its own transaction, so two approvals
 * at the same moment cannot both pass a cap (CloudBase retries the one that conflicts).
 */
export interface LedgerRecord {
  _id: string
  ownerId: string
  year: number
  byCategoryFen: Record<MedicalCategory, number>
  totalFen: number
  updatedAt: number
}

export const ledgerId = (ownerId: string, year: number) => `${year}:${ownerId}`
export const ledgers = (ctx: Ctx) => ctx.db.collection<LedgerRecord>('medical_ledgers')

const PAID_OUT = ['approved', 'paid']

/** The person's ledger of a year as stored, or as their approved claims make it when not stored yet. */
export async function ledgerOf(ctx: Ctx, ownerId: string, year: number): Promise<{ ledger: LedgerRecord; stored: boolean }> {
  const id = ledgerId(ownerId, year)
  const { data } = await ledgers(ctx).doc(id).get()
  if (data) return { ledger: data, stored: true }
  const { data: approved } = await cases(ctx)
    .where({ service: 'medical', ownerId, year, status: ctx.db.command.in(PAID_OUT) })
    .limit(1000)
    .get()
  const byCategoryFen = Object.fromEntries(MEDICAL_CATEGORIES.map((c) => [c, 0])) as Record<MedicalCategory, number>
  let totalFen = 0
  for (const c of approved as CaseRecord[]) {
    byCategoryFen[c.kind as MedicalCategory] += c.amountFen ?? 0
    totalFen += c.amountFen ?? 0
  }
  return { ledger: { _id: id, ownerId, year, byCategoryFen, totalFen, updatedAt: ctx.now() }, stored: false }
}
