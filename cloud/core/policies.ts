import { POLICIES, type PolicyKey, type PolicySummary, type PolicyText } from '../../types/policies'
import type { Db, Transaction } from '../db/types'
import { firstPolicyText } from '../domain/policies/texts'
import type { Ctx } from './context'
import { failedPrecondition, invalid } from './errors'
import type { UserRecord } from './records'

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

/** The worker withdrew this consent in 我的数据 and has not given it again. */
export const consentWithdrawn = (user: UserRecord, key: PolicyKey): boolean => user.consents?.[key]?.withdrawnAt !== undefined

/** What a worker reads when a consent they withdrew stops a request, and how to give it again. */
export const withdrawnMessage = (key: PolicyKey) => `您已撤回对《${POLICIES[key].title}》的同意，现在不能办理。要继续办理，请先到“我的 → 我的数据”里重新同意。`

/** Refuses a new request while a consent it rests on is withdrawn. */
export function refuseWhileWithdrawn(user: UserRecord, key: PolicyKey): void {
  if (consentWithdrawn(user, key)) throw failedPrecondition(withdrawnMessage(key))
}

/**
 * A consent names the version in force, or the request is refused on the consent's field: not
 * ticked (empty), or given to a text that has since been replaced by a new version. A consent the
 * worker withdrew in 我的数据 is not given again by ticking a form: the request is refused, and the
 * worker gives it again there, knowingly (`users.consent`, which is `givingAgain`).
 */
export async function requireConsent(ctx: Ctx, key: PolicyKey, version: string, field = 'consentVersion', { givingAgain = false } = {}): Promise<void> {
  if (!givingAgain) refuseWhileWithdrawn(ctx.user, key)
  if (version === '') throw invalid({ [field]: `请阅读并同意《${POLICIES[key].title}》` })
  const current = await policyInForce(ctx.db, key)
  if (current.version !== version) throw invalid({ [field]: `《${current.title}》已经更新，请重新阅读后再同意` })
}
