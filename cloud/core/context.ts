import type { Db, Transaction } from '../db/types'
import type { ArrivalOrder } from './arrival'
import { auditRecord } from './audit'
import type { FileRecord } from './files'
import type { Intent } from './idempotency'
import type { Pii } from './pii'
import type { AuditEntry, AuditRecord, InboxRecord, UserRecord } from './records'

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
  /** Where a function stores a file it made (a copy of someone's data): sealed on the local disk, CloudBase storage. */
  fileStore?: FileStore
  /**
   * One process serves every call (the local runtime): the calls of an action declared
   * `inArrivalOrder` take turns in the order they arrived. Absent on CloudBase.
   */
  arrivalOrder?: ArrivalOrder
}

export interface FileStore {
  /** Stores the bytes under `name`; answers where CloudBase keeps them (nothing locally). */
  put(name: string, bytes: Buffer, ownerId: string): Promise<{ cloudFileId?: string }>
  remove(file: FileRecord): Promise<void>
}

export interface CloudStorage {
  read(cloudFileId: string): Promise<Buffer>
  remove(cloudFileId: string): Promise<void>
}

export type Notice = Pick<InboxRecord, 'title' | 'body' | 'link'>

export interface NoticeOptions {
  /** A WeChat subscribe message too, because the worker agreed to one on the tap that started this. */
  viaWeChat?: boolean
}

/**
 * One transaction of an action: its writes, its audit record and the inbox messages it causes all
 * commit together or not at all. Only single-document operations, as CloudBase allows in one.
 */
export interface TransactionStep {
  tx: Transaction
  /** The audit record of this step, in the same transaction. */
  audit(entry: AuditEntry): Promise<void>
  /** An inbox message in the same transaction; the WeChat message is sent once it has committed. */
  notify(userId: string, message: Notice, options?: NoticeOptions): Promise<void>
}

/** What an action runs with. */
export interface Ctx {
  fn: string
  action: string
  /** Where this call stands in the order calls reached the function (`arrivalKey`): sorts as a string. */
  arrival: string
  db: Db
  pii: Pii
  user: UserRecord
  requestId?: string
  /**
   * For an action declared `remember: 'record'` called with a requestId: the intent to keep with
   * the record it writes, in that same write, and to answer a repeat from (`mustBeSameIntent`).
   */
  intent?: Intent
  fileLink?: Runtime['fileLink']
  cloudStorage?: Runtime['cloudStorage']
  fileStore?: Runtime['fileStore']
  now(): number
  /** Whether this call has written its audit record. */
  readonly audited: boolean
  /** Records a look at personal data or a staff step that stands alone: its own write. */
  audit(entry: AuditEntry): Promise<void>
  /**
   * Runs `work` as one transaction (retried by CloudBase on a conflict, so `work` must be safe to
   * run again). Keep it to database operations: other I/O would hold the transaction open.
   */
  transaction<R>(work: (step: TransactionStep) => Promise<R>): Promise<R>
  /**
   * Writes a message to a user's inbox (消息), and a WeChat subscribe message too when the user
   * agreed to one on the tap that started this (`viaWeChat`).
   */
  notify(userId: string, message: Notice, options?: NoticeOptions): Promise<void>
}

export function createCtx(
  runtime: Runtime,
  call: { fn: string; action: string; arrival: string; requestId?: string; intent?: Intent },
  user: UserRecord,
): Ctx {
  const { fn, action, arrival, requestId, intent } = call
  const { db, pii, clock, subscribe } = runtime
  let audited = false
  const inboxRecord = (userId: string, message: Notice): InboxRecord => ({ userId, ...message, read: false, createdAt: clock() })
  const push = async (userId: string, message: Notice) => {
    // The inbox already holds the news; a failed WeChat push must not undo the action.
    if (subscribe) await subscribe(userId, message).catch((error) => console.error('[subscribe]', error))
  }
  return {
    fn,
    action,
    arrival,
    db,
    pii,
    user,
    requestId,
    intent,
    fileLink: runtime.fileLink,
    cloudStorage: runtime.cloudStorage,
    fileStore: runtime.fileStore,
    now: clock,
    get audited() {
      return audited
    },
    async audit(entry) {
      await db.collection<AuditRecord>('audit').add({ data: auditRecord(user, { fn, action, requestId }, entry, clock()) })
      audited = true
    },
    async transaction(work) {
      let pushes: Array<[string, Notice]> = []
      let auditedInside = false
      const result = await db.runTransaction(async (tx) => {
        // A retried attempt starts afresh: only the attempt that commits counts.
        pushes = []
        auditedInside = false
        return work({
          tx,
          async audit(entry) {
            await tx.collection<AuditRecord>('audit').add({ data: auditRecord(user, { fn, action, requestId }, entry, clock()) })
            auditedInside = true
          },
          async notify(userId, message, options) {
            await tx.collection<InboxRecord>('inbox').add({ data: inboxRecord(userId, message) })
            if (options?.viaWeChat) pushes.push([userId, message])
          },
        })
      })
      if (auditedInside) audited = true
      for (const [userId, message] of pushes) await push(userId, message)
      return result
    },
    async notify(userId, message, options) {
      await db.collection<InboxRecord>('inbox').add({ data: inboxRecord(userId, message) })
      if (options?.viaWeChat) await push(userId, message)
    },
  }
}
