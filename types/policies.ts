/**
 * The policies a worker agrees to, by key: where each is asked for, and its title. The texts and
 * their versions are data (`cloud/domain/policies/texts.ts` holds the first version of each, an
 * admin replaces a text or publishes a new version with `users.setPolicy`); a consent names the
 * version in force, and a new version asks again. A service with its own consent adds its key here
 * and its first text there, and puts `<ConsentLine policy="<key>">` on its form.
 *
 * No valibot here: the login page reads this and stays small.
 */
export const POLICIES = {
  privacy: { title: '鹿工之家隐私政策', askedAt: '登录时' },
  realname: { title: '实名信息收集说明', askedAt: '实名认证时' },
  child: { title: '儿童个人信息保护说明', askedAt: '爱心托班报名时' },
  aid: { title: '困难帮扶敏感信息收集说明', askedAt: '申请困难帮扶时' },
  medical: { title: '医疗互助医疗信息收集说明', askedAt: '申请医疗互助报销时' },
  legal: { title: '法律援助个人信息收集说明', askedAt: '申请法律援助时' },
} as const

export type PolicyKey = keyof typeof POLICIES
export const POLICY_KEYS = Object.keys(POLICIES) as PolicyKey[]

/** What a draft says at its top until the union has approved it. */
export const DRAFT_MARK = '草案（待工会审定）'

/** One part of a policy: what is collected, why, how long it is kept, who sees it, how to withdraw. */
export interface PolicySection {
  heading: string
  body: string
}

/** A policy's text in one version, as the worker reads it. */
export interface PolicyText {
  key: PolicyKey
  version: string
  title: string
  /** Not yet approved by the union: shown with `DRAFT_MARK`. */
  draft: boolean
  sections: PolicySection[]
  /** When this text was last set (the first version: when it shipped). */
  updatedAt: number
}

/** A policy in force, without its text: for lists and consent lines. */
export type PolicySummary = Omit<PolicyText, 'sections'>

/** Standing consents the worker gave to a version that is no longer in force: to be asked again. */
export const STANDING_CONSENTS: readonly PolicyKey[] = ['privacy', 'realname']
