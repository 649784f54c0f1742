import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post, startRuntimeProcess, type RuntimeProcess } from './runtimeProcess'

/**
 * `npm start`'s runtime reads requests in its main thread and runs the cloud (functions, database,
 * files) in another (`cloud/local/thread.ts`). Everything a phone does crosses over whole: a call,
 * a refused token, an upload stored sealed, the file read back through its link, the health check.
 */

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from('这是一张照片的内容，用来比对')])

describe('the local runtime with its cloud in a thread of its own', () => {
  let dir: string
  let runtime: RuntimeProcess
  let token: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lugong-threads-'))
    runtime = await startRuntimeProcess({ LUGONG_DATA_DIR: dir, LUGONG_SEED: 'on', NODE_ENV: 'development' })
    token = (await post(`${runtime.url}/api/auth/login`, { code: 'dev:worker' })).data.token
  })
  afterAll(async () => {
    await runtime.stop('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  })

  it('answers a function call as the caller the token names, and a wrong token with 401', async () => {
    const me = await post(`${runtime.url}/api/users`, { action: 'me' }, token)
    expect(me).toMatchObject({ ok: true, data: { openid: 'dev-worker', realNamed: true } })
    const nearby = await post(`${runtime.url}/api/stations`, { action: 'nearby', payload: { lat: 28.0, lng: 120.65, limit: 3 } }, token)
    expect(nearby.data.items).toHaveLength(3)
    const refused = await fetch(`${runtime.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}x` },
      body: JSON.stringify({ action: 'me' }),
    })
    expect(refused.status).toBe(401)
    expect((await fetch(`${runtime.url}/api/nothing`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404)
    expect(await (await fetch(`${runtime.url}/healthz`)).json()).toEqual({ ok: true })
  })

  it('stores an upload sealed, and gives it back whole through its link', async () => {
    const form = new FormData()
    form.append('service', 'aid')
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png')
    const res = await fetch(`${runtime.url}/api/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
    const { data } = (await res.json()) as { data: { fileId: string; url: string } }
    expect(res.status).toBe(200)
    const stored = readFileSync(join(dir, 'files', data.fileId))
    expect(stored.includes(Buffer.from('这是一张照片'))).toBe(false)
    const back = await fetch(`${runtime.url}${data.url}`)
    expect(back.status).toBe(200)
    expect(back.headers.get('content-disposition')).toContain('attachment')
    expect(Buffer.from(await back.arrayBuffer())).toEqual(PNG)
    expect((await fetch(`${runtime.url}/files/${data.fileId}`)).status).toBe(403)
    expect(readdirSync(join(dir, 'files'))).toEqual([data.fileId])
  })

  it('stops on SIGTERM with code 0, its database closed whole', async () => {
    await runtime.stop('SIGTERM')
    expect(runtime.child.exitCode).toBe(0)
    expect(readdirSync(dir).filter((name) => name.endsWith('-wal') && readFileSync(join(dir, name)).length > 0)).toEqual([])
  })

  it('ends and says why when its cloud cannot start: a database file that is not one', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'lugong-broken-'))
    try {
      writeFileSync(join(broken, 'lugong.sqlite'), Buffer.alloc(4096, 7))
      await expect(startRuntimeProcess({ LUGONG_DATA_DIR: broken, NODE_ENV: 'development' })).rejects.toThrow(/exited before it was ready[\s\S]*file is not a database/)
    } finally {
      rmSync(broken, { recursive: true, force: true })
    }
  })
})
