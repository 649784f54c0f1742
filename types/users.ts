import * as v from 'valibot'
import { mobileNumber, nameText, pageCursor, pageLimit, recordId, residentIdNumber, yesNo } from './fields'
import type { RequestItem, RequestsInput } from './requests'
import { SERVICES, type Role, type Service } from './roles'

/** The policies a worker consents to, with the version in force. */
export const POLICIES = {
  privacy: { version: '2026.11', title: '鹿工之家隐私政策' },
  realname: { version: '2026.11', title: '实名信息收集说明' },
} as const
export type Policy = keyof typeof POLICIES

/**
 * The real-name form. The ID number's GB 11643 check is a domain rule, passed in by
 * `cloud/domain/identity/profile` so that this room imports nothing but valibot.
 */
export const profileSchema = (isValidIdNumber: (id: string) => boolean) =>
  v.object({
    name: nameText('姓名', { min: 2, max: 20 }),
    mobile: mobileNumber(),
    idNumber: residentIdNumber(isValidIdNumber),
    employer: nameText('工作单位', { min: 2, max: 60 }),
    unionMember: yesNo('是否工会会员'),
  })
export type ProfileInput = v.InferOutput<ReturnType<typeof profileSchema>>

const POLICY_KEYS = Object.keys(POLICIES) as Policy[]

/** Agreeing to a policy: only to the version in force, which the page showed. */
export const ConsentInput = v.pipe(
  v.object({
    policy: v.picklist(POLICY_KEYS, '没有这项协议'),
    version: v.pipe(v.string('缺少协议版本'), v.maxLength(20, '协议版本不正确')),
  }),
  v.forward(
    v.check((c) => POLICIES[c.policy].version === c.version, '协议已经更新，请重新阅读后再同意'),
    ['version'],
  ),
)

export const Empty = v.object({})

export const PageInput = v.object({ limit: pageLimit(50), cursor: pageCursor })

export const MarkReadInput = v.object({
  ids: v.union(
    [v.literal('all'), v.pipe(v.array(recordId('消息编号'), '请选择要标记的消息'), v.minLength(1, '请选择要标记的消息'), v.maxLength(100, '一次最多标记100条'))],
    '请选择要标记的消息',
  ),
})

export interface ProfileView {
  name: string
  mobileMasked: string
  idNumberMasked: string
  employer: string
  unionMember: boolean
}

export interface ConsentRecord {
  version: string
  at: number
}

export interface Me {
  openid: string
  roles: Role[]
  services: Service[]
  realNamed: boolean
  profile: ProfileView | null
  consents: Partial<Record<Policy, ConsentRecord>>
  unread: number
}

export interface InboxMessage {
  _id: string
  title: string
  body: string
  /** A route in the mini-program the message leads to. */
  link?: string
  read: boolean
  createdAt: number
}

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

/** Roles an admin grants on a user (an HR contact is bound through an employer's invitation). */
export const GRANTABLE_ROLES = ['volunteer', 'admin', 'lawyer'] as const
export const REVOCABLE_ROLES = ['volunteer', 'admin', 'hr', 'lawyer'] as const
export const ROLE_NAMES: Record<Role, string> = { worker: '职工', volunteer: '志愿者', hr: '企业HR', admin: '管理员', lawyer: '法援律师' }

export const GrantRoleInput = v.pipe(
  v.object({
    userId: recordId('用户编号'),
    role: v.picklist(GRANTABLE_ROLES, '请选择角色'),
    /** The services a volunteer serves. */
    services: v.optional(v.pipe(v.array(v.picklist(SERVICES, '没有这项服务'), '请选择服务'), v.maxLength(SERVICES.length, '服务选多了'))),
  }),
  v.forward(
    v.check((g) => g.role !== 'volunteer' || (g.services?.length ?? 0) > 0, '请选择志愿者服务的业务'),
    ['services'],
  ),
)
export const RevokeRoleInput = v.object({ userId: recordId('用户编号'), role: v.picklist(REVOCABLE_ROLES, '请选择角色') })

export interface StaffMember {
  userId: string
  name?: string
  roles: Role[]
  services: Service[]
}

export interface UsersContract {
  me: { input: Record<string, never>; output: Me }
  updateProfile: { input: ProfileInput; output: Me }
  consent: { input: v.InferInput<typeof ConsentInput>; output: Me }
  inbox: { input: v.InferInput<typeof PageInput>; output: Page<InboxMessage> & { unread: number } }
  markRead: { input: v.InferInput<typeof MarkReadInput>; output: { updated: number } }
  /** 我的办事: every request of the caller across services, what waits for them first. */
  requests: { input: v.InferInput<typeof RequestsInput>; output: Page<RequestItem> }
  grantRole: { input: v.InferInput<typeof GrantRoleInput>; output: StaffMember }
  revokeRole: { input: v.InferInput<typeof RevokeRoleInput>; output: StaffMember }
}
