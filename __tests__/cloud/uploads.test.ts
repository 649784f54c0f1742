import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { request as httpRequest, Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DAILY_UPLOAD_FILES, ORPHAN_UPLOAD_MS } from '../../cloud/core/files'
import { runHousekeeping } from '../../cloud/functions/housekeeping'
import { buildServer, type LocalServer } from '../../cloud/local/server'
import { createHarness, type Harness } from './harness'

/** A PDF whose text holds an ID number: stored as it came, it would be readable on disk. */
const MARKER = '330302198503151234'
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${MARKER}) >> endobj\n%%EOF\n`)
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
const MB = 1024 * 1024

const BOUNDARY = '----lugong-upload'
function multipart(content: Buffer, service = 'aid', extraFields = 0) {
  const fields = Array.from({ length: extraFields }, (_, i) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`).join('')
  const head = `${fields}--${BOUNDARY}\r\nContent-Disposition: form-data; name="service"\r\n\r\n${service}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/octet-stream\r\n\r\n`
  return Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)])
}

describe('uploads on the local runtime', () => {
  let h: Harness
  let app: LocalServer
  let filesDir: string
  let token: string
  let port: number
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })

  /** One HTTP request over the keep-alive agent: the same connection every time. */
  function send(method: string, path: string, body?: Buffer, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer; socketReused: boolean }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), socketReused: req.reusedSocket }))
      })
      req.setTimeout(5000, () => req.destroy(new Error('no answer in 5 s')))
      req.on('error', reject)
      if (body) req.write(body)
      req.end()
    })
  }
  const upload = (content: Buffer, service = 'aid', extraFields = 0) =>
    send('POST', '/api/upload', multipart(content, service, extraFields), { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, authorization: `Bearer ${token}` })

  beforeEach(async () => {
    h = await createHarness()
    filesDir = mkdtempSync(join(tmpdir(), 'lugong-uploads-'))
    app = await buildServer({ db: h.db, pii: h.pii, dev: true, tokenSecret: 'upload-test', filesDir, clock: () => now })
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as { port: number }).port
    token = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'dev:worker' } })).json().data.token
  })
  afterEach(async () => {
    await app.close()
    h.close()
  })
  let now = Date.parse('2026-11-30T10:00:00+08:00')

  it('refuses a file over 10 MB whole, whatever its size past the limit, and stores nothing', async () => {
    for (const size of [10 * MB + 100, 12 * MB, 20 * MB]) {
      const res = await upload(Buffer.concat([PDF, Buffer.alloc(size - PDF.length)]))
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body.toString())).toMatchObject({ ok: false, error: { message: '文件不能超过10MB' } })
    }
    expect(await h.all('files')).toHaveLength(0)
    expect(readdirSync(filesDir)).toHaveLength(0)
  })

  it('keeps the connection usable after a refusal', async () => {
    const refused = await upload(PDF, 'aid', 2000)
    expect(refused.status).toBe(413)
    const next = await send('GET', '/healthz')
    expect(next.status).toBe(200)
    const tooBig = await upload(Buffer.concat([PDF, Buffer.alloc(11 * MB)]))
    expect(tooBig.status).toBe(413)
    expect((await send('GET', '/healthz')).status).toBe(200)
  })

  it('seals private files on disk and serves them only through a link, as a download that is never sniffed', async () => {
    const stored = JSON.parse((await upload(PDF)).body.toString()).data
    const [onDisk] = readdirSync(filesDir)
    expect(readFileSync(join(filesDir, onDisk)).includes(MARKER)).toBe(false)
    expect((await send('GET', `/files/${stored.fileId}`)).status).toBe(403)
    const served = await send('GET', stored.url)
    expect(served.status).toBe(200)
    expect(served.body.equals(PDF)).toBe(true)
    expect(served.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-disposition': expect.stringMatching(/^attachment/) })
  })

  it('serves station photos taken by station staff inline, still never sniffed', async () => {
    token = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'dev:admin' } })).json().data.token
    const photo = JSON.parse((await upload(PNG, 'stations')).body.toString()).data
    const served = await send('GET', photo.url)
    expect(served.status).toBe(200)
    expect(served.headers['content-disposition']).toBeUndefined()
    expect(served.headers['x-content-type-options']).toBe('nosniff')
  })

  it(`takes at most ${DAILY_UPLOAD_FILES} files a person a day, then says to come back tomorrow`, async () => {
    for (let i = 0; i < DAILY_UPLOAD_FILES; i++) expect((await upload(PNG)).status).toBe(200)
    const over = await upload(PNG)
    expect(over.status).toBe(429)
    expect(JSON.parse(over.body.toString())).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED', message: '今天上传的文件太多了，请明天再试或联系工会' } })
    now += 24 * 60 * 60 * 1000
    expect((await upload(PNG)).status).toBe(200)
  })

  it('takes at most 100 MB a person a day', async () => {
    const nineMb = Buffer.concat([PDF, Buffer.alloc(9 * MB)])
    for (let i = 0; i < 11; i++) expect((await upload(nineMb)).status).toBe(200)
    expect((await upload(nineMb)).status).toBe(429)
  })

  it('removes an upload nothing refers to once 7 days have passed, and keeps one a case refers to', async () => {
    const orphan = JSON.parse((await upload(PDF)).body.toString()).data
    const kept = JSON.parse((await upload(PNG)).body.toString()).data
    await h.db.collection('files').doc(kept.fileId).update({ data: { attachedTo: { collection: 'cases', id: 'c1' } } })
    const housekeeping = () => runHousekeeping({ db: h.db, clock: () => now, removeFile: app.removeFile })
    expect(await housekeeping()).toMatchObject({ removeOrphanUploads: 0 })
    now += ORPHAN_UPLOAD_MS + 1
    expect(await housekeeping()).toMatchObject({ removeOrphanUploads: 1 })
    expect((await h.all('files')).map((f: any) => f._id)).toEqual([kept.fileId])
    expect(readdirSync(filesDir)).toEqual([kept.fileId])
    expect(orphan.fileId).not.toBe(kept.fileId)
  })
})
