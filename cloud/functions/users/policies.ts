import { POLICY_KEYS, STANDING_CONSENTS, type PolicyKey } from '../../../types/policies'
import { PolicyInput, SetPolicyInput, Empty, type UsersContract } from '../../../types/users'
import type { ActionDef } from '../../core/defineFunction'
import { AppError, notFound } from '../../core/errors'
import { policyInForce, policyVersion, policyVersionId, summaryOf, type PolicyRecord } from '../../core/policies'
import type { UserRecord } from '../../core/records'
import type { Db } from '../../db/types'

type Actions<K extends keyof UsersContract> = {
  [A in K]: ActionDef<UsersContract[A]['input'], UsersContract[A]['output']>
}

/** The standing consents to ask for: given to a version no longer in force, or withdrawn (privacy; real name once real-named). */
export async function consentsDue(db: Db, user: UserRecord): Promise<PolicyKey[]> {
  const asked = STANDING_CONSENTS.filter((key) => key !== 'realname' || user.profile)
  const due: PolicyKey[] = []
  for (const key of asked) {
    const inForce = await policyInForce(db, key)
    const given = user.consents?.[key]
    if (given?.version !== inForce.version || given.withdrawnAt !== undefined) due.push(key)
  }
  return due
}

/** Reading the policies (anyone, before signing in too) and setting their texts (admins). */
export const policyActions: Actions<'policy' | 'policies' | 'setPolicy'> = {
  policy: {
    roles: 'public',
    input: PolicyInput,
    access: 'read',
    audited: false,
    async run(ctx, input) {
      const inForce = await policyInForce(ctx.db, input.key)
      const text = input.version === undefined ? inForce : await policyVersion(ctx.db, input.key, input.version)
      if (!text) throw notFound('没有这个版本的协议')
      const { _id: _id, updatedBy: _by, ...policy } = text
      return { ...policy, inForce: inForce.version }
    },
  },

  policies: {
    roles: 'public',
    input: Empty,
    access: 'read',
    audited: false,
    async run(ctx) {
      const items = []
      for (const key of POLICY_KEYS) items.push(summaryOf(await policyInForce(ctx.db, key)))
      return { items }
    },
  },

  setPolicy: {
    roles: ['admin'],
    input: SetPolicyInput,
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      const record: PolicyRecord = { _id: input.key, ...input, updatedAt: ctx.now(), updatedBy: ctx.user._id }
      return ctx.transaction(async (t) => {
        const current = await policyInForce(t.tx, input.key)
        const raised = current.version !== input.version
        if (raised) {
          // A version once published stays what it was: consents given to it name it.
          const { data: used } = await t.tx.collection<PolicyRecord>('policy_versions').doc(policyVersionId(input.key, input.version)).get()
          if (used || input.version === current.version) throw new AppError('CONFLICT', '这个版本号已经用过，请用新的版本号', { version: '这个版本号已经用过，请用新的版本号' })
          // The shipped first version is kept as a version too, so its consents can be read again.
          if (!current.updatedBy) {
            const { _id: _first, ...first } = current
            await t.tx.collection<Omit<PolicyRecord, '_id'>>('policy_versions').doc(policyVersionId(input.key, current.version)).set({ data: first })
          }
        }
        const { _id, ...data } = record
        await t.tx.collection<Omit<PolicyRecord, '_id'>>('policies').doc(_id).set({ data })
        await t.tx.collection<Omit<PolicyRecord, '_id'>>('policy_versions').doc(policyVersionId(input.key, input.version)).set({ data: { ...data } })
        await t.audit({
          target: input.key,
          summary: raised ? `发布《${input.title}》新版本 ${input.version}（请职工重新同意）` : `修改《${input.title}》版本 ${input.version} 的文字`,
          fields: ['title', 'sections', 'draft'],
        })
        return summaryOf(record)
      })
    },
  },
}
