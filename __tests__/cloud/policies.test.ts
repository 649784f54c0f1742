import { POLICY_KEYS } from '../../types/policies'
import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { addUpload, winterApplication } from './aidFixtures'
import { createHarness, type Harness } from './harness'

/**
 * The policies are data with versions (issue 15): readable by anyone, also before signing in; an
 * admin replaces a text (nobody is asked again) or publishes a new version (everyone is); a consent
 * names the version in force or is refused on its field, writing nothing.
 */
describe('policies', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  const newAidText = (version: string, body = '家庭收入、银行卡和材料照片，只用于这次帮扶。') => ({
    key: 'aid',
    version,
    title: '困难帮扶敏感信息收集说明',
    draft: false,
    sections: [{ heading: '我们收集什么', body }],
  })

  it('gives anyone, signed in or not, the text in force of every policy: a draft covering what PIPL art. 17 asks', async () => {
    const list = await h.call<{ items: Array<{ key: string; version: string; draft: boolean }> }>(null, 'users', 'policies', {})
    expect(list.ok && list.data.items.map((p) => p.key)).toEqual(POLICY_KEYS)
    for (const key of POLICY_KEYS) {
      const res = await h.call<{ version: string; inForce: string; draft: boolean; sections: Array<{ heading: string; body: string }> }>(null, 'users', 'policy', { key })
      if (!res.ok) throw new Error(JSON.stringify(res))
      expect(res.data).toMatchObject({ version: FIRST_VERSION, inForce: FIRST_VERSION, draft: true })
      const headings = res.data.sections.map((s) => s.heading).join('|')
      for (const part of ['谁在处理您的信息', '谁能看到', '怎样撤回同意和删除', '您的权利']) expect(headings).toContain(part)
      const text = res.data.sections.map((s) => s.body).join('')
      // DOMAIN.md's retention: audit records 3 years, paid-out money kept without personal data.
      expect(text).toContain('保存3年')
      expect(text).toContain('不含个人信息')
    }
    const child = await h.ok(null as unknown as string, 'users', 'policy', { key: 'child' })
    expect(JSON.stringify(child.sections)).toContain('第三十一条')
    const medical = await h.ok(null as unknown as string, 'users', 'policy', { key: 'medical' })
    expect(JSON.stringify(medical.sections)).toContain('参保年度结束后2年')
  })

  it('replacing the text of the version in force asks nobody again', async () => {
    await h.ok('dev-worker', 'users', 'consent', { policy: 'privacy', version: FIRST_VERSION })
    const privacy = { key: 'privacy', version: FIRST_VERSION, title: '鹿工之家隐私政策', draft: true, sections: [{ heading: '改了一个错字', body: '正文。' }] }
    await h.ok('dev-admin', 'users', 'setPolicy', privacy)
    const me = await h.ok('dev-worker', 'users', 'me', {})
    expect(me.consentsDue).toEqual([])
    const read = await h.ok('dev-worker', 'users', 'policy', { key: 'privacy' })
    expect(read).toMatchObject({ version: FIRST_VERSION, sections: [{ heading: '改了一个错字' }] })
  })

  it('a new version asks again: the old consent is due, a form with the old version is refused and writes nothing', async () => {
    await h.ok('dev-worker', 'users', 'consent', { policy: 'privacy', version: FIRST_VERSION })
    expect((await h.ok('dev-worker', 'users', 'me', {})).consentsDue).toEqual([])
    await h.ok('dev-admin', 'users', 'setPolicy', { ...newAidText('2027.1'), key: 'privacy', title: '鹿工之家隐私政策' })
    expect((await h.ok('dev-worker', 'users', 'me', {})).consentsDue).toEqual(['privacy'])
    const stale = await h.call('dev-worker', 'users', 'consent', { policy: 'privacy', version: FIRST_VERSION })
    expect(stale).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { version: expect.stringContaining('已经更新') } } })
    await h.ok('dev-worker', 'users', 'consent', { policy: 'privacy', version: '2027.1' })
    expect((await h.ok('dev-worker', 'users', 'me', {})).consentsDue).toEqual([])

    await h.ok('dev-admin', 'users', 'setPolicy', newAidText('2027.1'))
    const fileId = await addUpload(h, 'dev-worker')
    const refused = await h.call('dev-worker', 'aid', 'apply', winterApplication(fileId))
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { consentVersion: '《困难帮扶敏感信息收集说明》已经更新，请重新阅读后再同意' } } })
    expect(await h.all('cases')).toHaveLength(0)
    await h.ok('dev-worker', 'aid', 'apply', winterApplication(fileId, { consentVersion: '2027.1' }))

    // What the worker agreed to before can still be read, version by version.
    expect(await h.ok('dev-worker', 'users', 'policy', { key: 'aid', version: FIRST_VERSION })).toMatchObject({ version: FIRST_VERSION, inForce: '2027.1', draft: true })
    expect(await h.ok('dev-worker', 'users', 'policy', { key: 'aid' })).toMatchObject({ version: '2027.1', inForce: '2027.1', draft: false })
    expect(await h.call('dev-worker', 'users', 'policy', { key: 'aid', version: '2020.1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('a version once published is not published again with another text', async () => {
    await h.ok('dev-admin', 'users', 'setPolicy', newAidText('2027.1'))
    await h.ok('dev-admin', 'users', 'setPolicy', newAidText('2027.2'))
    const reused = await h.call('dev-admin', 'users', 'setPolicy', newAidText('2027.1', '另一段文字'))
    expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { version: expect.any(String) } } })
    const shipped = await h.call('dev-admin', 'users', 'setPolicy', newAidText(FIRST_VERSION, '另一段文字'))
    expect(shipped).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.ok('dev-worker', 'users', 'policy', { key: 'aid' })).toMatchObject({ version: '2027.2' })
  })

  it('records who set a text in the audit, without the text', async () => {
    await h.ok('dev-admin', 'users', 'setPolicy', newAidText('2027.1'))
    const [record] = (await h.all('audit')) as unknown as Array<{ who: string; summary: string; target: string }>
    expect(record).toMatchObject({ who: 'dev-admin', target: 'aid', summary: '发布《困难帮扶敏感信息收集说明》新版本 2027.1（请职工重新同意）' })
    expect(JSON.stringify(record)).not.toContain('银行卡')
  })
})
