import type { Db } from '../db/types'
import type { Pii } from './pii'
import type { AuditRecord, InboxRecord, UserRecord } from './records'

/** What the platform gives a function call: the database, the verified caller and the clock. */
export interface Runtime {
  db: Db
  pii: Pii
  /** From the platform (CloudBase OPENID or the verified token), never from the payload. */
  openid: string | null
  clock: () => number
}

/** What an action runs with. */
export interface Ctx {
  fn: string
  action: string
  db: Db
  pii: Pii
  user: UserRecord
  requestId?: string
  now(): number
  /** Records a staff action or a reveal of personal data: who, what, when. */
  audit(what: string, target?: string, detail?: unknown): Promise<void>
  /** Writes a message to a user's inbox (消息). */
  notify(userId: string, message: Pick<InboxRecord, 'title' | 'body' | 'link'>): Promise<void>
}

export function createCtx(runtime: Runtime, fn: string, action: string, user: UserRecord, requestId?: string): Ctx {
  const { db, pii, clock } = runtime
  return {
    fn,
    action,
    db,
    pii,
    user,
    requestId,
    now: clock,
    async audit(what, target, detail) {
      const record: AuditRecord = { who: user._id, fn, action: what, target, detail, requestId, at: clock() }
      await db.collection<AuditRecord>('audit').add({ data: record })
    },
    async notify(userId, message) {
      const record: InboxRecord = { userId, ...message, read: false, createdAt: clock() }
      await db.collection<InboxRecord>('inbox').add({ data: record })
    },
  }
}
