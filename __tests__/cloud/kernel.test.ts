import * as v from 'valibot'
import { defineFunction } from '../../cloud/core/defineFunction'
import { createPii } from '../../cloud/core/pii'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { TEST_PII_KEY } from './harness'

interface ProbeContract {
  create: { input: { text: string }; output: { id: string } }
  boom: { input: Record<string, never>; output: null }
  staffOnly: { input: Record<string, never>; output: string }
}

const probe = defineFunction<ProbeContract>('probe', {
  create: {
    roles: ['worker'],
    access: 'write',
    remember: true,
    audited: false,
    input: v.object({ text: v.pipe(v.string('请填写内容'), v.minLength(2, '至少2个字')) }),
    async run(ctx, input) {
      await new Promise((r) => setTimeout(r, 5))
      const { _id } = await ctx.db.collection('notes').add({ data: { text: input.text, by: ctx.user._id } })
      return { id: _id }
    },
  },
  boom: {
    roles: ['worker'],
    access: 'write',
    remember: true,
    audited: false,
    input: v.object({}),
    async run() {
      throw new Error('secret internals at /srv/app.js:12')
    },
  },
  staffOnly: {
    roles: ['volunteer:stations', 'admin'],
    access: 'write',
    remember: true,
    audited: true,
    input: v.object({}),
    run: async (ctx) => {
      await ctx.audit({ summary: '试一试' })
      return 'ok'
    },
  },
})

describe('defineFunction, the kernel of every function', () => {
  let db: SqliteDb
  const pii = createPii(TEST_PII_KEY)
  const as = (openid: string | null, call: unknown) => probe.handle(call, { db, pii, openid, clock: () => 1_000 })
  beforeEach(() => {
    db = new SqliteDb({ filename: ':memory:' })
  })
  afterEach(() => db.close())

  it('refuses a caller the platform did not identify', async () => {
    expect(await as(null, { action: 'create', payload: { text: 'hello' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('refuses an unknown action and a malformed call', async () => {
    expect(await as('u1', { action: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await as('u1', { action: 'toString' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await as('u1', null)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('names each wrong field in Chinese and writes nothing', async () => {
    const res = await as('u1', { action: 'create', payload: { text: 'x' } })
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '至少2个字', fields: { text: '至少2个字' } } })
    expect((await db.collection('notes').count()).total).toBe(0)
  })

  it('refuses a malformed requestId', async () => {
    const res = await as('u1', { action: 'create', payload: { text: 'hello' }, requestId: 'x' })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { requestId: expect.any(String) } } })
  })

  it('checks the role and the service scope', async () => {
    await db.collection('users').add({ data: { _id: 'vol-childcare', roles: ['worker', 'volunteer'], services: ['childcare'], consents: {} } })
    await db.collection('users').add({ data: { _id: 'vol-stations', roles: ['worker', 'volunteer'], services: ['stations'], consents: {} } })
    expect(await as('u1', { action: 'staffOnly' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as('vol-childcare', { action: 'staffOnly' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await as('vol-stations', { action: 'staffOnly' })).toEqual({ ok: true, data: 'ok' })
  })

  it('audits staff actions: who, what, when', async () => {
    await db.collection('users').add({ data: { _id: 'admin1', roles: ['worker', 'admin'], services: [], consents: {} } })
    await as('admin1', { action: 'staffOnly' })
    const audit = (await db.collection('audit').get()).data
    expect(audit).toEqual([expect.objectContaining({ who: 'admin1', fn: 'probe', action: 'staffOnly', at: 1_000 })])
  })

  it('makes one record of the same requestId sent 10 times at once', async () => {
    const call = { action: 'create', payload: { text: 'hello' }, requestId: 'intent-0001' }
    const results = await Promise.all(Array.from({ length: 10 }, () => as('u1', call)))
    expect((await db.collection('notes').count()).total).toBe(1)
    const ids = new Set(results.map((r) => (r.ok ? (r.data as { id: string }).id : 'error')))
    expect([...ids]).toHaveLength(1)
    expect(ids.has('error')).toBe(false)
  })

  it('keeps requestIds of different users apart', async () => {
    await as('u1', { action: 'create', payload: { text: 'hello' }, requestId: 'intent-0001' })
    await as('u2', { action: 'create', payload: { text: 'hello' }, requestId: 'intent-0001' })
    expect((await db.collection('notes').count()).total).toBe(2)
  })

  it('answers an unexpected failure with INTERNAL and no internals', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const res = await as('u1', { action: 'boom' })
    spy.mockRestore()
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(JSON.stringify(res)).not.toContain('/srv')
  })

  it('forgets requestIds after a week, so the record of intents does not grow for ever', async () => {
    const { forgetOldIntents, INTENT_MEMORY_MS } = await import('../../cloud/core/idempotency')
    await as('u1', { action: 'create', payload: { text: 'hello' }, requestId: 'intent-old-1' })
    expect(await forgetOldIntents(db, 1_000 + INTENT_MEMORY_MS)).toBe(0)
    expect(await forgetOldIntents(db, 1_000 + INTENT_MEMORY_MS + 1)).toBe(1)
    expect((await db.collection('idempotency').count()).total).toBe(0)
  })

  it('creates a worker on first contact', async () => {
    await as('newcomer', { action: 'create', payload: { text: 'hello' } })
    expect((await db.collection('users').doc('newcomer').get()).data).toMatchObject({ roles: ['worker'], services: [] })
  })
})
