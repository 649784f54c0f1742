import type { AccessEntry, DataSection } from '../../../types/mydata'
import { ROLE_NAMES } from '../../../types/users'
import type { Role } from '../../../types/roles'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../../core/context'
import type { FileRecord } from '../../core/files'
import { forgetIntentsOf } from '../../core/idempotency'
import type { PersonalDataPart } from '../../core/privacy'
import type { AuditRecord, InboxRecord, UserRecord } from '../../core/records'
import { consentsOf } from './consents'

const when = (ms: number) => formatShanghai(ms, 'YYYY-MM-DD HH:mm')

const KIND_OF_FILE: Record<string, string> = {
  'application/pdf': 'PDF文件',
  'application/json': '数据文件',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel表格',
}
const USE_OF_FILE: Record<string, string> = { exports: '我的数据导出', figures: '数据看板导出' }

async function userOf(ctx: Ctx, userId: string): Promise<UserRecord | null> {
  return (await ctx.db.collection<UserRecord>('users').doc(userId).get()).data
}

/** Who on the union's side opened this person's data: the audit records naming them, role and time only. */
export async function accessesOf(ctx: Ctx, userId: string): Promise<AccessEntry[]> {
  const { data } = await ctx.db
    .collection<AuditRecord>('audit')
    // Their own steps (an export, a withdrawal) are not someone opening their data.
    .where({ subjects: ctx.db.command.all([userId]), who: ctx.db.command.neq(userId) })
    .orderBy('at', 'desc')
    .limit(200)
    .get()
  return data.map((a) => ({ at: a.at, role: ROLE_NAMES[a.role as Role] ?? '工作人员', what: a.summary }))
}

async function filesOf(ctx: Ctx, userId: string): Promise<FileRecord[]> {
  return (await ctx.db.collection<FileRecord>('files').where({ ownerId: userId }).limit(1000).get()).data
}

/**
 * The account itself: the real-name profile, the consents, the messages and the uploads. Closing
 * erases all of it and the account; the audit keeps its 3 years with an alias in place of the person.
 */
export const accountPart: PersonalDataPart = {
  async collect(ctx, userId, whole): Promise<DataSection[]> {
    const user = await userOf(ctx, userId)
    if (!user) return []
    const sections: DataSection[] = []
    const profile = user.profile
    sections.push({
      key: 'account',
      title: '实名信息',
      items: [
        {
          title: profile ? profile.name : '尚未实名',
          rows: profile
            ? [
                { label: '手机号', value: whole && user.pii ? ctx.pii.decrypt(user.pii.mobile) : profile.mobileMasked },
                { label: '身份证号', value: whole && user.pii ? ctx.pii.decrypt(user.pii.idNumber) : profile.idNumberMasked },
                { label: '工作单位', value: profile.employer },
                { label: '工会会员', value: profile.unionMember ? '是' : '否' },
                { label: '用户编号', value: user._id },
              ]
            : [{ label: '用户编号', value: user._id }],
        },
      ],
    })
    const consents = await consentsOf(ctx, user)
    if (consents.length) {
      sections.push({
        key: 'consents',
        title: '同意过的说明',
        items: consents.map((c) => ({
          title: `《${c.title}》`,
          at: c.at,
          rows: [
            { label: '版本', value: c.version ?? '' },
            { label: '同意时间', value: c.at ? when(c.at) : '' },
            ...(c.withdrawnAt ? [{ label: '撤回时间', value: when(c.withdrawnAt) }] : []),
          ],
        })),
      })
    }
    const { data: inbox } = await ctx.db.collection<InboxRecord>('inbox').where({ userId }).orderBy('createdAt', 'desc').limit(1000).get()
    if (inbox.length) {
      sections.push({ key: 'messages', title: '消息', items: inbox.map((m) => ({ title: m.title, at: m.createdAt, rows: [{ label: '内容', value: m.body }] })) })
    }
    const files = await filesOf(ctx, userId)
    if (files.length) {
      sections.push({
        key: 'files',
        title: '上传的文件',
        items: files.map((f) => ({ title: `${KIND_OF_FILE[f.mime] ?? '图片'}（${Math.ceil(f.size / 1024)} KB）`, at: f.createdAt, rows: [{ label: '用途', value: f.attachedTo ? `已用于${USE_OF_FILE[f.attachedTo.collection] ?? '办事'}` : '未使用（7天后删除）' }] })),
      })
    }
    return sections
  },

  // The standing consents are the account's own (`user.consents`, read by `consentsOf`).
  consentsGiven: async () => ({}),
  // A withdrawn real name is erased by the withdrawal itself (`./consents`).
  withdrawOpen: async () => undefined,

  async plan() {
    return {
      erased: ['实名信息（姓名、手机号、身份证号、单位）', '消息', '上传的文件', '我的办事', '账号本身'],
      kept: ['工作人员查看和办理的记录（审计，保留3年）：其中您的名字和编号换成注销后的代号'],
      withdrawn: [],
      blockers: [],
    }
  },

  async close(ctx, userId, alias) {
    const { db } = ctx
    const _ = db.command
    await db.collection('inbox').where({ userId }).remove()
    // The answers remembered for their repeated taps may quote what they sent (a report, a profile).
    await forgetIntentsOf(db, userId)
    await db.collection('requests').where({ userId }).remove()
    for (const file of await filesOf(ctx, userId)) {
      if (file.cloudFileId) await ctx.cloudStorage?.remove(file.cloudFileId)
      else await ctx.fileStore?.remove(file)
      await db.collection('files').doc(file._id).remove()
    }
    // The audit keeps its 3 years; the person in it becomes the alias.
    for (;;) {
      const { data } = await db.collection<AuditRecord>('audit').where({ subjects: _.all([userId]) }).limit(100).get()
      for (const a of data) await db.collection('audit').doc(a._id!).update({ data: { subjects: _.set((a.subjects ?? []).map((s) => (s === userId ? alias : s))) } })
      if (data.length < 100) break
    }
    await db.collection('audit').where({ who: userId }).update({ data: { who: alias } })
    await db.collection('audit').where({ target: userId }).update({ data: { target: alias } })
    // Every claim that names them, should a real-name change have raced a withdrawal.
    await db.collection('realname_claims').where({ userId }).remove()
    await db.collection('closing_requests').doc(userId).remove()
    await db.collection('users').doc(userId).remove()
  },
}
