import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloud/local/server'
import { createHarness, type Harness } from './harness'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

function multipart(filename: string, content: Buffer, service: string | null = 'aid') {
  const boundary = '----lugong-test'
  const parts = [
    service === null ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="service"\r\n\r\n${service}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  ]
  const body = Buffer.concat([Buffer.from(parts.join('')), content, Buffer.from(`\r\n--${boundary}--\r\n`)])
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describe('local runtime over HTTP', () => {
  let h: Harness
  let app: FastifyInstance
  const start = async (dev: boolean) => {
    app = await buildServer({ db: h.db, pii: h.pii, dev, tokenSecret: 'test-secret', filesDir: mkdtempSync(join(tmpdir(), 'lugong-files-')) })
  }
  const login = async (code: string) => (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code } })).json()
  const post = (url: string, payload: unknown, token?: string) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} })

  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(async () => {
    await app?.close()
    h.close()
  })

  it('logs a dev persona in and answers its calls with the envelope', async () => {
    await start(true)
    const res = await login('dev:worker')
    expect(res).toMatchObject({ ok: true, data: { token: expect.any(String), user: { openid: 'dev-worker', realNamed: true } } })
    const me = await post('/api/users', { action: 'me' }, res.data.token)
    expect(me.json()).toMatchObject({ ok: true, data: { openid: 'dev-worker' } })
  })

  it('takes identity from the token only, never from the body', async () => {
    await start(true)
    const { data } = await login('dev:worker2')
    const res = await post('/api/users', { action: 'me', openid: 'dev-admin', payload: { openid: 'dev-admin' } }, data.token)
    expect(res.json().data.openid).toBe('dev-worker2')
    expect((await post('/api/users', { action: 'me' }, 'forged.token.value')).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('refuses dev codes and hides personas in production mode', async () => {
    await start(false)
    expect(await login('dev:admin')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect((await app.inject({ method: 'GET', url: '/api/auth/personas' })).statusCode).toBe(403)
  })

  it('answers malformed JSON, oversized bodies and unknown functions with an envelope, and keeps serving', async () => {
    await start(true)
    const bad = await app.inject({ method: 'POST', url: '/api/users', payload: '{bad', headers: { 'content-type': 'application/json' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const huge = await post('/api/users', { action: 'me', payload: { text: 'x'.repeat(300_000) } })
    expect(huge.statusCode).toBe(413)
    expect(huge.json()).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } })
    const unknown = await post('/api/nothing', { action: 'me' })
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const proto = await post('/api/__proto__', { action: 'me' })
    expect(proto.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const array = await post('/api/users', [1, 2])
    expect(array.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ ok: true })
  })

  const upload = async (token: string, file: ReturnType<typeof multipart>) =>
    app.inject({ method: 'POST', url: '/api/upload', payload: file.body, headers: { ...file.headers, authorization: `Bearer ${token}` } })

  it('stores an upload checked by content, and refuses the wrong type whatever its name', async () => {
    await start(true)
    const { data } = await login('dev:worker')
    const stored = await upload(data.token, multipart('photo.png', PNG))
    expect(stored.json()).toMatchObject({ ok: true, data: { mime: 'image/png', fileId: expect.stringMatching(/^[0-9a-f]{32}\.png$/) } })
    const back = await app.inject({ method: 'GET', url: stored.json().data.url })
    expect(back.headers['content-type']).toBe('image/png')
    expect(back.rawPayload.equals(PNG)).toBe(true)

    const refused = await upload(data.token, multipart('photo.jpg', Buffer.from('MZ this is an exe')))
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { file: expect.any(String) } } })
    const noService = await upload(data.token, multipart('photo.png', PNG, null))
    expect(noService.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { service: expect.any(String) } } })
    expect(await h.all('files')).toHaveLength(1)

    const good = multipart('photo.png', PNG)
    const anonymous = await app.inject({ method: 'POST', url: '/api/upload', payload: good.body, headers: good.headers })
    expect(anonymous.statusCode).toBe(401)
  })

  it('lets only the owner and staff of the file\'s service read a private file, through a link that expires', async () => {
    await start(true)
    const owner = (await login('dev:worker')).data.token
    const { fileId } = (await upload(owner, multipart('proof.png', PNG, 'aid'))).json().data
    expect((await app.inject({ method: 'GET', url: `/files/${fileId}` })).statusCode).toBe(403)

    const linkFor = async (token: string) => (await post('/api/files', { action: 'url', payload: { fileId } }, token)).json()
    const mine = await linkFor(owner)
    expect(mine).toMatchObject({ ok: true, data: { url: expect.stringContaining(`/files/${fileId}?exp=`) } })
    expect((await app.inject({ method: 'GET', url: mine.data.url })).statusCode).toBe(200)
    expect(await linkFor((await login('dev:volunteer')).data.token)).toMatchObject({ ok: true })

    await h.db.collection('users').add({ data: { _id: 'dev-stationsvol', roles: ['worker', 'volunteer'], services: ['stations'], consents: {} } })
    for (const code of ['dev:worker2', 'dev:stationsvol', 'dev:hr']) {
      expect(await linkFor((await login(code)).data.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const forged = mine.data.url.replace(/sig=[0-9a-f]{4}/, 'sig=0000')
    expect((await app.inject({ method: 'GET', url: forged })).statusCode).toBe(403)
    const expired = mine.data.url.replace(/exp=\d+/, `exp=${Date.now() - 1000}`)
    expect((await app.inject({ method: 'GET', url: expired })).statusCode).toBe(403)
    expect(await post('/api/files', { action: 'url', payload: {} }, owner).then((r) => r.json())).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await post('/api/files', { action: 'url', payload: { fileId: 'nope' } }, owner).then((r) => r.json())).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('makes station photos taken by station staff readable by everyone', async () => {
    await start(true)
    const admin = (await login('dev:admin')).data.token
    const photo = (await upload(admin, multipart('station.png', PNG, 'stations'))).json().data
    expect(photo.url).toBe(`/files/${photo.fileId}`)
    expect((await app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(200)
    const byWorker = (await upload((await login('dev:worker')).data.token, multipart('selfie.png', PNG, 'stations'))).json().data
    expect((await app.inject({ method: 'GET', url: `/files/${byWorker.fileId}` })).statusCode).toBe(403)
  })

  it('refuses a file over 10 MB', async () => {
    await start(true)
    const { data } = await login('dev:admin')
    const res = await upload(data.token, multipart('big.png', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1)])))
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '文件不能超过10MB' } })
  })
})
