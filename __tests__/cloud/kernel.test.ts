import * as v from 'valibot'
import { defineFunction } from '../../cloud/core/defineFunction'
import { createPii } from '../../cloud/core/pii'
import type { Db } from '../../cloud/db/types'
import { DRIVERS } from './drivers'
import { TEST_PII_KEY } from './harness'

interface ProbeContract {
  create: { input: { text: string }; output: { id: string } }
  boom: { input: Record<string, never>; output: null }
  staffOnly: { input: Record<string, never>; output: string }
  look: { input: Record<string, never>; output: string }
  forgetful: { input: Record<string, never>; output: string }
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
  look: { roles: ['worker'], access: 'read', audited: false, input: v.object({}), run: async () => 'seen' },
  forgetful: { roles: ['admin'], access: 'write', remember: false, audited: true, input: v.object({}), run: async () => 'ok' },
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

describe.each(DRIVERS)('defineFunction, the kernel of every function, on the %s driver', (_driver, open) => {
  let db: Db & { close(): void }
  const pii = createPii(TEST_PII_KEY)
  const as = (openid: string | null, call: unknown) => probe.handle(call, { db, pii, openid, clock: () => 1_000 })
  beforeEach(() => {
    db = open()
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

  it('binds a requestId to its payload: the same id with another payload is refused in words a worker understands', async () => {
    const first = await as('u1', { action: 'create', payload: { text: 'hello' }, requestId: 'intent-0002' })
    const other = await as('u1', { action: 'create', payload: { text: 'changed' }, requestId: 'intent-0002' })
    expect(other).toEqual({ ok: false, error: { code: 'CONFLICT', message: '这次提交和上一次不一致，请刷新后重新提交' } })
    expect(await as('u1', { action: 'create', payload: { text: 'hello' }, requestId: 'intent-0002' })).toEqual(first)
    expect((await db.collection('notes').count()).total).toBe(1)
  })

  it('binds a requestId only by a successful answer: a worker who fixes a field sends again with the same id', async () => {
    const refused = await as('u1', { action: 'create', payload: { text: 'x' }, requestId: 'intent-0003' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    expect(await as('u1', { action: 'create', payload: { text: 'fixed' }, requestId: 'intent-0003' })).toMatchObject({ ok: true })
    expect(await db.collection('idempotency').count()).toEqual({ total: 1 })
  })

  it('refuses all but one of three concurrent calls with one requestId and different payloads', async () => {
    const results = await Promise.all(['aaa', 'bbb', 'ccc'].map((text) => as('u1', { action: 'create', payload: { text }, requestId: 'intent-0004' })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(2)
    expect((await db.collection('notes').count()).total).toBe(1)
  })

  it('remembers no answer of a read, and binds nothing for it', async () => {
    await db.collection('users').add({ data: { _id: 'admin1', roles: ['worker', 'admin'], services: [], consents: {} } })
    await as('admin1', { action: 'look', payload: {}, requestId: 'intent-0005' })
    expect(await db.collection('idempotency').count()).toEqual({ total: 0 })
  })

  it('audits with a summary, never the payload: an extra key 1,001 levels deep changes nothing', async () => {
    await db.collection('users').add({ data: { _id: 'admin1', roles: ['worker', 'admin'], services: [], consents: {} } })
    let deep: Record<string, unknown> = { leaf: '330302198503151234' }
    for (let i = 0; i < 1001; i++) deep = { deeper: deep }
    expect(await as('admin1', { action: 'staffOnly', payload: { extra: deep } })).toEqual({ ok: true, data: 'ok' })
    const audit = (await db.collection('audit').get()).data
    expect(JSON.stringify(audit)).not.toContain('330302198503151234')
  })

  it('writes the audit record of an audited action that forgot its own, and says so in the log', async () => {
    await db.collection('users').add({ data: { _id: 'admin1', roles: ['worker', 'admin'], services: [], consents: {} } })
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await as('admin1', { action: 'forgetful', payload: {} })).toEqual({ ok: true, data: 'ok' })
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
    expect((await db.collection('audit').get()).data).toEqual([expect.objectContaining({ who: 'admin1', action: 'forgetful' })])
  })

  it('refuses to define an action that does not say what it does', () => {
    expect(() => defineFunction<{ x: { input: Record<string, never>; output: null } }>('bad', { x: { roles: ['worker'], input: v.object({}), run: async () => null } as never })).toThrow(/reads or writes/)
  })

  it('creates a worker on first contact', async () => {
    await as('newcomer', { action: 'create', payload: { text: 'hello' } })
    expect((await db.collection('users').doc('newcomer').get()).data).toMatchObject({ roles: ['worker'], services: [] })
  })
})
