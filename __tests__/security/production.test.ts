import Database from 'better-sqlite3'
import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServer, type LocalServer } from '../../cloud/local/server'
import { createHarness, type Harness } from '../cloud/harness'
import { post, startRuntimeProcess } from './runtimeProcess'

/**
 * Production mode trusts nothing of the dev world: no personas, no `dev:` logins, no token it did
 * not sign itself for production with an expiry and a string subject that is not a dev persona's;
 * and a fresh production runtime seeds no persona, and demo stations only when asked.
 */

const SECRET = 'the-production-secret'
const b64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url')

/** A JWT as anyone could write one: a header, claims, and an HMAC with `secret` (or no signature at all). */
function jwt(claims: object, { secret = SECRET, alg = 'HS256' }: { secret?: string | null; alg?: string } = {}) {
  const head = `${b64url({ alg, typ: 'JWT' })}.${b64url(claims)}`
  if (secret === null) return `${head}.`
  const hash = alg === 'HS512' ? 'sha512' : 'sha256'
  return `${head}.${b64url(createHmac(hash, secret).update(head).digest())}`
}

const now = () => Math.floor(Date.now() / 1000)
const claims = (over: object = {}) => ({ sub: 'oQ9xT1realOpenid0001', aud: 'lugong:production', iat: now(), exp: now() + 3600, ...over })

const REFUSED_TOKENS: Array<[string, string]> = [
  ['a token signed with another secret', jwt(claims(), { secret: 'some-other-secret' })],
  ['a token without exp', jwt((({ exp, ...rest }) => (void exp, rest))(claims()))],
  ['a token with alg none', jwt(claims(), { secret: null, alg: 'none' })],
  ['a token whose sub is an object', jwt(claims({ sub: { openid: 'oQ9xT1realOpenid0001' } }))],
  ['a valid production token whose sub is dev-admin', jwt(claims({ sub: 'dev-admin' }))],
  ['a token for dev mode (its audience)', jwt(claims({ aud: 'lugong:dev' }))],
  ['an expired token', jwt(claims({ iat: now() - 7200, exp: now() - 3600 }))],
  ['a token signed with HS512', jwt(claims(), { alg: 'HS512' })],
  ['a token whose sub is an empty string', jwt(claims({ sub: '' }))],
  ['something that is not a token', 'not.a.token'],
]

describe('buildServer in production mode', () => {
  let h: Harness
  let app: LocalServer
  const filesDir = mkdtempSync(join(tmpdir(), 'lugong-prod-files-'))
  beforeAll(async () => {
    h = await createHarness()
    app = await buildServer({ db: h.db, pii: h.pii, dev: false, tokenSecret: SECRET, filesDir })
  })
  afterAll(async () => {
    await app.close()
    h.close()
    rmSync(filesDir, { recursive: true, force: true })
  })

  const me = (token: string) => app.inject({ method: 'POST', url: '/api/users', payload: { action: 'me' }, headers: { authorization: `Bearer ${token}` } })

  it('refuses the personas list and a dev: login', async () => {
    const personas = await app.inject({ method: 'GET', url: '/api/auth/personas' })
    expect([personas.statusCode, personas.json()]).toEqual([403, { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } }])
    for (const code of ['dev:worker', 'dev:admin']) {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code } })
      expect([login.statusCode, login.json()]).toEqual([401, { ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } }])
    }
  })

  it('takes a token it signed for production (the control for the refusals below)', async () => {
    expect((await me(jwt(claims()))).json()).toMatchObject({ ok: true, data: { openid: 'oQ9xT1realOpenid0001', roles: ['worker'] } })
  })

  it.each(REFUSED_TOKENS)('%s: UNAUTHENTICATED, never INTERNAL, and let in nowhere', async (_name, token) => {
    const before = (await h.all('users')).length
    expect((await me(token)).json()).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
    const queue = await app.inject({ method: 'POST', url: '/api/aid', payload: { action: 'queue', payload: { filter: 'waiting' } }, headers: { authorization: `Bearer ${token}` } })
    expect(queue.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    const upload = await app.inject({ method: 'POST', url: '/api/upload', payload: 'x', headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' } })
    expect([upload.statusCode, upload.json().error.code]).toEqual([401, 'UNAUTHENTICATED'])
    expect(await h.all('users')).toHaveLength(before)
  })

  it('answers a function call with a refused token with HTTP 401, as the login and the upload route do', async () => {
    const statuses: string[] = []
    for (const [name, token] of REFUSED_TOKENS) statuses.push(`${name}: HTTP ${(await me(token)).statusCode}`)
    expect(statuses.filter((s) => !s.endsWith('HTTP 401'))).toEqual([])
  })
})

describe('cloud/local/main.ts with NODE_ENV=production on a fresh folder', () => {
  const folders: string[] = []
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lugong-prod-'))
    folders.push(dir)
    return dir
  }
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true })
  })

  /** What a fresh production runtime left in its folder, counted once it has stopped. */
  function contents(dir: string) {
    const file = new Database(join(dir, 'lugong.sqlite'), { readonly: true })
    try {
      const count = (table: string, where = '1') => {
        const exists = file.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as number
        return exists ? (file.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number) : 0
      }
      return {
        devUsers: count('c_users', "_id LIKE 'dev-%'"),
        stations: count('c_stations'),
        seededMembers: count('c_medical_members', "json_extract(doc, '$.importedBy') = 'seed'"),
      }
    } finally {
      file.close()
    }
  }

  it('seeds no dev persona and no demo station, and refuses dev logins', async () => {
    const dir = fresh()
    const runtime = await startRuntimeProcess({ LUGONG_DATA_DIR: dir, NODE_ENV: 'production' })
    try {
      expect(runtime.output()).toContain('production mode')
      expect(await post(`${runtime.url}/api/auth/login`, { code: 'dev:admin' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(await fetch(`${runtime.url}/api/auth/personas`).then((r) => r.status)).toBe(403)
    } finally {
      await runtime.stop('SIGTERM')
    }
    expect(contents(dir)).toEqual({ devUsers: 0, stations: 0, seededMembers: 0 })
  }, 60_000)

  it('with LUGONG_SEED=on seeds the demo stations, and still no persona', async () => {
    const dir = fresh()
    const runtime = await startRuntimeProcess({ LUGONG_DATA_DIR: dir, NODE_ENV: 'production', LUGONG_SEED: 'on' })
    await runtime.stop('SIGTERM')
    expect(contents(dir)).toEqual({ devUsers: 0, stations: expect.any(Number), seededMembers: 0 })
    expect(contents(dir).stations).toBeGreaterThan(0)
  }, 60_000)

  it('does not take a token the same folder signed in dev mode', async () => {
    const dir = fresh()
    const dev = await startRuntimeProcess({ LUGONG_DATA_DIR: dir, NODE_ENV: 'development' })
    let token: string
    try {
      token = (await post(`${dev.url}/api/auth/login`, { code: 'dev:admin' })).data.token
      expect(await post(`${dev.url}/api/users`, { action: 'me' }, token)).toMatchObject({ ok: true, data: { openid: 'dev-admin' } })
    } finally {
      await dev.stop('SIGTERM')
    }
    const production = await startRuntimeProcess({ LUGONG_DATA_DIR: dir, NODE_ENV: 'production' })
    try {
      expect(await post(`${production.url}/api/users`, { action: 'me' }, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(await post(`${production.url}/api/aid`, { action: 'queue', payload: { filter: 'waiting' } }, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    } finally {
      await production.stop('SIGTERM')
    }
  }, 60_000)
})
