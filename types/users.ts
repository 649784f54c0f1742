import * as v from 'valibot'
import { freeText, list, mobileNumber, nameText, pageCursor, pageLimit, recordId, residentIdNumber, yesNo } from './fields'
import { POLICY_KEYS, type PolicyKey, type PolicySummary, type PolicyText } from './policies'
import type { RequestItem, RequestsInput } from './requests'
import { SERVICES, type Role, type Service } from './roles'

export { POLICIES, type PolicyKey } from './policies'
/** A policy a worker consents to (`types/policies.ts`). */
export type Policy = PolicyKey

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

const policyKey = v.picklist(POLICY_KEYS, '没有这项协议')
/** A policy's version: `2026.11`, `2027.3.1`. */
const policyVersionText = v.pipe(v.string('缺少协议版本'), v.minLength(1, '缺少协议版本'), v.maxLength(20, '协议版本不正确'), v.regex(/^[\w.-]+$/, '协议版本不正确'))

/** Agreeing to a policy: only to the version in force, which the page showed (the action checks). */
export const ConsentInput = v.object({ policy: policyKey, version: policyVersionText })

/** One policy's text: the version in force, or the version named (the one a consent was given to). */
export const PolicyInput = v.object({ key: policyKey, version: v.optional(policyVersionText) })

/**
 * An admin sets a policy's text. The same version replaces its text (a correction: nobody is asked
 * again); another version is published as the one in force, and everyone is asked to agree again.
 */
export const SetPolicyInput = v.object({
  key: policyKey,
  version: policyVersionText,
  title: nameText('标题', { min: 2, max: 40 }),
  draft: yesNo('是否仍是草案'),
  sections: list(v.object({ heading: nameText('小标题', { max: 40 }), body: freeText('正文', { min: 1, max: 2000 }) }), '段落', { min: 1, max: 20 }),
})

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
  /** Withdrawn in 我的数据: the services it carries take no new requests until it is given again. */
  withdrawnAt?: number
}

export interface Me {
  openid: string
  roles: Role[]
  services: Service[]
  realNamed: boolean
  profile: ProfileView | null
  consents: Partial<Record<Policy, ConsentRecord>>
  /** Standing consents (privacy, real name) given to a version that is no longer in force: ask again. */
  consentsDue: Policy[]
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
  /** Anyone, signed in or not (the login page links the privacy policy): the text of a version. */
  policy: { input: v.InferInput<typeof PolicyInput>; output: PolicyText & { inForce: string } }
  /** Anyone: every policy in force, without its text. */
  policies: { input: Record<string, never>; output: { items: PolicySummary[] } }
  setPolicy: { input: v.InferInput<typeof SetPolicyInput>; output: PolicySummary }
  inbox: { input: v.InferInput<typeof PageInput>; output: Page<InboxMessage> & { unread: number } }
  markRead: { input: v.InferInput<typeof MarkReadInput>; output: { updated: number } }
  /** 我的办事: every request of the caller across services, what waits for them first. */
  requests: { input: v.InferInput<typeof RequestsInput>; output: Page<RequestItem> }
  grantRole: { input: v.InferInput<typeof GrantRoleInput>; output: StaffMember }
  revokeRole: { input: v.InferInput<typeof RevokeRoleInput>; output: StaffMember }
}
