import * as v from 'valibot'
import type { Role, Service } from './roles'

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
  name: v.pipe(
    v.string('请填写姓名'),
    v.trim(),
    v.minLength(2, '姓名至少2个字'),
    v.maxLength(20, '姓名最多20个字'),
  ),
  mobile: v.pipe(v.string('请填写手机号'), v.trim(), v.regex(/^1[3-9]\d{9}$/, '手机号应为1开头的11位数字')),
  idNumber: v.pipe(
    v.string('请填写身份证号'),
    v.trim(),
    v.toUpperCase(),
    v.regex(/^\d{17}[\dX]$/, '身份证号应为18位，最后一位可以是X'),
    v.check(isValidIdNumber, '身份证号不正确，请核对（校验位或出生日期有误）'),
  ),
  employer: v.pipe(
    v.string('请填写工作单位'),
    v.trim(),
    v.minLength(2, '工作单位至少2个字'),
    v.maxLength(60, '工作单位最多60个字'),
  ),
  unionMember: v.boolean('请选择是否工会会员'),
})
export type ProfileInput = v.InferOutput<ReturnType<typeof profileSchema>>

export const ConsentInput = v.object({
  policy: v.picklist(Object.keys(POLICIES) as Policy[], '没有这项协议'),
  version: v.pipe(v.string('缺少协议版本'), v.minLength(1, '缺少协议版本'), v.maxLength(20, '协议版本不正确')),
})

export const Empty = v.object({})

export const PageInput = v.object({
  limit: v.optional(v.pipe(v.number('条数应为数字'), v.integer('条数应为整数'), v.minValue(1), v.maxValue(50))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
})

export const MarkReadInput = v.object({
  ids: v.union(
    [v.literal('all'), v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.minLength(1), v.maxLength(100))],
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

export interface UsersContract {
  me: { input: Record<string, never>; output: Me }
  updateProfile: { input: ProfileInput; output: Me }
  consent: { input: v.InferInput<typeof ConsentInput>; output: Me }
  inbox: { input: v.InferInput<typeof PageInput>; output: Page<InboxMessage> & { unread: number } }
  markRead: { input: v.InferInput<typeof MarkReadInput>; output: { updated: number } }
}
