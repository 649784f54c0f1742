import type { FastifyInstance, FastifyRequest } from 'fastify'
import { createReadStream, existsSync, mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** What may be uploaded, recognised by the first bytes of the file rather than its name. */
const SIGNATURES: Array<{ ext: string; mime: string; magic: number[] }> = [
  { ext: 'jpg', mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'png', mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: 'pdf', mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
]

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export function detectFileType(head: Uint8Array) {
  return SIGNATURES.find((s) => s.magic.every((byte, i) => head[i] === byte)) ?? null
}

interface UploadOptions {
  filesDir: string
  openidOf(request: FastifyRequest): Promise<string | null>
}

/** `POST /api/upload` (multipart, field `file`) stores into `filesDir`; `GET /files/:name` reads back. */
export async function registerUploads(app: FastifyInstance, { filesDir, openidOf }: UploadOptions) {
  mkdirSync(filesDir, { recursive: true })

  app.post('/api/upload', async (request, reply) => {
    const openid = await openidOf(request)
    if (!openid) return reply.status(401).send({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })
    const part = await request.file()
    if (!part) return reply.status(400).send({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '请选择文件' } })
    const content = await part.toBuffer()
    const type = detectFileType(content)
    if (!type) {
      return reply
        .status(400)
        .send({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '只能上传 jpg、png 图片或 pdf 文件', fields: { file: '文件类型不支持' } } })
    }
    const name = `${randomBytes(16).toString('hex')}.${type.ext}`
    await writeFile(join(filesDir, name), content)
    return { ok: true, data: { fileId: name, url: `/files/${name}`, size: content.length, mime: type.mime } }
  })

  app.get<{ Params: { name: string } }>('/files/:name', async (request, reply) => {
    const { name } = request.params
    const type = /^[0-9a-f]{32}\.(jpg|png|pdf)$/.exec(name)
    if (!type || !existsSync(join(filesDir, name))) {
      return reply.status(404).send({ ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } })
    }
    const mime = SIGNATURES.find((s) => s.ext === type[1])!.mime
    return reply.type(mime).send(createReadStream(join(filesDir, name)))
  })
}
