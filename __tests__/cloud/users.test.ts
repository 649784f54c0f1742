import { idCheckChar } from '../../cloud/domain/identity/idNumber'
import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { createHarness, type Harness } from './harness'

const validId = (first17: string) => first17 + idCheckChar(first17)
const ID_A = validId('33030219900101123')
const ID_B = validId('33030419920202456')

const profile = (over: Record<string, unknown> = {}) => ({
  name: '李秀英',
  mobile: '13912345678',
  idNumber: ID_A,
  employer: '鹿城区环卫所',
  unionMember: false,
  ...over,
})

describe('users', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  describe('me', () => {
    it('shows the profile with ID number and mobile masked, never in clear', async () => {
      const me = await h.ok('dev-worker', 'users', 'me')
      expect(me.profile).toMatchObject({ name: '张建国', mobileMasked: '138****2345' })
      expect(me.profile.idNumberMasked).toMatch(/^3303\*{10}\d{3}[\dX]$/)
      expect(JSON.stringify(me)).not.toContain('13857712345')
      expect(me).not.toHaveProperty('pii')
    })

    it('refuses a caller with no identity', async () => {
      expect(await h.call(null, 'users', 'me')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    })

    it('refuses a payload that is not an object', async () => {
      expect(await h.call('dev-worker', 'users', 'me', 'me please')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    })
  })

  describe('updateProfile', () => {
    beforeEach(async () => {
      for (const who of ['dev-worker2', 'someone-else']) await h.ok(who, 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
    })

    it('refuses a real name sent before its own consent was given, and keeps nothing', async () => {
      const before = await h.all('users')
      const res = await h.call('dev-worker3', 'users', 'updateProfile', profile({ idNumber: ID_B }))
      expect(res).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: '请先阅读并同意《实名信息收集说明》' } })
      expect((await h.all('users')).filter((u) => u._id !== 'dev-worker3')).toEqual(before)
      expect((await h.all('realname_claims')).some((c) => c.userId === 'dev-worker3')).toBe(false)
    })

    it('stores the ID number and mobile encrypted, with a blind index', async () => {
      const me = await h.ok('dev-worker2', 'users', 'updateProfile', profile())
      expect(me).toMatchObject({ realNamed: true, profile: { name: '李秀英', mobileMasked: '139****5678', unionMember: false } })
      const raw = (await h.db.collection('users').doc('dev-worker2').get()).data as any
      expect(JSON.stringify(raw)).not.toContain(ID_A)
      expect(JSON.stringify(raw)).not.toContain('13912345678')
      expect(h.pii.decrypt(raw.pii.idNumber)).toBe(ID_A)
      expect(raw.pii.idNumberBlind).toBe(h.pii.blindIndex(ID_A))
    })

    it('names every wrong field and changes nothing', async () => {
      const before = await h.all('users')
      const res = await h.call('dev-worker2', 'users', 'updateProfile', {
        name: '李',
        mobile: '12345',
        idNumber: validId('33030219900101123').slice(0, 17) + 'Y',
        employer: '',
        unionMember: 'yes',
      })
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      if (res.ok) return
      expect(Object.keys(res.error.fields!).sort()).toEqual(['employer', 'idNumber', 'mobile', 'name', 'unionMember'])
      expect(await h.all('users')).toEqual(before)
    })

    it('refuses an ID number whose GB 11643 check character is wrong', async () => {
      const wrong = ID_A.slice(0, 17) + (ID_A[17] === '1' ? '2' : '1')
      const res = await h.call('dev-worker2', 'users', 'updateProfile', profile({ idNumber: wrong }))
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { idNumber: expect.stringContaining('身份证号不正确') } } })
    })

    it('refuses an ID number already real-named on another account', async () => {
      await h.ok('dev-worker2', 'users', 'updateProfile', profile())
      const res = await h.call('someone-else', 'users', 'updateProfile', profile({ name: '王五' }))
      expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { idNumber: expect.any(String) } } })
      expect((await h.db.collection('users').doc('someone-else').get()).data).not.toHaveProperty('profile')
    })

    it('lets a worker correct their own profile with the same ID number', async () => {
      await h.ok('dev-worker2', 'users', 'updateProfile', profile())
      const me = await h.ok('dev-worker2', 'users', 'updateProfile', profile({ idNumber: ID_A.toLowerCase(), unionMember: true }))
      expect(me.profile.unionMember).toBe(true)
      const me2 = await h.ok('dev-worker2', 'users', 'updateProfile', profile({ idNumber: ID_B }))
      expect(me2.profile.idNumberMasked.slice(-4)).toBe(ID_B.slice(-4))
    })

    it('changes only the caller\'s own profile, whatever the payload says', async () => {
      await h.ok('dev-worker2', 'users', 'updateProfile', { ...profile(), openid: 'dev-worker', _id: 'dev-worker' })
      const worker = await h.ok('dev-worker', 'users', 'me')
      expect(worker.profile.name).toBe('张建国')
    })
  })

  describe('consent', () => {
    it('records the policy version with the time', async () => {
      h.setNow(1_800_000_000_000)
      const me = await h.ok('dev-worker2', 'users', 'consent', { policy: 'privacy', version: '2026.11' })
      expect(me.consents.privacy).toEqual({ version: '2026.11', at: 1_800_000_000_000 })
    })

    it('refuses an unknown policy and writes nothing', async () => {
      const before = await h.all('users')
      const res = await h.call('dev-worker2', 'users', 'consent', { policy: 'marketing', version: '1' })
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { policy: expect.any(String) } } })
      expect(await h.all('users')).toEqual(before)
    })
  })

  describe('inbox and markRead', () => {
    beforeEach(async () => {
      const inbox = h.db.collection('inbox')
      await inbox.add({ data: { _id: 'm1', userId: 'dev-worker', title: '甲', body: '…', read: false, createdAt: 1 } })
      await inbox.add({ data: { _id: 'm2', userId: 'dev-worker', title: '乙', body: '…', read: false, createdAt: 2 } })
      await inbox.add({ data: { _id: 'm3', userId: 'dev-worker2', title: '丙', body: '…', read: false, createdAt: 3 } })
    })

    it('lists only the caller\'s messages, newest first, with the unread count', async () => {
      const page = await h.ok('dev-worker', 'users', 'inbox', {})
      expect(page.items.map((m: any) => m._id)).toEqual(['m2', 'm1'])
      expect(page.unread).toBe(2)
    })

    it('pages with a cursor', async () => {
      const first = await h.ok('dev-worker', 'users', 'inbox', { limit: 1 })
      const second = await h.ok('dev-worker', 'users', 'inbox', { limit: 1, cursor: first.nextCursor })
      expect([first.items[0]._id, second.items[0]._id]).toEqual(['m2', 'm1'])
      expect(second.nextCursor).toBeUndefined()
    })

    it('marks read only the caller\'s own messages', async () => {
      expect(await h.ok('dev-worker', 'users', 'markRead', { ids: ['m1', 'm3'] })).toEqual({ updated: 1 })
      expect((await h.db.collection('inbox').doc('m3').get()).data).toMatchObject({ read: false })
      expect(await h.ok('dev-worker', 'users', 'markRead', { ids: 'all' })).toEqual({ updated: 2 })
      expect((await h.ok('dev-worker', 'users', 'me')).unread).toBe(0)
      expect((await h.ok('dev-worker2', 'users', 'me')).unread).toBe(1)
    })

    it('refuses bad input', async () => {
      expect(await h.call('dev-worker', 'users', 'markRead', { ids: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await h.call('dev-worker', 'users', 'inbox', { limit: 500 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { limit: expect.any(String) } } })
    })
  })
})
