import { randomBytes } from 'node:crypto'
import { CloseAccountInput, ClosingReasonInput, ConsentPolicyInput, ClosingRequestInput, RevealMineInput, type ClosingPlan, type ClosingRequestView, type MydataContract } from '../../../types/mydata'
import { Empty } from '../../../types/users'
import { maskName } from '../../domain/identity/mask'
import type { Ctx } from '../../core/context'
import { refuseTooManyExports, storeExport } from '../../core/exports'
import { defineFunction } from '../../core/defineFunction'
import { failedPrecondition, notFound } from '../../core/errors'
import { CLOSED_ALIAS_PREFIX, type PersonalDataPart } from '../../core/privacy'
import type { UserRecord } from '../../core/records'
import { accessesOf, accountPart } from './account'
import { consentsOf, withdrawalPlan, withdrawConsent } from './consents'
import { copyAsJson, copyAsPdf, type PersonalCopy } from './copy'
import { PRIVACY_PARTS } from './parts'

/** The account first, then every service in the manifest's order. */
const PARTS: PersonalDataPart[] = [accountPart, ...Object.values(PRIVACY_PARTS)]

interface ClosingRequestRecord extends ClosingRequestView {
  _id: string
}

async function collect(ctx: Ctx, userId: string, whole: boolean) {
  return (await Promise.all(PARTS.map((part) => part.collect(ctx, userId, whole)))).flat()
}

async function planOf(ctx: Ctx, userId: string): Promise<ClosingPlan> {
  const parts = await Promise.all(PARTS.map((part) => part.plan(ctx, userId)))
  const { data: request } = await ctx.db.collection<ClosingRequestRecord>('closing_requests').doc(userId).get()
  return {
    erased: parts.flatMap((p) => p.erased),
    kept: parts.flatMap((p) => p.kept),
    withdrawn: parts.flatMap((p) => p.withdrawn),
    blockers: parts.flatMap((p) => p.blockers),
    requestedAt: request?.requestedAt,
  }
}

/**
 * Closes an account by DOMAIN.md's rules: nothing that stops it, then each service withdraws,
 * erases or anonymises (the alias replaces the person where records stay), the account itself last.
 * Each part finds only what is still the person's, so a closing cut off half-way completes when run again.
 */
async function closeAccount(ctx: Ctx, userId: string): Promise<{ closed: true }> {
  const plan = await planOf(ctx, userId)
  if (plan.blockers.length > 0) {
    throw failedPrecondition(`现在还不能注销：${plan.blockers.map((b) => `${b.title}（${b.why}）`).join('；')}`)
  }
  // The worker closing their own account withdraws as they would by hand: the lawyer, the desk and
  // the next family in line are told, and the seats and rooms go back.
  if (ctx.user._id === userId) for (const part of PARTS) await part.withdrawOpen(ctx, userId)
  const alias = await closingAlias(ctx, userId)
  await ctx.audit({ target: alias, subjects: [userId], summary: '注销账号：个人信息已删除或匿名' })
  for (const part of [...PARTS.slice(1), accountPart]) await part.close(ctx, userId, alias)
  return { closed: true }
}

/**
 * The alias a closing writes where records stay: one per closing, kept on the account until the
 * account itself goes, so a closing cut off half-way — or two at once — completes under the same one.
 */
async function closingAlias(ctx: Ctx, userId: string): Promise<string> {
  return ctx.transaction(async (t) => {
    const users = t.tx.collection<UserRecord>('users')
    const { data } = await users.doc(userId).get()
    if (data?.closingAlias) return data.closingAlias
    const alias = `${CLOSED_ALIAS_PREFIX}${randomBytes(12).toString('hex')}`
    await users.doc(userId).update({ data: { closingAlias: alias } })
    return alias
  })
}

export const mydataFunction = defineFunction<MydataContract>('mydata', {
  view: {
    roles: ['worker'],
    input: Empty,
    access: 'read',
    audited: false,
    run: async (ctx) => ({ sections: await collect(ctx, ctx.user._id, false), consents: await consentsOf(ctx, ctx.user), accesses: await accessesOf(ctx, ctx.user._id) }),
  },

  withdrawalPlan: { roles: ['worker'], input: ConsentPolicyInput, access: 'read', audited: false, run: (ctx, input) => withdrawalPlan(ctx, ctx.user._id, input.policy) },

  withdrawConsent: {
    roles: ['worker'],
    input: ConsentPolicyInput,
    access: 'write',
    // The answer names requests by their titles only.
    remember: true,
    audited: true,
    run: (ctx, input) => withdrawConsent(ctx, input.policy),
  },

  revealMine: {
    roles: ['worker'],
    input: RevealMineInput,
    // The caller's own value in the clear: a read, never remembered.
    access: 'read',
    audited: false,
    async run(ctx, input) {
      const sealed = ctx.user.pii?.[input.field]
      if (!sealed) throw failedPrecondition('您还没有实名认证')
      return { field: input.field, value: ctx.pii.decrypt(sealed) }
    },
  },

  exportMine: {
    roles: ['worker'],
    input: Empty,
    access: 'write',
    // The answer is links to files holding personal data: not kept under a requestId.
    remember: false,
    audited: true,
    async run(ctx) {
      await refuseTooManyExports(ctx, 'exports', 2)
      const copy: PersonalCopy = { exportedAt: ctx.now(), sections: await collect(ctx, ctx.user._id, true), accesses: await accessesOf(ctx, ctx.user._id) }
      const pdf = await storeExport(ctx, 'exports', { ext: 'pdf', mime: 'application/pdf', bytes: await copyAsPdf(copy), name: '鹿工之家我的数据.pdf' })
      const json = await storeExport(ctx, 'exports', { ext: 'json', mime: 'application/json', bytes: copyAsJson(copy), name: '鹿工之家我的数据.json' })
      await ctx.audit({ target: ctx.user._id, subjects: [ctx.user._id], summary: '导出我的数据（PDF和JSON，24小时内有效）' })
      return { pdf, json }
    },
  },

  closingPlan: { roles: ['worker'], input: Empty, access: 'read', audited: false, run: (ctx) => planOf(ctx, ctx.user._id) },

  closeAccount: {
    roles: ['worker'],
    input: CloseAccountInput,
    access: 'write',
    remember: false,
    audited: true,
    run: (ctx) => closeAccount(ctx, ctx.user._id),
  },

  requestClosing: {
    roles: ['worker'],
    input: ClosingReasonInput,
    access: 'write',
    // Asking twice keeps the first date; the answer (what stops it, with amounts) is not kept.
    remember: false,
    audited: true,
    async run(ctx) {
      const plan = await planOf(ctx, ctx.user._id)
      if (plan.blockers.length === 0) throw failedPrecondition('现在就可以自己注销，不用等工会处理')
      const now = ctx.now()
      const request: ClosingRequestRecord = {
        _id: ctx.user._id,
        userId: ctx.user._id,
        nameMasked: ctx.user.profile ? maskName(ctx.user.profile.name) : '未实名用户',
        requestedAt: plan.requestedAt ?? now,
        blockers: plan.blockers,
      }
      await ctx.transaction(async (t) => {
        await t.tx.collection<ClosingRequestRecord>('closing_requests').doc(ctx.user._id).set({ data: request })
        await t.audit({ target: ctx.user._id, subjects: [ctx.user._id], summary: '申请注销账号（待工会处理）' })
      })
      return { ...plan, requestedAt: request.requestedAt }
    },
  },

  closingRequests: {
    roles: ['admin'],
    input: Empty,
    access: 'read',
    audited: false,
    async run(ctx) {
      const { data } = await ctx.db.collection<ClosingRequestRecord>('closing_requests').orderBy('requestedAt', 'asc').limit(100).get()
      // What stops each one now, not when it was asked: an admin closes those whose list is empty.
      const items = await Promise.all(data.map(async ({ _id: _unused, ...view }) => ({ ...view, blockers: (await planOf(ctx, view.userId)).blockers })))
      return { items }
    },
  },

  withdrawClosingRequest: {
    roles: ['worker'],
    input: Empty,
    access: 'write',
    // Its answer (what stops the closing, with amounts) is not kept; a second tap is told there is no request.
    remember: false,
    audited: true,
    async run(ctx) {
      await ctx.transaction(async (t) => {
        const requests = t.tx.collection<ClosingRequestRecord>('closing_requests')
        const { data } = await requests.doc(ctx.user._id).get()
        if (!data) throw failedPrecondition('您没有申请注销')
        await requests.doc(ctx.user._id).remove()
        await t.audit({ target: ctx.user._id, subjects: [ctx.user._id], summary: '撤回注销申请' })
      })
      return planOf(ctx, ctx.user._id)
    },
  },

  closeFor: {
    roles: ['admin'],
    input: ClosingRequestInput,
    access: 'write',
    remember: false,
    audited: true,
    async run(ctx, input) {
      const { data: request } = await ctx.db.collection<ClosingRequestRecord>('closing_requests').doc(input.userId).get()
      const { data: person } = await ctx.db.collection<UserRecord>('users').doc(input.userId).get()
      if (!request || !person) throw notFound('没有这个注销申请')
      return closeAccount(ctx, input.userId)
    },
  },
})
