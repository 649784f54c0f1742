import { ArrivalOrder } from '../core/arrival'
import type { Pii } from '../core/pii'
import { SqliteDb } from '../db/sqlite/driver'
import type { Db } from '../db/types'
import { runHousekeeping } from '../functions/housekeeping'
import { FUNCTIONS } from '../functions/registry'
import { localFileStore } from './fileStore'

export interface CloudOptions {
  db: Db
  pii: Pii
  clock?: () => number
  filesDir: string
  /** Signs the links to private files. */
  secret: string
}

/** A function's answer as the HTTP side sends it: the status, and the envelope as JSON text. */
export interface CallAnswer {
  status: number
  json: string
}

const refusal = (status: number, code: 'NOT_FOUND' | 'INVALID_ARGUMENT', message: string): CallAnswer => ({
  status,
  json: JSON.stringify({ ok: false, error: { code, message } }),
})

/**
 * What CloudBase is behind its HTTP gateway, for the local runtime: the functions, the database
 * and the file storage. The HTTP side (`server.ts`) reads requests and checks tokens; everything
 * here runs in one place, by default the gateway's own thread, in `npm start` a thread of its own
 * (`thread.ts`). Everything crossing over is plain data: the caller's openid, never a token.
 */
export function localCloud(options: CloudOptions) {
  const { db, pii } = options
  const clock = options.clock ?? Date.now
  const files = localFileStore({ db, pii, filesDir: options.filesDir, secret: options.secret, clock })
  // One place serves every call: the actions that ask for it take turns in the order they arrived,
  // committed together a turn at a time on the sqlite driver.
  const arrivalOrder = new ArrivalOrder(db instanceof SqliteDb ? (calls) => db.together(calls) : undefined)
  /** What a function call runs with: the caller from the token, never from the body. */
  const runtimeOf = (openid: string | null) => ({ db, pii, clock, openid, arrivalOrder, fileLink: files.link, fileStore: { put: files.put, remove: files.remove } })

  return {
    /** Calls function `fn` with `body` as `openid` (from the verified token, or null). */
    async call(fn: string, body: unknown, openid: string | null): Promise<CallAnswer> {
      const service = Object.hasOwn(FUNCTIONS, fn) ? FUNCTIONS[fn] : undefined
      if (!service) return refusal(404, 'NOT_FOUND', '没有这个服务')
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return refusal(400, 'INVALID_ARGUMENT', '请求格式不正确')
      const answer = await service.handle(body, runtimeOf(openid))
      // The envelope says why; the status says it too, as the login and upload routes do.
      return { status: !answer.ok && answer.error.code === 'UNAUTHENTICATED' ? 401 : 200, json: JSON.stringify(answer) }
    },

    /** Who `openid` is, once they have signed in (their record made on the first sign-in). */
    me: (openid: string) => FUNCTIONS.users.handle({ action: 'me' }, runtimeOf(openid)),

    async healthy(): Promise<boolean> {
      try {
        await db.collection('users').limit(1).get()
        return true
      } catch {
        return false
      }
    },

    admitUpload: files.admitUpload,
    storeUpload: files.storeUpload,
    readFile: files.readFile,
    removeFile: files.remove,

    /** What CloudBase's timer trigger runs; the local runtime runs it as often. */
    housekeeping: () =>
      runHousekeeping({ db, clock, removeFile: files.remove, compact: async () => (db instanceof SqliteDb ? db.checkpoint() : undefined) }),
  }
}

export type LocalCloud = ReturnType<typeof localCloud>
