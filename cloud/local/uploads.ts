import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { MAX_UPLOAD_BYTES } from '../core/files'
import type { LocalCloud } from './cloud'
import { refuse, TOO_BIG, type Answered } from './fileStore'

interface UploadRoutesOptions {
  cloud: Pick<LocalCloud, 'admitUpload' | 'storeUpload' | 'readFile'>
  openidOf(request: FastifyRequest): Promise<string | null>
}

/** What is read and thrown away of a refused upload so the connection can carry the next request. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

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

const send = (reply: FastifyReply, { status, body }: Answered) => reply.status(status).send(body)

async function refuseAfterDrain(request: FastifyRequest, reply: FastifyReply, answered: Answered) {
  await drain(request)
  return send(reply, answered)
}

/**
 * `POST /api/upload` (multipart: `service`, then `file`) hands the file to the cloud's storage
 * (`fileStore.ts`), which stores and records it; `GET /files/:name` serves a public file, or a
 * private one through a signed link from `files.url`, as a download.
 */
export function registerUploads(app: FastifyInstance, { cloud, openidOf }: UploadRoutesOptions) {
  app.post('/api/upload', async (request, reply) => {
    const openid = await openidOf(request)
    const refused = await cloud.admitUpload(openid)
    if (refused || !openid) return refuseAfterDrain(request, reply, refused ?? refuse(401, 'UNAUTHENTICATED', '请先登录'))
    let content: Buffer
    let service: unknown
    try {
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 100 } })
      if (!part) return refuseAfterDrain(request, reply, refuse(400, 'INVALID_ARGUMENT', '请选择文件', { file: '请选择文件' }))
      service = (part.fields.service as { value?: unknown } | undefined)?.value
      content = await part.toBuffer()
      // A file cut at the limit is refused, never stored short.
      if (part.file.truncated) return refuseAfterDrain(request, reply, refuse(413, 'INVALID_ARGUMENT', TOO_BIG, { file: TOO_BIG }))
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'FST_REQ_FILE_TOO_LARGE') return refuseAfterDrain(request, reply, refuse(413, 'INVALID_ARGUMENT', TOO_BIG, { file: TOO_BIG }))
      return refuseAfterDrain(request, reply, refuse(413, 'INVALID_ARGUMENT', '上传的内容格式不正确，请重新选择文件'))
    }
    const stored = await cloud.storeUpload(openid, service, content)
    // Whatever came after the file part (a misplaced `service`) is read before a refusal goes out.
    return stored.status === 200 ? send(reply, stored) : refuseAfterDrain(request, reply, stored)
  })

  app.get<{ Params: { name: string }; Querystring: { exp?: string; sig?: string } }>('/files/:name', async (request, reply) => {
    const served = await cloud.readFile(request.params.name, request.query.exp, request.query.sig)
    if (!('bytes' in served)) return send(reply, served)
    const body = Buffer.from(served.bytes.buffer, served.bytes.byteOffset, served.bytes.byteLength)
    // Served as what it was recognised as, never sniffed; a private file as a download, not a page.
    reply.type(served.mime).header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox")
    if (served.public) return reply.header('cache-control', 'public, max-age=86400').send(body)
    return reply.header('cache-control', 'private, no-store').header('content-disposition', `attachment; filename="${served.name}"`).send(body)
  })
}
