import { RequestsInput } from '../../../types/requests'
import { SERVICE_NAMES } from '../../../types/roles'
import {
  ConsentInput,
  POLICIES,
  Empty,
  GrantRoleInput,
  MarkReadInput,
  PageInput,
  ROLE_NAMES,
  RevokeRoleInput,
  type Me,
  type StaffMember,
  type UsersContract,
} from '../../../types/users'
import { ProfileInput } from '../../domain/identity/profile'
import { maskIdNumber, maskMobile } from '../../domain/identity/mask'
import { defineFunction } from '../../core/defineFunction'
import type { Ctx } from '../../core/context'
import { AppError, failedPrecondition, notFound } from '../../core/errors'
import type { InboxRecord, UserRecord } from '../../core/records'
import { requestItem, requests } from '../../core/requests/row'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { refuseWhileWithdrawn, requireConsent } from '../../core/policies'
import { consentsDue, policyActions } from './policies'

async function unreadCount(ctx: Ctx): Promise<number> {
  const { total } = await ctx.db.collection('inbox').where({ userId: ctx.user._id, read: false }).count()
  return total
}

async function meOf(ctx: Ctx, user: UserRecord): Promise<Me> {
  return {
    openid: user._id,
    roles: user.roles,
    services: user.services,
    realNamed: Boolean(user.profile),
    profile: user.profile ?? null,
    consents: user.consents ?? {},
    consentsDue: await consentsDue(ctx.db, user),
    unread: await unreadCount(ctx),
  }
}

async function reload(ctx: Ctx): Promise<UserRecord> {
  return (await ctx.db.collection<UserRecord>('users').doc(ctx.user._id).get()).data!
}

/** Who holds an ID number: one account each (`_id` is the ID number's blind index). */
interface RealNameClaim {
  _id: string
  userId: string
  at: number
}

/** Sensitive data is collected only under its own consent, given and not withdrawn (PIPL art. 29). */
function requireRealNameConsent(user: UserRecord) {
  refuseWhileWithdrawn(user, 'realname')
  if (!user.consents?.realname) throw failedPrecondition(`请先阅读并同意《${POLICIES.realname.title}》`)
}

const staffMember = (u: UserRecord): StaffMember => ({ userId: u._id, name: u.profile?.name, roles: u.roles, services: u.services })

export const usersFunction = defineFunction<UsersContract>('users', {
  me: { roles: ['worker'], input: Empty, access: 'read', audited: false, run: (ctx) => meOf(ctx, ctx.user) },

  updateProfile: {
    roles: ['worker'],
    input: ProfileInput,
    access: 'write',
    // Setting the same profile twice is harmless; its answer (the name, the masked numbers) is not kept.
    remember: false,
    collectsNew: true,
    audited: false,
    async run(ctx, input) {
      requireRealNameConsent(ctx.user)
      const { pii } = ctx
      const blind = pii.blindIndex(input.idNumber)
      const previous = ctx.user.pii?.idNumberBlind
      const _ = ctx.db.command
      // One account per ID number: the claim's _id is the ID number's blind index, unique on every driver.
      await ctx.transaction(async (t) => {
        // Read inside: a withdrawal of the real-name consent racing this call is seen here.
        const { data: fresh } = await t.tx.collection<UserRecord>('users').doc(ctx.user._id).get()
        if (fresh) requireRealNameConsent(fresh)
        const claims = t.tx.collection<RealNameClaim>('realname_claims')
        const { data: claim } = await claims.doc(blind).get()
        if (claim && claim.userId !== ctx.user._id) {
          throw new AppError('CONFLICT', '这个身份证号已在另一个账号实名', { idNumber: '这个身份证号已在另一个账号实名' })
        }
        if (!claim) await claims.add({ data: { _id: blind, userId: ctx.user._id, at: ctx.now() } })
        if (previous && previous !== blind) await claims.doc(previous).remove()
        await t.tx.collection<UserRecord>('users').doc(ctx.user._id).update({
          data: {
            profile: _.set({
              name: input.name,
              employer: input.employer,
              unionMember: input.unionMember,
              mobileMasked: maskMobile(input.mobile),
              idNumberMasked: maskIdNumber(input.idNumber),
            }),
            pii: _.set({ mobile: pii.encrypt(input.mobile), idNumber: pii.encrypt(input.idNumber), idNumberBlind: blind }),
            updatedAt: ctx.now(),
          },
        })
      })
      return meOf(ctx, await reload(ctx))
    },
  },

  consent: {
    roles: ['worker'],
    input: ConsentInput,
    access: 'write',
    remember: true,
    audited: false,
    async run(ctx, input) {
      await requireConsent(ctx, input.policy, input.version, 'version', { givingAgain: true })
      // Given (again): a withdrawal recorded on this policy goes with the old record.
      await ctx.db.collection('users').doc(ctx.user._id).update({
        data: { consents: { [input.policy]: ctx.db.command.set({ version: input.version, at: ctx.now() }) }, updatedAt: ctx.now() },
      })
      return meOf(ctx, await reload(ctx))
    },
  },

  ...policyActions,

  inbox: {
    roles: ['worker'],
    input: PageInput,
    access: 'read',
    audited: false,
    async run(ctx, input) {
      const limit = input.limit ?? 20
      const offset = decodeCursor(input.cursor)
      const { data } = await ctx.db
        .collection<InboxRecord>('inbox')
        .where({ userId: ctx.user._id })
        .orderBy('createdAt', 'desc')
        .skip(offset)
        .limit(limit + 1)
        .get()
      return {
        items: data.slice(0, limit).map(({ _id, title, body, link, read, createdAt }) => ({ _id: _id!, title, body, link, read, createdAt })),
        nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined,
        unread: await unreadCount(ctx),
      }
    },
  },

  markRead: {
    roles: ['worker'],
    input: MarkReadInput,
    access: 'write',
    remember: false,
    audited: false,
    async run(ctx, input) {
      const _ = ctx.db.command
      // Scoped by userId: ids of someone else's messages simply match nothing.
      const query = input.ids === 'all' ? { userId: ctx.user._id } : { userId: ctx.user._id, _id: _.in(input.ids) }
      const { stats } = await ctx.db.collection('inbox').where(query).update({ data: { read: true } })
      return { updated: stats.updated }
    },
  },

  requests: {
    roles: ['worker'],
    input: RequestsInput,
    access: 'read',
    audited: false,
    async run(ctx, input) {
      const limit = input.limit ?? 20
      const offset = decodeCursor(input.cursor)
      const { data } = await requests(ctx.db)
        .where({ userId: ctx.user._id })
        .orderBy('waitsForWorker', 'desc')
        .orderBy('open', 'desc')
        .orderBy('updatedAt', 'desc')
        .skip(offset)
        .limit(limit + 1)
        .get()
      return { items: data.slice(0, limit).map(requestItem), nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined }
    },
  },

  grantRole: {
    roles: ['admin'],
    input: GrantRoleInput,
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      return ctx.transaction(async (t) => {
        const ref = t.tx.collection<UserRecord>('users').doc(input.userId)
        const { data: user } = await ref.get()
        if (!user) throw notFound('没有这个用户，请让对方先登录一次鹿工之家')
        const roles = user.roles.includes(input.role) ? user.roles : [...user.roles, input.role]
        const services = input.role === 'volunteer' ? [...new Set([...user.services, ...(input.services ?? [])])] : user.services
        await ref.update({ data: { roles: ctx.db.command.set(roles), services: ctx.db.command.set(services), updatedAt: ctx.now() } })
        const what = input.role === 'volunteer' ? `${ROLE_NAMES.volunteer}（${(input.services ?? []).map((s) => SERVICE_NAMES[s]).join('、')}）` : ROLE_NAMES[input.role]
        await t.audit({ target: user._id, subjects: [user._id], summary: `授予${what}`, fields: ['roles'] })
        await t.notify(user._id, { title: '您的工作身份有了变化', body: `工会已授予您${what}身份，可在“我的 → 工作台”使用。` })
        return staffMember({ ...user, roles, services })
      })
    },
  },

  revokeRole: {
    roles: ['admin'],
    input: RevokeRoleInput,
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      if (input.userId === ctx.user._id && input.role === 'admin') throw failedPrecondition('不能取消自己的管理员身份，请由另一位管理员操作')
      return ctx.transaction(async (t) => {
        const ref = t.tx.collection<UserRecord>('users').doc(input.userId)
        const { data: user } = await ref.get()
        if (!user) throw notFound('没有这个用户')
        const roles = user.roles.filter((r) => r !== input.role)
        const services = input.role === 'volunteer' ? [] : user.services
        const _ = ctx.db.command
        await ref.update({
          data: { roles: _.set(roles), services: _.set(services), ...(input.role === 'hr' ? { employerId: _.remove() } : {}), updatedAt: ctx.now() },
        })
        await t.audit({ target: user._id, subjects: [user._id], summary: `取消${ROLE_NAMES[input.role]}身份`, fields: ['roles'] })
        return staffMember({ ...user, roles, services })
      })
    },
  },
})
