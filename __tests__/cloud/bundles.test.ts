import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generatePiiKey } from '../../cloud/core/pii'
import { buildCloudFunctions } from '../../scripts/build-cloud'

const OUT = resolve(__dirname, '../../cloudfunctions')

/** A stand-in for wx-server-sdk: a CloudBase database of one `users` document and a caller. */
const fakeSdk = () => {
  const users: Record<string, Record<string, unknown>> = {
    'wx-openid-1': { _id: 'wx-openid-1', roles: ['worker'], services: [], consents: {}, createdAt: 1, updatedAt: 1 },
  }
  const collection = (name: string) => ({
    doc: (id: string) => ({
      get: async () => {
        const data = name === 'users' ? users[id] : undefined
        if (!data) throw new Error('document.get:fail document with _id ' + id + ' does not exist')
        return { data }
      },
    }),
    where: () => ({ count: async () => ({ total: 3 }) }),
  })
  return {
    DYNAMIC_CURRENT_ENV: 'dynamic',
    init: jest.fn(),
    getWXContext: () => ({ OPENID: 'wx-openid-1' }),
    database: () => ({ command: {}, Geo: {}, collection }),
  }
}

describe('deployable cloud function bundles', () => {
  beforeAll(async () => {
    await buildCloudFunctions()
  }, 60_000)

  it('writes index.js and a package.json depending on wx-server-sdk for every function', () => {
    for (const name of ['users', 'stations']) {
      expect(existsSync(join(OUT, name, 'index.js'))).toBe(true)
      const pkg = JSON.parse(readFileSync(join(OUT, name, 'package.json'), 'utf8'))
      expect(pkg).toMatchObject({ main: 'index.js', dependencies: { 'wx-server-sdk': expect.any(String) } })
      expect(readFileSync(join(OUT, name, 'index.js'), 'utf8')).not.toContain('better-sqlite3')
    }
  })

  it('answers users.me through the bundle, with identity from getWXContext', async () => {
    jest.resetModules()
    jest.doMock('wx-server-sdk', fakeSdk, { virtual: true })
    process.env.LUGONG_PII_KEY = generatePiiKey().toString('base64')
     
    const { main } = require(join(OUT, 'users', 'index.js'))
    const res = await main({ action: 'me', payload: {}, openid: 'someone-else' })
    expect(res).toEqual({
      ok: true,
      data: { openid: 'wx-openid-1', roles: ['worker'], services: [], realNamed: false, profile: null, consents: {}, consentsDue: ['privacy'], unread: 3 },
    })
  })

  it('answers with an envelope, not a crash, when the PII key is missing', async () => {
    jest.resetModules()
    jest.doMock('wx-server-sdk', fakeSdk, { virtual: true })
    delete process.env.LUGONG_PII_KEY
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
     
    const { main } = require(join(OUT, 'stations', 'index.js'))
    expect(await main({ action: 'get', payload: { id: 'x' } })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    spy.mockRestore()
  })
})
