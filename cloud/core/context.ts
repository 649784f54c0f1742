import type { Db } from '../db/types'
import type { FileRecord } from './files'
import type { Pii } from './pii'
import type { AuditRecord, InboxRecord, UserRecord } from './records'

/** What the platform gives a function call: the database, the verified caller and the clock. */
export interface Runtime {
  db: Db
  pii: Pii
  /** From the platform (CloudBase OPENID or the verified token), never from the payload. */
  openid: string | null
  clock: () => number
  /** Sends a WeChat subscribe message; only on CloudBase with a template configured. */
  subscribe?: (openid: string, message: Notice) => Promise<void>
  /** A link that reads a stored file until `expiresAt` (signed locally; a temp URL on CloudBase). */
  fileLink?: (file: FileRecord, expiresAt: number) => Promise<string>
  /** CloudBase storage, where the phone uploads straight to: read to check an upload, or remove it. */
  cloudStorage?: CloudStorage
}

export interface CloudStorage {
  read(cloudFileId: string): Promise<Buffer>
  remove(cloudFileId: string): Promise<void>
}

export type Notice = Pick<InboxRecord, 'title' | 'body' | 'link'>

/** What an action runs with. */
export interface Ctx {
  fn: string
  action: string
  db: Db
  pii: Pii
  user: UserRecord
  requestId?: string
  fileLink?: Runtime['fileLink']
  cloudStorage?: Runtime['cloudStorage']
  now(): number
  /** Records a staff action or a reveal of personal data: who, what, when. */
  audit(what: string, target?: string, detail?: unknown): Promise<void>
  /**
   * Writes a message to a user's inbox (消息), and a WeChat subscribe message too when the user
   * agreed to one on the tap that started this (`viaWeChat`).
   */
  notify(userId: string, message: Notice, options?: { viaWeChat?: boolean }): Promise<void>
}

export function createCtx(runtime: Runtime, fn: string, action: string, user: UserRecord, requestId?: string): Ctx {
  const { db, pii, clock, subscribe } = runtime
  return {
    fn,
    action,
    db,
    pii,
    user,
    requestId,
    fileLink: runtime.fileLink,
    cloudStorage: runtime.cloudStorage,
    now: clock,
    async audit(what, target, detail) {
      const record: AuditRecord = { who: user._id, fn, action: what, target, detail, requestId, at: clock() }
      await db.collection<AuditRecord>('audit').add({ data: record })
    },
    async notify(userId, message, options) {
      const record: InboxRecord = { userId, ...message, read: false, createdAt: clock() }
      await db.collection<InboxRecord>('inbox').add({ data: record })
      if (options?.viaWeChat && subscribe) {
        // The inbox already holds the news; a failed WeChat push must not undo the action.
        await subscribe(userId, message).catch((error) => console.error('[subscribe]', error))
      }
    },
  }
}
