import { POLICIES, type PolicyKey, type PolicySummary, type PolicyText } from '../../types/policies'
import type { Db, Transaction } from '../db/types'
import { firstPolicyText } from '../domain/policies/texts'
import type { Ctx } from './context'
import { invalid } from './errors'

/**
 * The policies as data. `policies/<key>` is the text in force; `policy_versions/<key>@<version>` keeps
 * every version's text, so a consent's version can always be read again. Until an admin sets a
 * text, the first version shipped with the code (`cloud/domain/policies/texts.ts`) is in force.
 */
export interface PolicyRecord extends PolicyText {
  _id: string
  /** Who set it last (an admin's user id); absent for the shipped text. */
  updatedBy?: string
}

export const policyVersionId = (key: PolicyKey, version: string) => `${key}@${version}`

const shipped = (key: PolicyKey): PolicyRecord => ({ _id: key, ...firstPolicyText(key) })

/** The text in force. */
export async function policyInForce(db: Db | Transaction, key: PolicyKey): Promise<PolicyRecord> {
  const { data } = await db.collection<PolicyRecord>('policies').doc(key).get()
  return data ?? shipped(key)
}

/** A version's text, in force or not; null when there never was such a version. */
export async function policyVersion(db: Db, key: PolicyKey, version: string): Promise<PolicyRecord | null> {
  const { data } = await db.collection<PolicyRecord>('policy_versions').doc(policyVersionId(key, version)).get()
  if (data) return data
  const first = shipped(key)
  return first.version === version ? first : null
}

export const summaryOf = ({ key, version, title, draft, updatedAt }: PolicyText): PolicySummary => ({ key, version, title, draft, updatedAt })

/**
 * A consent names the version in force, or the request is refused on the consent's field: not
 * ticked (empty), or given to a text that has since been replaced by a new version.
 */
export async function requireConsent(ctx: Ctx, key: PolicyKey, version: string, field = 'consentVersion'): Promise<void> {
  if (version === '') throw invalid({ [field]: `请阅读并同意《${POLICIES[key].title}》` })
  const current = await policyInForce(ctx.db, key)
  if (current.version !== version) throw invalid({ [field]: `《${current.title}》已经更新，请重新阅读后再同意` })
}
