import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../cloud/local/server'
import { compress } from '../../scripts/h5'
import { createHarness, type Harness } from './harness'

/**
 * The H5 files as the runtime serves them (issue 15): the copies `scripts/h5.ts` compressed after
 * the build, chosen by the browser's Accept-Encoding; hashed files kept for a year, the page itself
 * asked again each visit.
 */
describe('the H5 build served by the local runtime', () => {
  let h: Harness
  let app: FastifyInstance
  // A script long and repetitive enough that compression pays, as a real bundle's does.
  const SCRIPT = `console.log(${JSON.stringify('鹿工之家 '.repeat(400))})\n`
  const PAGE = '<!doctype html><html><head><script src="/js/app.1a2b3c4d.js"></script></head><body>鹿工之家 鹿工之家 鹿工之家 鹿工之家</body></html>'

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lugong-h5-'))
    mkdirSync(join(dir, 'js'))
    mkdirSync(join(dir, 'static'))
    writeFileSync(join(dir, 'index.html'), PAGE)
    writeFileSync(join(dir, 'js/app.1a2b3c4d.js'), SCRIPT)
    writeFileSync(join(dir, 'static/tab.png'), Buffer.from('89504e470d0a1a0a', 'hex'))
    compress(dir)
    h = await createHarness()
    app = await buildServer({ db: h.db, pii: h.pii, dev: true, tokenSecret: 't', h5Dir: dir, filesDir: mkdtempSync(join(tmpdir(), 'lugong-files-')) })
  })
  afterAll(async () => {
    await app.close()
    h.close()
  })

  const get = (url: string, encoding?: string) => app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} })

  it('sends the brotli copy to a browser that takes it, gzip to one that takes only that, the file itself otherwise', async () => {
    const br = await get('/js/app.1a2b3c4d.js', 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT)

    const gz = await get('/js/app.1a2b3c4d.js', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT)

    const plain = await get('/js/app.1a2b3c4d.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.payload).toBe(SCRIPT)
    for (const res of [br, gz, plain]) expect(res.headers.vary).toMatch(/Accept-Encoding/i)
  })

  it('keeps hashed files for a year and asks again for the page and unhashed files', async () => {
    expect((await get('/js/app.1a2b3c4d.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const page = await get('/', 'br')
    expect(page.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(PAGE)
    expect(page.headers['cache-control']).toBe('no-cache')
    const image = await get('/static/tab.png', 'br')
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-encoding']).toBeUndefined()
    expect(image.headers['cache-control']).toBe('no-cache')
  })
})
