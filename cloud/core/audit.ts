import type { Role } from '../../types/roles'
import type { AuditEntry, AuditRecord, UserRecord } from './records'

/** The role a data subject reads beside an audit record: the most senior one the actor holds. */
const ROLE_ORDER: Role[] = ['admin', 'volunteer', 'lawyer', 'hr', 'worker']

export function actingRole(user: UserRecord): string {
  return ROLE_ORDER.find((role) => user.roles.includes(role)) ?? 'worker'
}

export function auditRecord(
  user: UserRecord,
  call: { fn: string; action: string; requestId?: string },
  entry: AuditEntry,
  at: number,
): AuditRecord {
  const record: AuditRecord = { who: user._id, role: actingRole(user), fn: call.fn, action: call.action, summary: entry.summary, at }
  if (entry.target !== undefined) record.target = entry.target
  if (entry.subjects?.length) record.subjects = [...new Set(entry.subjects)]
  if (entry.records?.length) record.records = [...entry.records]
  if (entry.fields?.length) record.fields = [...entry.fields]
  if (call.requestId !== undefined) record.requestId = call.requestId
  return record
}
