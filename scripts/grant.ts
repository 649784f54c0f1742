/**
 * `npm run grant -- <openid> admin` or `npm run grant -- <openid> volunteer aid,medical`: gives a role
 * on the server itself, for the first admin of a fresh installation (afterwards admins grant and
 * revoke roles in the portal, `users.grantRole`). The person must have signed in once. Recorded in
 * the audit like any grant.
 */
import { join, resolve } from 'node:path'
import { userInfo } from 'node:os'
import { SERVICES, type Role, type Service } from '../types/roles'
import { auditRecord } from '../cloud/core/audit'
import type { AuditRecord, UserRecord } from '../cloud/core/records'
import { SqliteDb } from '../cloud/db/sqlite/driver'

export async function grantRole(db: SqliteDb, openid: string, role: Role, services: Service[], operator: string, now: number) {
  if (role !== 'admin' && role !== 'volunteer') throw new Error('role must be admin or volunteer')
  if (role === 'volunteer' && services.length === 0) throw new Error(`a volunteer serves some of: ${SERVICES.join(',')}`)
  return db.runTransaction(async (tx) => {
    const ref = tx.collection<UserRecord>('users').doc(openid)
    const { data: user } = await ref.get()
    if (!user) throw new Error(`no user ${openid}: they must sign in once first`)
    const roles = user.roles.includes(role) ? user.roles : [...user.roles, role]
    const all = role === 'volunteer' ? [...new Set([...user.services, ...services])] : user.services
    await ref.update({ data: { roles: db.command.set(roles), services: db.command.set(all), updatedAt: now } })
    const operatorUser: UserRecord = { _id: `cli:${operator}`, roles: ['admin'], services: [], consents: {}, createdAt: now, updatedAt: now }
    await tx
      .collection<AuditRecord>('audit')
      .add({ data: { ...auditRecord(operatorUser, { fn: 'cli', action: 'grant' }, { target: openid, subjects: [openid], summary: `在服务器上授予${role}`, fields: ['roles'] }, now), role: 'operator' } })
    return { roles, services: all }
  })
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const [openid, role, list = ''] = process.argv.slice(2)
  if (!openid || !role) {
    console.error('usage: npm run grant -- <openid> admin | npm run grant -- <openid> volunteer <service,service>')
    process.exit(2)
  }
  const dataDir = resolve(process.env.LUGONG_DATA_DIR ?? join(__dirname, '..', 'data'))
  const db = new SqliteDb({ filename: join(dataDir, 'lugong.sqlite') })
  const services = list.split(',').filter(Boolean) as Service[]
  if (services.some((s) => !SERVICES.includes(s))) {
    console.error(`unknown service in ${list}; the services are ${SERVICES.join(',')}`)
    process.exit(2)
  }
  grantRole(db, openid, role as Role, services, userInfo().username, Date.now())
    .then((result) => console.log(`${openid}: roles ${result.roles.join(',')}${result.services.length ? `; serves ${result.services.join(',')}` : ''}`))
    .catch((error: Error) => {
      console.error(error.message)
      process.exitCode = 1
    })
    .finally(() => db.close())
}
