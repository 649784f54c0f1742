import { randomBytes } from 'node:crypto'
import { CloseAccountInput, ClosingReasonInput, ConsentPolicyInput, ClosingRequestInput, RevealMineInput, type ClosingPlan, type ClosingRequestView, type ExportedFile, type MydataContract } from '../../../types/mydata'
import { Empty } from '../../../types/users'
import { maskName } from '../../domain/identity/mask'
import type { Ctx } from '../../core/context'
import { defineFunction } from '../../core/defineFunction'
import { AppError, failedPrecondition, notFound } from '../../core/errors'
import { EXPORT_LINK_MS, type FileRecord } from '../../core/files'
import type { PersonalDataPart } from '../../core/privacy'
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
    const alias = `closed-${randomBytes(12).toString('hex')}`
    await users.doc(userId).update({ data: { closingAlias: alias } })
    return alias
  })
}

/** Copies a day: each renders a PDF and stores two files, so a loop of taps must not fill the disk. */
export const COPIES_PER_DAY = 3

async function refuseTooManyCopies(ctx: Ctx) {
  const { data } = await ctx.db
    .collection<FileRecord>('files')
    .where({ ownerId: ctx.user._id, service: 'account', createdAt: ctx.db.command.gt(ctx.now() - EXPORT_LINK_MS) })
    .limit(COPIES_PER_DAY * 2)
    .get()
  if (data.length >= COPIES_PER_DAY * 2) throw new AppError('RESOURCE_EXHAUSTED', `24小时内最多导出${COPIES_PER_DAY}次，请打开已经生成的文件，或明天再试`)
}

/** Stores one file of the copy for its owner alone, for 24 hours, and answers the link to it. */
async function storeCopy(ctx: Ctx, ext: 'pdf' | 'json', mime: string, bytes: Buffer): Promise<ExportedFile> {
  if (!ctx.fileStore || !ctx.fileLink) throw new AppError('INTERNAL', '文件服务暂不可用')
  const id = `${randomBytes(16).toString('hex')}.${ext}`
  const where = await ctx.fileStore.put(id, bytes, ctx.user._id)
  const now = ctx.now()
  const file: FileRecord = {
    _id: id,
    ownerId: ctx.user._id,
    service: 'account',
    mime,
    size: bytes.length,
    public: false,
    sealed: !where.cloudFileId,
    attachedTo: { collection: 'exports', id: ctx.user._id },
    createdAt: now,
    ...(where.cloudFileId ? { cloudFileId: where.cloudFileId } : {}),
  }
  await ctx.db.collection<FileRecord>('files').add({ data: file })
  const expiresAt = now + EXPORT_LINK_MS
  return { fileId: id, url: await ctx.fileLink(file, expiresAt), expiresAt, name: `鹿工之家我的数据.${ext}` }
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
      await refuseTooManyCopies(ctx)
      const copy: PersonalCopy = { exportedAt: ctx.now(), sections: await collect(ctx, ctx.user._id, true), accesses: await accessesOf(ctx, ctx.user._id) }
      const pdf = await storeCopy(ctx, 'pdf', 'application/pdf', await copyAsPdf(copy))
      const json = await storeCopy(ctx, 'json', 'application/json', copyAsJson(copy))
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
    remember: true,
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
    remember: true,
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
