import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloud/local/server'
import { createHarness, type Harness } from './harness'

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

function multipart(filename: string, content: Buffer) {
  const boundary = '----lugong-test'
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
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

  it('stores an upload checked by content, and refuses the wrong type whatever its name', async () => {
    await start(true)
    const { data } = await login('dev:admin')
    const auth = { authorization: `Bearer ${data.token}` }
    const good = multipart('photo.png', PNG)
    const stored = await app.inject({ method: 'POST', url: '/api/upload', payload: good.body, headers: { ...good.headers, ...auth } })
    expect(stored.json()).toMatchObject({ ok: true, data: { mime: 'image/png', url: expect.stringMatching(/^\/files\/[0-9a-f]{32}\.png$/) } })
    const back = await app.inject({ method: 'GET', url: stored.json().data.url })
    expect(back.headers['content-type']).toBe('image/png')
    expect(back.rawPayload.equals(PNG)).toBe(true)

    const fake = multipart('photo.jpg', Buffer.from('MZ this is an exe'))
    const refused = await app.inject({ method: 'POST', url: '/api/upload', payload: fake.body, headers: { ...fake.headers, ...auth } })
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })

    const anonymous = await app.inject({ method: 'POST', url: '/api/upload', payload: good.body, headers: good.headers })
    expect(anonymous.statusCode).toBe(401)
  })

  it('refuses a file over 10 MB', async () => {
    await start(true)
    const { data } = await login('dev:admin')
    const big = multipart('big.png', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024 + 1)]))
    const res = await app.inject({ method: 'POST', url: '/api/upload', payload: big.body, headers: { ...big.headers, authorization: `Bearer ${data.token}` } })
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '文件不能超过10MB' } })
  })
})
