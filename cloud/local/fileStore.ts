import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SERVICES, type Service } from '../../types/roles'
import { detectFileType, FILE_LINK_MS, refuseUpload, UPLOAD_QUOTA_MESSAGE, withinUploadQuota, type FileRecord } from '../core/files'
import { hasRole, loadOrCreateUser } from '../core/identity'
import { consentWithdrawn, withdrawnMessage } from '../core/policies'
import type { Pii } from '../core/pii'
import type { Db } from '../db/types'

export interface FileStoreOptions {
  db: Db
  pii: Pii
  filesDir: string
  secret: string
  clock: () => number
}

/** What the HTTP side sends back: a status and the envelope. */
export interface Answered {
  status: number
  body: { ok: boolean; [key: string]: unknown }
}

/** A stored file as it is served: its bytes opened, with what it was recognised as. */
export interface ServedFile {
  status: 200
  name: string
  mime: string
  public: boolean
  bytes: Uint8Array
}

export const TOO_BIG = '文件不能超过10MB'

export const refuse = (status: number, code: string, message: string, fields?: Record<string, string>): Answered => ({
  status,
  body: { ok: false, error: { code, message, fields } },
})

/** Signs `/files/<name>` until `expiresAt`: what `files.url` hands out for a private file. */
export function fileLinkSigner(secret: string) {
  const key = createHmac('sha256', secret).update('file-links').digest()
  const sign = (name: string, expiresAt: number) => createHmac('sha256', key).update(`${name}:${expiresAt}`).digest('hex')
  return {
    link: async (file: Pick<FileRecord, '_id'>, expiresAt: number) => `/files/${file._id}?exp=${expiresAt}&sig=${sign(file._id, expiresAt)}`,
    verify(name: string, exp: string | undefined, sig: string | undefined, now: number) {
      const expiresAt = Number(exp)
      if (!sig || !/^[0-9a-f]{64}$/.test(sig) || !Number.isInteger(expiresAt) || expiresAt < now) return false
      return timingSafeEqual(Buffer.from(sign(name, expiresAt), 'hex'), Buffer.from(sig, 'hex'))
    },
  }
}

/** Bytes as they cross from another thread (a plain Uint8Array) or come from a stream (a Buffer). */
const asBuffer = (bytes: Uint8Array) => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))

/**
 * The local runtime's file storage, beside its database: private files sealed with the PII key
 * family, each recorded with who uploaded it for which service. The HTTP side (`uploads.ts`)
 * only reads the request and sends what this answers.
 */
export function localFileStore({ db, pii, filesDir, secret, clock }: FileStoreOptions) {
  mkdirSync(filesDir, { recursive: true })
  const links = fileLinkSigner(secret)
  const files = db.collection<FileRecord>('files')

  return {
    link: links.link,

    /** Refuses an upload before its body is read: nobody signed in, or the privacy consent withdrawn (as `collectsNew`). */
    async admitUpload(openid: string | null): Promise<Answered | null> {
      if (!openid) return refuse(401, 'UNAUTHENTICATED', '请先登录')
      const user = await loadOrCreateUser(db, openid, clock())
      if (consentWithdrawn(user, 'privacy')) return refuse(412, 'FAILED_PRECONDITION', withdrawnMessage('privacy'))
      return null
    },

    /** Stores what `openid` uploaded for `service`, once its type, size and the day's quota allow it. */
    async storeUpload(openid: string, service: unknown, bytes: Uint8Array): Promise<Answered> {
      if (typeof service !== 'string' || !SERVICES.includes(service as Service)) {
        return refuse(400, 'INVALID_ARGUMENT', '上传用途不正确', { service: '上传用途不正确' })
      }
      const content = asBuffer(bytes)
      const refusal = refuseUpload(content)
      const type = detectFileType(content)
      if (refusal !== null || !type) {
        const message = refusal ?? '文件类型不支持'
        return refuse(refusal === TOO_BIG ? 413 : 400, 'INVALID_ARGUMENT', message, { file: message })
      }
      const now = clock()
      if (!(await withinUploadQuota(db, openid, content.length, now))) return refuse(429, 'RESOURCE_EXHAUSTED', UPLOAD_QUOTA_MESSAGE)
      const user = await loadOrCreateUser(db, openid, now)
      const name = `${randomBytes(16).toString('hex')}.${type.ext}`
      // Station photos taken by station staff are for everyone; everything else stays private, sealed.
      const isPublic = service === 'stations' && (hasRole(user, 'admin') || hasRole(user, 'volunteer:stations'))
      await writeFile(join(filesDir, name), isPublic ? content : pii.sealFile(content))
      await files.add({
        data: { _id: name, ownerId: openid, service: service as Service, mime: type.mime, size: content.length, public: isPublic, sealed: !isPublic, createdAt: now },
      })
      const url = isPublic ? `/files/${name}` : await links.link({ _id: name }, now + FILE_LINK_MS)
      return { status: 200, body: { ok: true, data: { fileId: name, url, size: content.length, mime: type.mime } } }
    },

    /** A public file, or a private one through a signed link from `files.url`, opened. */
    async readFile(name: string, exp: string | undefined, sig: string | undefined): Promise<ServedFile | Answered> {
      const type = /^[0-9a-f]{32}\.(jpg|png|pdf|json|xlsx)$/.exec(name)
      const { data: file } = type ? await files.doc(name).get() : { data: null }
      if (!type || !file || !existsSync(join(filesDir, name))) return refuse(404, 'NOT_FOUND', '文件不存在')
      if (!file.public && !links.verify(name, exp, sig, clock())) {
        return refuse(403, 'FORBIDDEN', '链接已失效或无权查看，请从办事页面重新打开')
      }
      const stored = await readFile(join(filesDir, name))
      return { status: 200, name, mime: file.mime, public: file.public, bytes: file.sealed ? pii.openFile(stored) : stored }
    },

    /** Removes a stored file's bytes (housekeeping of uploads nothing refers to). */
    async remove(file: FileRecord) {
      await rm(join(filesDir, file._id), { force: true })
    },

    /** Stores a file a function made (a copy of someone's data, the figures as a spreadsheet), sealed like every private file. */
    async put(name: string, bytes: Buffer) {
      if (!/^[0-9a-f]{32}\.(pdf|json|xlsx)$/.test(name)) throw new Error('a stored file is named <hex>.<pdf|json|xlsx>')
      await writeFile(join(filesDir, name), pii.sealFile(bytes))
      return {}
    },
  }
}

export type LocalFileStore = ReturnType<typeof localFileStore>
