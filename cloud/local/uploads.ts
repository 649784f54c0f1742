import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SERVICES, type Service } from '../../types/roles'
import { detectFileType, FILE_LINK_MS, MAX_UPLOAD_BYTES, refuseUpload, UPLOAD_QUOTA_MESSAGE, withinUploadQuota, type FileRecord } from '../core/files'
import { hasRole, loadOrCreateUser } from '../core/identity'
import { consentWithdrawn, withdrawnMessage } from '../core/policies'
import type { Pii } from '../core/pii'
import type { Db } from '../db/types'

interface UploadOptions {
  db: Db
  pii: Pii
  filesDir: string
  secret: string
  clock: () => number
  openidOf(request: FastifyRequest): Promise<string | null>
}

const refuse = (code: string, message: string, fields?: Record<string, string>) => ({ ok: false, error: { code, message, fields } })
const TOO_BIG = '文件不能超过10MB'
/** What is read and thrown away of a refused upload so the connection can carry the next request. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

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

/**
 * Reads what is left of a refused request's body and throws it away, so that the next request on
 * the same keep-alive connection is read from its start; a body beyond `MAX_DRAIN_BYTES` closes it.
 */
function drain(request: FastifyRequest): Promise<void> {
  const raw = request.raw
  if (raw.readableEnded || raw.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    let seen = 0
    raw.unpipe()
    raw.removeAllListeners('data')
    raw.on('data', (chunk: Buffer) => {
      seen += chunk.length
      if (seen > MAX_DRAIN_BYTES) {
        raw.destroy()
        resolve()
      }
    })
    raw.once('end', () => resolve())
    raw.once('close', () => resolve())
    raw.once('error', () => resolve())
    raw.resume()
  })
}

async function refuseAfterDrain(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown) {
  await drain(request)
  return reply.status(status).send(body)
}

/**
 * `POST /api/upload` (multipart: `service`, then `file`) stores into `filesDir` — private files sealed
 * with the PII key family — and records who uploaded it for which service; `GET /files/:name` serves a
 * public file, or a private one through a signed link from `files.url`, as a download.
 */
export async function registerUploads(app: FastifyInstance, { db, pii, filesDir, secret, clock, openidOf }: UploadOptions) {
  mkdirSync(filesDir, { recursive: true })
  const links = fileLinkSigner(secret)
  const files = db.collection<FileRecord>('files')

  app.post('/api/upload', async (request, reply) => {
    const openid = await openidOf(request)
    if (!openid) return refuseAfterDrain(request, reply, 401, refuse('UNAUTHENTICATED', '请先登录'))
    const user = await loadOrCreateUser(db, openid, clock())
    // An upload collects new personal data: not while the privacy consent is withdrawn (as `collectsNew`).
    if (consentWithdrawn(user, 'privacy')) return refuseAfterDrain(request, reply, 412, refuse('FAILED_PRECONDITION', withdrawnMessage('privacy')))
    let content: Buffer
    let service: unknown
    try {
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 100 } })
      if (!part) return refuseAfterDrain(request, reply, 400, refuse('INVALID_ARGUMENT', '请选择文件', { file: '请选择文件' }))
      service = (part.fields.service as { value?: unknown } | undefined)?.value
      content = await part.toBuffer()
      // A file cut at the limit is refused, never stored short.
      if (part.file.truncated) return refuseAfterDrain(request, reply, 413, refuse('INVALID_ARGUMENT', TOO_BIG, { file: TOO_BIG }))
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'FST_REQ_FILE_TOO_LARGE') return refuseAfterDrain(request, reply, 413, refuse('INVALID_ARGUMENT', TOO_BIG, { file: TOO_BIG }))
      return refuseAfterDrain(request, reply, 413, refuse('INVALID_ARGUMENT', '上传的内容格式不正确，请重新选择文件'))
    }
    if (typeof service !== 'string' || !SERVICES.includes(service as Service)) {
      return refuseAfterDrain(request, reply, 400, refuse('INVALID_ARGUMENT', '上传用途不正确', { service: '上传用途不正确' }))
    }
    const refusal = refuseUpload(content)
    const type = detectFileType(content)
    if (refusal !== null || !type) {
      const message = refusal ?? '文件类型不支持'
      return reply.status(refusal === TOO_BIG ? 413 : 400).send(refuse('INVALID_ARGUMENT', message, { file: message }))
    }
    const now = clock()
    if (!(await withinUploadQuota(db, openid, content.length, now))) {
      return reply.status(429).send(refuse('RESOURCE_EXHAUSTED', UPLOAD_QUOTA_MESSAGE))
    }

    const name = `${randomBytes(16).toString('hex')}.${type.ext}`
    // Station photos taken by station staff are for everyone; everything else stays private, sealed.
    const isPublic = service === 'stations' && (hasRole(user, 'admin') || hasRole(user, 'volunteer:stations'))
    await writeFile(join(filesDir, name), isPublic ? content : pii.sealFile(content))
    await files.add({
      data: { _id: name, ownerId: openid, service: service as Service, mime: type.mime, size: content.length, public: isPublic, sealed: !isPublic, createdAt: now },
    })
    const url = isPublic ? `/files/${name}` : await links.link({ _id: name }, now + FILE_LINK_MS)
    return { ok: true, data: { fileId: name, url, size: content.length, mime: type.mime } }
  })

  app.get<{ Params: { name: string }; Querystring: { exp?: string; sig?: string } }>('/files/:name', async (request, reply) => {
    const { name } = request.params
    const type = /^[0-9a-f]{32}\.(jpg|png|pdf|json|xlsx)$/.exec(name)
    const { data: file } = type ? await files.doc(name).get() : { data: null }
    if (!type || !file || !existsSync(join(filesDir, name))) return reply.status(404).send(refuse('NOT_FOUND', '文件不存在'))
    if (!file.public && !links.verify(name, request.query.exp, request.query.sig, clock())) {
      return reply.status(403).send(refuse('FORBIDDEN', '链接已失效或无权查看，请从办事页面重新打开'))
    }
    const stored = await readFile(join(filesDir, name))
    const body = file.sealed ? pii.openFile(stored) : stored
    // Served as what it was recognised as, never sniffed; a private file as a download, not a page.
    reply.type(file.mime).header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox")
    if (file.public) return reply.header('cache-control', 'public, max-age=86400').send(body)
    return reply.header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${name}"`).send(body)
  })

  return {
    link: links.link,
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
