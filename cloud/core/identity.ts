import type { RoleRequirement } from '../../types/roles'
import type { Db } from '../db/types'
import { DuplicateKeyError } from '../db/types'
import type { UserRecord } from './records'

/** The caller's `users` document; a first contact becomes a plain worker. */
export async function loadOrCreateUser(db: Db, openid: string, now: number): Promise<UserRecord> {
  const users = db.collection<UserRecord>('users')
  const found = await users.doc(openid).get()
  if (found.data) return found.data
  const fresh: UserRecord = { _id: openid, roles: ['worker'], services: [], consents: {}, createdAt: now, updatedAt: now }
  try {
    await users.add({ data: fresh })
    return fresh
  } catch (error) {
    // Two first calls at once: the other one created it.
    if (!(error instanceof DuplicateKeyError)) throw error
    return (await users.doc(openid).get()).data!
  }
}

export function hasRole(user: UserRecord, requirement: RoleRequirement): boolean {
  if (requirement === 'worker') return true
  const [role, service] = requirement.split(':')
  if (!user.roles.includes(role as UserRecord['roles'][number])) return false
  return service === undefined || user.services.includes(service as UserRecord['services'][number])
}

export { isStaffOf } from '../domain/identity/roles'
