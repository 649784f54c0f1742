import { ConsentInput, Empty, MarkReadInput, PageInput, type Me, type UsersContract } from '../../../types/users'
import { ProfileInput } from '../../domain/identity/profile'
import { maskIdNumber, maskMobile } from '../../domain/identity/mask'
import { defineFunction } from '../../core/defineFunction'
import type { Ctx } from '../../core/context'
import { AppError } from '../../core/errors'
import type { InboxRecord, UserRecord } from '../../core/records'
import { DuplicateKeyError } from '../../db/types'
import { decodeCursor, encodeCursor } from '../../core/paging'

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
    unread: await unreadCount(ctx),
  }
}

async function reload(ctx: Ctx): Promise<UserRecord> {
  return (await ctx.db.collection<UserRecord>('users').doc(ctx.user._id).get()).data!
}

export const usersFunction = defineFunction<UsersContract>('users', {
  me: { roles: ['worker'], input: Empty, readOnly: true, run: (ctx) => meOf(ctx, ctx.user) },

  updateProfile: {
    roles: ['worker'],
    input: ProfileInput,
    async run(ctx, input) {
      const { pii } = ctx
      try {
        await ctx.db.collection('users').doc(ctx.user._id).update({
          data: {
            profile: ctx.db.command.set({
              name: input.name,
              employer: input.employer,
              unionMember: input.unionMember,
              mobileMasked: maskMobile(input.mobile),
              idNumberMasked: maskIdNumber(input.idNumber),
            }),
            pii: ctx.db.command.set({
              mobile: pii.encrypt(input.mobile),
              idNumber: pii.encrypt(input.idNumber),
              idNumberBlind: pii.blindIndex(input.idNumber),
            }),
            updatedAt: ctx.now(),
          },
        })
      } catch (error) {
        if (error instanceof DuplicateKeyError) {
          throw new AppError('CONFLICT', '这个身份证号已在另一个账号实名', { idNumber: '这个身份证号已在另一个账号实名' })
        }
        throw error
      }
      return meOf(ctx, await reload(ctx))
    },
  },

  consent: {
    roles: ['worker'],
    input: ConsentInput,
    async run(ctx, input) {
      await ctx.db.collection('users').doc(ctx.user._id).update({
        data: { consents: { [input.policy]: { version: input.version, at: ctx.now() } }, updatedAt: ctx.now() },
      })
      return meOf(ctx, await reload(ctx))
    },
  },

  inbox: {
    roles: ['worker'],
    input: PageInput,
    readOnly: true,
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
        items: data.slice(0, limit).map(({ _id, title, body, link, read, createdAt }) => ({
          _id,
          title,
          body,
          link,
          read,
          createdAt,
        })),
        nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined,
        unread: await unreadCount(ctx),
      }
    },
  },

  markRead: {
    roles: ['worker'],
    input: MarkReadInput,
    async run(ctx, input) {
      const _ = ctx.db.command
      // Scoped by userId: ids of someone else's messages simply match nothing.
      const query = input.ids === 'all' ? { userId: ctx.user._id } : { userId: ctx.user._id, _id: _.in(input.ids) }
      const { stats } = await ctx.db.collection('inbox').where(query).update({ data: { read: true } })
      return { updated: stats.updated }
    },
  },
})
