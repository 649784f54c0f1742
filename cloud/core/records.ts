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

export interface AuditRecord {
  who: string
  fn: string
  action: string
  target?: string
  detail?: unknown
  requestId?: string
  at: number
}
