import { randomInt } from 'node:crypto'
import type * as v from 'valibot'
import type { EmployerInput, EmployersInput, SetEmployerStatusInput } from '../../../types/jobs'
import type { EmployerBrief, EmployerDetail, EmployerView, InvitationView, NewInvitation } from '../../../types/jobsViews'
import type { Page } from '../../../types/users'
import { mayInviteHr, statusOf } from '../../domain/jobs/employer'
import type { Ctx } from '../../core/context'
import { AppError, failedPrecondition, invalid, notFound } from '../../core/errors'
import { decodeCursor, encodeCursor } from '../../core/paging'
import type { UserRecord } from '../../core/records'
import { DuplicateKeyError } from '../../db/types'
import { employers, invitations, jobs, type EmployerRecord, type InvitationRecord } from './records'
import { employerBrief, employerView, mustGetEmployer } from './views'

const DAY_MS = 24 * 60 * 60 * 1000
/** An invitation is good for a week. */
export const INVITATION_DAYS = 7
/** No 0/O or 1/I: read aloud over the phone or copied from a screen, nothing is mistaken. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

const invitationView = (i: InvitationRecord): InvitationView => ({
  _id: i._id,
  codeHint: i.codeHint,
  status: i.status,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
  usedAt: i.usedAt,
})

/** The code's keyed hash: what the invitation is stored under. */
const invitationIdOf = (ctx: Ctx, code: string) => ctx.pii.blindIndex(`hr-invitation:${code}`)

export async function listEmployers(ctx: Ctx, input: v.InferOutput<typeof EmployersInput>): Promise<Page<EmployerView>> {
  const limit = input.limit ?? 20
  const offset = decodeCursor(input.cursor)
  const { data } = await employers(ctx)
    .where(input.status ? { status: input.status } : {})
    .orderBy('updatedAt', 'desc')
    .skip(offset)
    .limit(limit + 1)
    .get()
  return { items: data.slice(0, limit).map(employerView), nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined }
}

export async function employerDetail(ctx: Ctx, employerId: string): Promise<EmployerDetail> {
  const employer = await mustGetEmployer(ctx, employerId)
  const [contacts, invites] = await Promise.all([
    ctx.db.collection<UserRecord>('users').where({ employerId }).limit(50).get(),
    invitations(ctx).where({ employerId }).orderBy('createdAt', 'desc').limit(20).get(),
  ])
  return {
    ...employerView(employer),
    hrContacts: contacts.data.filter((u) => u.roles.includes('hr')).map((u) => ({ userId: u._id, name: u.profile?.name })),
    invitations: invites.data.map(invitationView),
  }
}

/** An admin creates an employer (waiting for verification) or edits one; its jobs follow a new name or trade. */
export async function saveEmployer(ctx: Ctx, input: EmployerInput): Promise<EmployerView> {
  const now = ctx.now()
  const fields = {
    name: input.name,
    creditCode: input.creditCode,
    industry: input.industry,
    address: input.address,
    location: ctx.db.Geo.Point(input.lng, input.lat),
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    updatedAt: now,
  }
  let id: string
  try {
    id = await ctx.transaction(async (t) => {
      const ref = t.tx.collection<EmployerRecord>('employers')
      if (input.id) {
        const { data } = await ref.doc(input.id).get()
        if (!data) throw notFound('没有找到这家企业')
        await ref.doc(input.id).update({ data: { ...fields, location: ctx.db.command.set(fields.location) } })
        await t.audit({ target: input.id, summary: `修改企业“${input.name}”` })
        return input.id
      }
      const { _id } = await ref.add({ data: { ...fields, status: 'pending' as const, createdAt: now } })
      await t.audit({ target: _id, summary: `登记企业“${input.name}”` })
      return _id
    })
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    const message = '这个统一社会信用代码已登记过企业'
    throw new AppError('CONFLICT', message, { creditCode: message })
  }
  if (input.id) await jobs(ctx).where({ employerId: id }).update({ data: { employerName: input.name, industry: input.industry } })
  return employerView(await mustGetEmployer(ctx, id))
}

/**
 * Verifying lets the employer's published jobs reach workers; suspending hides them at once: the
 * jobs are taken off the list before the employer's state changes, and a search checks the
 * employer of every job it shows as well.
 */
export async function setEmployerStatus(ctx: Ctx, input: v.InferOutput<typeof SetEmployerStatusInput>): Promise<EmployerView> {
  const now = ctx.now()
  const before = await mustGetEmployer(ctx, input.employerId)
  if (statusOf(before) === input.status) throw failedPrecondition(input.status === 'verified' ? '这家企业已经认证过了' : '这家企业已经暂停了')
  if (input.status === 'suspended') await jobs(ctx).where({ employerId: before._id }).update({ data: { listed: false } })
  await ctx.transaction(async (t) => {
    const ref = t.tx.collection<EmployerRecord>('employers').doc(before._id)
    const { data } = await ref.get()
    if (!data) throw notFound('没有找到这家企业')
    const _ = ctx.db.command
    const change =
      input.status === 'verified'
        ? { status: 'verified', verifiedAt: now, suspendedReason: _.remove(), verified: _.remove(), updatedAt: now }
        : { status: 'suspended', suspendedReason: input.reason, verified: _.remove(), updatedAt: now }
    await ref.update({ data: change })
    await t.audit({ target: data._id, summary: `${input.status === 'verified' ? '认证' : '暂停'}企业“${data.name}”` })
  })
  if (input.status === 'verified') {
    const _ = ctx.db.command
    await jobs(ctx).where({ employerId: before._id, status: 'published', closesAt: _.gt(now) }).update({ data: { listed: true } })
  }
  return employerView(await mustGetEmployer(ctx, before._id))
}

/** A one-time code for an employer's HR contact, good for a week; shown to the admin once. */
export async function createInvitation(ctx: Ctx, employerId: string): Promise<NewInvitation> {
  const employer = await mustGetEmployer(ctx, employerId)
  if (!mayInviteHr(statusOf(employer))) throw failedPrecondition('这家企业已暂停，不能邀请招聘联系人')
  const code = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')
  const now = ctx.now()
  const record: InvitationRecord = {
    _id: invitationIdOf(ctx, code),
    employerId,
    codeHint: code.slice(-2),
    status: 'open',
    expiresAt: now + INVITATION_DAYS * DAY_MS,
    createdBy: ctx.user._id,
    createdAt: now,
  }
  await ctx.transaction(async (t) => {
    await t.tx.collection<InvitationRecord>('employer_invitations').add({ data: record })
    await t.audit({ target: employerId, summary: `生成“${employer.name}”的招聘联系人邀请码` })
  })
  return { ...invitationView(record), code }
}

export async function revokeInvitation(ctx: Ctx, invitationId: string): Promise<InvitationView> {
  return ctx.transaction(async (t) => {
    const ref = t.tx.collection<InvitationRecord>('employer_invitations').doc(invitationId)
    const { data } = await ref.get()
    if (!data) throw notFound('没有找到这个邀请码')
    if (data.status !== 'open') throw failedPrecondition(data.status === 'used' ? '这个邀请码已经用过了' : '这个邀请码已经作废了')
    const now = ctx.now()
    await ref.update({ data: { status: 'revoked', revokedAt: now } })
    await t.audit({ target: invitationId, summary: '作废招聘联系人邀请码' })
    return invitationView({ ...data, status: 'revoked', revokedAt: now })
  })
}

const WRONG_CODE = '邀请码不正确，请核对后重新输入'

/**
 * A signed-in, real-named worker enters the code once and becomes the HR contact of its employer:
 * in one transaction the code is consumed (only while it is open and in date), the worker's role
 * and employer set, and the step recorded.
 */
export async function joinEmployer(ctx: Ctx, code: string): Promise<EmployerBrief> {
  const user = ctx.user
  if (!user.profile) throw failedPrecondition('请先在“我的”里完成实名认证，再绑定企业')
  if (user.roles.includes('hr') && user.employerId) throw failedPrecondition('您已是一家企业的招聘联系人；如需更换，请联系工会解除原来的绑定')
  const id = invitationIdOf(ctx, code)
  const now = ctx.now()
  return ctx.transaction(async (t) => {
    const inviteRef = t.tx.collection<InvitationRecord>('employer_invitations').doc(id)
    const { data: invite } = await inviteRef.get()
    if (!invite || invite.status === 'revoked') throw invalid({ code: WRONG_CODE })
    if (invite.status === 'used') throw invalid({ code: '这个邀请码已经用过了，请向工会重新索取' })
    if (invite.expiresAt <= now) throw invalid({ code: '这个邀请码已过期，请向工会重新索取' })
    const { data: employer } = await t.tx.collection<EmployerRecord>('employers').doc(invite.employerId).get()
    if (!employer || !mayInviteHr(statusOf(employer))) throw failedPrecondition('这家企业已暂停，暂时不能绑定')
    const userRef = t.tx.collection<UserRecord>('users').doc(user._id)
    const { data: fresh } = await userRef.get()
    if (!fresh) throw notFound('没有找到您的账号，请重新登录')
    if (fresh.roles.includes('hr') && fresh.employerId) throw failedPrecondition('您已是一家企业的招聘联系人；如需更换，请联系工会解除原来的绑定')
    const _ = ctx.db.command
    await inviteRef.update({ data: { status: 'used', usedBy: user._id, usedAt: now } })
    const roles = fresh.roles.includes('hr') ? fresh.roles : [...fresh.roles, 'hr' as const]
    await userRef.update({ data: { roles: _.set(roles), employerId: employer._id, updatedAt: now } })
    await t.audit({ target: employer._id, subjects: [user._id], summary: `成为“${employer.name}”的招聘联系人`, fields: ['roles', 'employerId'] })
    await t.notify(user._id, { title: '您已成为企业招聘联系人', body: `您已绑定“${employer.name}”，可在“我的 → 工作台 → 招聘管理”发布岗位、查看应聘者。` })
    return employerBrief(employer)
  })
}
