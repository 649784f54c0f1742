import type { FastifyInstance, FastifyRequest } from 'fastify'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SERVICES, type Service } from '../../types/roles'
import { detectFileType, FILE_LINK_MS, refuseUpload, type FileRecord } from '../core/files'
import { hasRole, loadOrCreateUser } from '../core/identity'
import type { Db } from '../db/types'

interface UploadOptions {
  db: Db
  filesDir: string
  secret: string
  clock: () => number
  openidOf(request: FastifyRequest): Promise<string | null>
}

const refuse = (code: string, message: string, fields?: Record<string, string>) => ({ ok: false, error: { code, message, fields } })

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
 * `POST /api/upload` (multipart: `service`, then `file`) stores into `filesDir` and records who
 * uploaded it for which service; `GET /files/:name` reads a public file, or a private one through a
 * signed link from `files.url`.
 */
export async function registerUploads(app: FastifyInstance, { db, filesDir, secret, clock, openidOf }: UploadOptions) {
  mkdirSync(filesDir, { recursive: true })
  const links = fileLinkSigner(secret)
  const files = db.collection<FileRecord>('files')

  app.post('/api/upload', async (request, reply) => {
    const openid = await openidOf(request)
    if (!openid) return reply.status(401).send(refuse('UNAUTHENTICATED', '请先登录'))
    const part = await request.file()
    if (!part) return reply.status(400).send(refuse('INVALID_ARGUMENT', '请选择文件', { file: '请选择文件' }))
    const service = (part.fields.service as { value?: unknown } | undefined)?.value
    if (typeof service !== 'string' || !SERVICES.includes(service as Service)) {
      return reply.status(400).send(refuse('INVALID_ARGUMENT', '上传用途不正确', { service: '上传用途不正确' }))
    }
    const content = await part.toBuffer()
    const refusal = refuseUpload(content)
    const type = detectFileType(content)
    if (refusal !== null || !type) {
      const message = refusal ?? '文件类型不支持'
      return reply.status(400).send(refuse('INVALID_ARGUMENT', message, { file: message }))
    }

    const user = await loadOrCreateUser(db, openid, clock())
    const name = `${randomBytes(16).toString('hex')}.${type.ext}`
    // Station photos taken by station staff are for everyone; everything else stays private.
    const isPublic = service === 'stations' && (hasRole(user, 'admin') || hasRole(user, 'volunteer:stations'))
    await writeFile(join(filesDir, name), content)
    await files.add({
      data: { _id: name, ownerId: openid, service: service as Service, mime: type.mime, size: content.length, public: isPublic, createdAt: clock() },
    })
    const url = isPublic ? `/files/${name}` : await links.link({ _id: name }, clock() + FILE_LINK_MS)
    return { ok: true, data: { fileId: name, url, size: content.length, mime: type.mime } }
  })

  app.get<{ Params: { name: string }; Querystring: { exp?: string; sig?: string } }>('/files/:name', async (request, reply) => {
    const { name } = request.params
    const type = /^[0-9a-f]{32}\.(jpg|png|pdf)$/.exec(name)
    const { data: file } = type ? await files.doc(name).get() : { data: null }
    if (!type || !file || !existsSync(join(filesDir, name))) return reply.status(404).send(refuse('NOT_FOUND', '文件不存在'))
    if (!file.public && !links.verify(name, request.query.exp, request.query.sig, clock())) {
      return reply.status(403).send(refuse('FORBIDDEN', '链接已失效或无权查看，请从办事页面重新打开'))
    }
    return reply.type(file.mime).header('cache-control', file.public ? 'public, max-age=86400' : 'private, no-store').send(createReadStream(join(filesDir, name)))
  })

  return links
}
