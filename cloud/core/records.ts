import type { Role, Service } from '../../types/roles'
import type { ConsentRecord, Policy } from '../../types/users'

/** A document of `users`: one per openid, created on first contact as a plain worker. */
export interface UserRecord {
  _id: string
  roles: Role[]
  services: Service[]
  employerId?: string
  profile?: {
    name: string
    employer: string
    unionMember: boolean
    mobileMasked: string
    idNumberMasked: string
  }
  pii?: {
    mobile: string
    idNumber: string
    idNumberBlind: string
  }
  consents: Partial<Record<Policy, ConsentRecord>>
  /** While the account is closing: the alias that replaces it where records stay (`mydata`). */
  closingAlias?: string
  createdAt: number
  updatedAt: number
}

export interface InboxRecord {
  _id?: string
  userId: string
  title: string
  body: string
  link?: string
  read: boolean
  createdAt: number
}

/**
 * What an audit record says about a staff step or a look at personal data. It never holds a raw
 * payload or a personal value, so nothing a caller sends can make writing it fail.
 */
export interface AuditEntry {
  /** The record acted on or shown. */
  target?: string
  /** Whose personal data it was: the data subjects' user ids (for 我的数据, "who opened my data"). */
  subjects?: string[]
  /** When a view showed several people's records (a roster): which ones. */
  records?: string[]
  /** What happened, in words that hold no personal data: `批准 6,700.00 元`, `查看 手机号`. */
  summary: string
  /** The names of the fields shown or changed. */
  fields?: string[]
}

export interface AuditRecord extends AuditEntry {
  _id?: string
  /** The staff member's user id. */
  who: string
  /** Their role when they acted (admin, volunteer, …), which a data subject may read. */
  role: string
  fn: string
  action: string
  requestId?: string
  at: number
}
