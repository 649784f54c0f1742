import { employerSchema, INDUSTRY_NAMES, type EmployerStatus, type Industry } from '../../../types/jobs'
import { isValidCreditCode } from './creditCode'

/** The employer form with the GB 32100 rule: the admin's page and the server validate with it. */
export const EmployerUpsertInput = employerSchema(isValidCreditCode)

/** Only a verified employer's jobs reach workers; suspending one hides them at once. */
export const isVerified = (status: EmployerStatus | undefined) => status === 'verified'

/** An HR contact may be invited for an employer the union has not suspended. */
export const mayInviteHr = (status: EmployerStatus) => status !== 'suspended'

/** The section of an industry written as its name (the first demo data did), or the section itself. */
export function industryOf(value: unknown): Industry | undefined {
  if (typeof value !== 'string') return undefined
  if (value in INDUSTRY_NAMES) return value as Industry
  const found = (Object.entries(INDUSTRY_NAMES) as Array<[Industry, string]>).find(([, name]) => name === value)
  return found?.[0]
}

/** The status of an employer document, including the first demo data's `verified: true`. */
export function statusOf(doc: { status?: unknown; verified?: unknown }): EmployerStatus {
  if (doc.status === 'pending' || doc.status === 'verified' || doc.status === 'suspended') return doc.status
  return doc.verified === true ? 'verified' : 'pending'
}
