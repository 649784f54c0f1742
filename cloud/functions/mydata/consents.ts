import type { ConsentStatus, ConsentWithdrawal } from '../../../types/mydata'
import { POLICIES, POLICY_KEYS, type PolicyKey } from '../../../types/policies'
import { SERVICE_MANIFEST, servicesOnConsent } from '../../../types/services'
import type { ConsentRecord } from '../../../types/users'
import type { Ctx } from '../../core/context'
import { failedPrecondition } from '../../core/errors'
import { latestConsent } from '../../core/privacy'
import type { UserRecord } from '../../core/records'
import { PRIVACY_PARTS } from './parts'

/**
 * The consents in 我的数据 (PIPL art. 15): the privacy and real-name ones the account holds, and each
 * service's as recorded on its requests; withdrawing one stops the services it carries and withdraws
 * their open requests where the rules let the worker withdraw them. Nothing the union must keep is erased.
 */

/** Every policy the worker ever agreed to: the last version and time, and whether it is withdrawn now. */
export async function consentsOf(ctx: Ctx, user: UserRecord): Promise<ConsentStatus[]> {
  const given: Partial<Record<PolicyKey, ConsentRecord>> = {}
  for (const part of Object.values(PRIVACY_PARTS)) Object.assign(given, await part.consentsGiven(ctx, user._id))
  const statuses: ConsentStatus[] = []
  for (const policy of POLICY_KEYS) {
    const stored = user.consents?.[policy]
    const last = latestConsent([stored, given[policy]].filter((c): c is ConsentRecord => c !== undefined))
    if (!last) continue
    statuses.push({ policy, title: POLICIES[policy].title, version: last.version, at: last.at, ...(stored?.withdrawnAt ? { withdrawnAt: stored.withdrawnAt } : {}) })
  }
  return statuses
}

/** What stops, in a sentence the worker reads before deciding. */
function whatStops(policy: PolicyKey): string {
  const names = servicesOnConsent(policy)
    .map((s) => SERVICE_MANIFEST[s].name)
    .join('、')
  const after = '还没办结、按规则可以撤回的申请会为您撤回；正在办理、已经不能撤回的会继续办完；已经办结的记录按规定保留。'
  switch (policy) {
    case 'privacy':
      return `撤回后，您不能再提交新的申请、报名和反馈（${names}），查看、导出您的信息和注销账号不受影响。${after}在“我的数据”里重新同意即可恢复。`
    case 'realname':
      return `撤回后，您的实名信息（姓名、手机号、身份证号、单位）会被删除，${names}都不能再办理，直到您重新实名认证。${after}`
    case 'child':
      return `撤回后，不能再为孩子报名${names}，直到您在“我的数据”里重新同意。${after}`
    default:
      return `撤回后，不能再申请${names}，直到您在“我的数据”里重新同意。${after}`
  }
}

/** What withdrawing would stop and withdraw, from the services' own closing plans. */
export async function withdrawalPlan(ctx: Ctx, userId: string, policy: PolicyKey): Promise<ConsentWithdrawal> {
  const plans = await Promise.all(servicesOnConsent(policy).map((s) => PRIVACY_PARTS[s].plan(ctx, userId)))
  return {
    policy,
    title: POLICIES[policy].title,
    stops: whatStops(policy),
    withdrawn: plans.flatMap((p) => p.withdrawn),
    continuing: plans.flatMap((p) => p.blockers.map((b) => b.title)),
  }
}

/**
 * Withdraws a consent: marked on the account first (with, for the real name, the profile and its
 * claim on the ID number erased) in one transaction with its audit record, then each service it
 * carries withdraws what it may. Asked again after a cut-off, it finishes the withdrawals.
 */
export async function withdrawConsent(ctx: Ctx, policy: PolicyKey): Promise<ConsentWithdrawal> {
  const user = ctx.user
  const current = (await consentsOf(ctx, user)).find((c) => c.policy === policy)
  if (!current?.version || current.at === undefined) throw failedPrecondition(`您没有同意过《${POLICIES[policy].title}》，不用撤回`)
  const plan = await withdrawalPlan(ctx, user._id, policy)
  if (!current.withdrawnAt) {
    const now = ctx.now()
    const _ = ctx.db.command
    let erasedRealName = false
    await ctx.transaction(async (t) => {
      const users = t.tx.collection<UserRecord>('users')
      // Read inside: a real-name change racing this one is either before it (and erased) or refused after it.
      const { data: fresh } = await users.doc(user._id).get()
      const claim = policy === 'realname' ? fresh?.pii?.idNumberBlind : undefined
      erasedRealName = claim !== undefined
      await users.doc(user._id).update({
        data: {
          consents: { [policy]: _.set({ version: current.version, at: current.at, withdrawnAt: now }) },
          ...(policy === 'realname' ? { profile: _.remove(), pii: _.remove() } : {}),
          updatedAt: now,
        },
      })
      // The ID number may be used to real-name an account again, this one or another.
      if (claim) await t.tx.collection('realname_claims').doc(claim).remove()
      const withdrawing = plan.withdrawn.length ? `，撤回${plan.withdrawn.length}件申请` : ''
      await t.audit({ target: user._id, subjects: [user._id], summary: `撤回同意《${plan.title}》${erasedRealName ? '，删除实名信息' : ''}${withdrawing}` })
    })
  } else {
    await ctx.audit({ target: user._id, subjects: [user._id], summary: `撤回同意《${plan.title}》：再次撤回可以撤回的申请` })
  }
  for (const service of servicesOnConsent(policy)) await PRIVACY_PARTS[service].withdrawOpen(ctx, user._id)
  return plan
}
