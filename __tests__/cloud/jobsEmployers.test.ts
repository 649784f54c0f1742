import { createPii } from '../../cloud/core/pii'
import { seedDemoData } from '../../cloud/local/seed'
import { DRIVERS } from './drivers'
import { yieldToOthers } from './drivers'
import { addRealNamedParents } from './childcareFixtures'
import { createHarness, MONDAY_10AM, TEST_PII_KEY, type Harness } from './harness'
import { ADMIN, DEMO_EMPLOYER_ID, newEmployer, newJob, publishedJob, verifiedEmployer, WORKER } from './jobsFixtures'

const DAY = 24 * 60 * 60 * 1000

describe('jobs: employers and their HR contacts', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  it('registers an employer waiting for verification, with a valid GB 32100 code, one employer per code', async () => {
    const wrong = await h.call(ADMIN, 'jobs', 'saveEmployer', newEmployer({ creditCode: '91350100M000100Y44' }))
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { creditCode: '统一社会信用代码不正确，请核对（校验位有误）' } } })
    const made = await h.ok(ADMIN, 'jobs', 'saveEmployer', newEmployer())
    expect(made).toMatchObject({ status: 'pending', industry: 'C', creditCode: '91350100M000100Y43', location: { lat: 28.0021, lng: 120.6012 } })
    const again = await h.call(ADMIN, 'jobs', 'saveEmployer', newEmployer({ name: '另一家公司名称' }))
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { creditCode: '这个统一社会信用代码已登记过企业' } } })
    expect(await h.call(WORKER, 'jobs', 'saveEmployer', newEmployer({ creditCode: '9144030071526726XG' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('records verifying and suspending (with a reason) in the audit', async () => {
    const made = await h.ok(ADMIN, 'jobs', 'saveEmployer', newEmployer())
    expect(await h.call(ADMIN, 'jobs', 'setEmployerStatus', { employerId: made._id, status: 'suspended' })).toMatchObject({ ok: false, error: { fields: { reason: '请写明暂停的原因' } } })
    await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: made._id, status: 'verified' })
    await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: made._id, status: 'suspended', reason: '存在欠薪投诉，核查中' })
    const summaries = ((await h.all('audit')) as unknown as Array<{ action: string; summary: string; target: string }>).filter((a) => a.target === made._id).map((a) => a.summary)
    expect(summaries).toEqual(['登记企业“温州鹿城测试制衣有限公司”', '认证企业“温州鹿城测试制衣有限公司”', '暂停企业“温州鹿城测试制衣有限公司”'])
    expect(await h.ok(ADMIN, 'jobs', 'employer', { employerId: made._id })).toMatchObject({ status: 'suspended', suspendedReason: '存在欠薪投诉，核查中' })
  })

  it('carries a new name to the employer\'s jobs', async () => {
    const jobId = await publishedJob(h)
    const demo = await h.ok(ADMIN, 'jobs', 'employer', { employerId: DEMO_EMPLOYER_ID })
    await h.ok(ADMIN, 'jobs', 'saveEmployer', { id: DEMO_EMPLOYER_ID, name: '温州顺达速运有限公司', creditCode: demo.creditCode, industry: demo.industry, address: demo.address, ...demo.location, contactName: demo.contactName, contactPhone: demo.contactPhone })
    expect(await h.ok(WORKER, 'jobs', 'job', { jobId })).toMatchObject({ employer: { name: '温州顺达速运有限公司' } })
    const found = await h.ok(WORKER, 'jobs', 'search', { lat: 28.0156, lng: 120.6554, keyword: '速运' })
    expect(found.items.map((j: { _id: string }) => j._id)).toContain(jobId)
  })

  it('makes a real-named worker HR of the employer with a one-time code, good for 7 days', async () => {
    const employerId = await verifiedEmployer(h)
    const invitation = await h.ok(ADMIN, 'jobs', 'createInvitation', { employerId })
    expect(invitation.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(invitation.expiresAt).toBe(MONDAY_10AM + 7 * DAY)
    // The code itself is kept nowhere: not in the invitation, the audit or the idempotency store.
    const stored = JSON.stringify([await h.all('employer_invitations'), await h.all('audit'), await h.all('idempotency')])
    expect(stored).not.toContain(invitation.code)

    expect(await h.call('dev-worker2', 'jobs', 'joinEmployer', { code: invitation.code })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('实名') } })
    const typed = `${invitation.code.slice(0, 4).toLowerCase()} ${invitation.code.slice(4)}`
    expect(await h.ok(WORKER, 'jobs', 'joinEmployer', { code: typed })).toMatchObject({ _id: employerId, verified: true })
    expect(await h.ok(WORKER, 'users', 'me', {})).toMatchObject({ roles: ['worker', 'hr'] })
    expect((await h.db.collection('users').doc(WORKER).get()).data).toMatchObject({ employerId })
    const record = ((await h.all('audit')) as unknown as Array<{ action: string }>).find((a) => a.action === 'joinEmployer')
    expect(record).toMatchObject({ who: WORKER, subjects: [WORKER], fields: ['roles', 'employerId'], target: employerId })
    expect((await h.ok(WORKER, 'jobs', 'hrJobs', {})).employer._id).toBe(employerId)
    expect((await h.ok(ADMIN, 'jobs', 'employer', { employerId })).hrContacts).toEqual([{ userId: WORKER, name: '张建国' }])

    // Once only.
    const [other] = await addRealNamedParents(h, 1, 'hr-candidate')
    expect(await h.call(other, 'jobs', 'joinEmployer', { code: invitation.code })).toMatchObject({ ok: false, error: { fields: { code: '这个邀请码已经用过了，请向工会重新索取' } } })
  })

  it('refuses an expired, revoked or wrong code, and a worker already HR of an employer', async () => {
    const employerId = await verifiedEmployer(h)
    const [a, b] = await addRealNamedParents(h, 2, 'hr-candidate')
    const old = await h.ok(ADMIN, 'jobs', 'createInvitation', { employerId })
    const revoked = await h.ok(ADMIN, 'jobs', 'createInvitation', { employerId })
    await h.ok(ADMIN, 'jobs', 'revokeInvitation', { invitationId: revoked._id })
    expect(await h.call(a, 'jobs', 'joinEmployer', { code: revoked.code })).toMatchObject({ ok: false, error: { fields: { code: '邀请码不正确，请核对后重新输入' } } })
    expect(await h.call(a, 'jobs', 'joinEmployer', { code: 'ABCDEFGH' })).toMatchObject({ ok: false, error: { fields: { code: '邀请码不正确，请核对后重新输入' } } })
    h.setNow(MONDAY_10AM + 7 * DAY)
    expect(await h.call(a, 'jobs', 'joinEmployer', { code: old.code })).toMatchObject({ ok: false, error: { fields: { code: '这个邀请码已过期，请向工会重新索取' } } })
    h.setNow(MONDAY_10AM)
    const fresh = await h.ok(ADMIN, 'jobs', 'createInvitation', { employerId })
    expect(await h.call('dev-hr', 'jobs', 'joinEmployer', { code: fresh.code })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect((await h.db.collection('users').doc(b).get()).data).not.toHaveProperty('employerId')
    expect((await h.db.collection('employer_invitations').doc(fresh._id).get()).data).toMatchObject({ status: 'open' })
  })

  it('lets the admin revoke the binding: the former HR contact can do nothing for the employer any more', async () => {
    await h.ok(ADMIN, 'users', 'revokeRole', { userId: 'dev-hr', role: 'hr' })
    expect(await h.call('dev-hr', 'jobs', 'hrJobs', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call('dev-hr', 'jobs', 'saveJob', newJob())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses an invitation for a suspended employer', async () => {
    await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: DEMO_EMPLOYER_ID, status: 'suspended', reason: '核查中' })
    expect(await h.call(ADMIN, 'jobs', 'createInvitation', { employerId: DEMO_EMPLOYER_ID })).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
  })
})

describe('jobs.joinEmployer: a code redeemed by two workers at the same moment', () => {
  it('makes exactly one of them HR', async () => {
    const h = await createHarness({ yieldBetween: yieldToOthers })
    try {
      const employerId = await verifiedEmployer(h)
      const { code } = await h.ok(ADMIN, 'jobs', 'createInvitation', { employerId })
      const workers = await addRealNamedParents(h, 5, 'hr-rush')
      const answers = await Promise.all(workers.map((w) => h.call(w, 'jobs', 'joinEmployer', { code })))
      expect(answers.filter((a) => a.ok)).toHaveLength(1)
      const bound = (await h.db.collection('users').where({ employerId }).get()).data
      expect(bound).toHaveLength(1)
    } finally {
      h.close()
    }
  })
})

describe.each(DRIVERS)('the demo data on an older data folder (%s)', (_name, open) => {
  it('fills what the first demo employer lacked, keeping what an admin changed, and adds jobs and a fair once', async () => {
    const db = open()
    try {
      const pii = createPii(TEST_PII_KEY)
      // As the data folder was before the jobs service: a name for an industry, `verified: true`.
      await db.collection('employers').add({
        data: { _id: DEMO_EMPLOYER_ID, name: '温州鹿城顺达快递有限公司', industry: '交通运输、仓储和邮政业', verified: true, demo: true, createdAt: 1, contactPhone: '0577-86660000' },
      })
      await seedDemoData(db, pii, MONDAY_10AM)
      const employer = (await db.collection('employers').doc(DEMO_EMPLOYER_ID).get()).data
      expect(employer).toMatchObject({
        industry: 'G',
        status: 'verified',
        creditCode: '91330302MA2HL8QD19',
        address: '温州市鹿城区车站大道577号',
        location: { type: 'Point', coordinates: [120.662, 28.0125] },
        contactPhone: '0577-86660000',
        createdAt: 1,
      })
      const counts = async () => [(await db.collection('jobs').count()).total, (await db.collection('fairs').count()).total, (await db.collection('employers').count()).total]
      expect(await counts()).toEqual([6, 1, 2])
      await db.collection('employers').doc(DEMO_EMPLOYER_ID).update({ data: { address: '管理员改过的地址' } })
      await seedDemoData(db, pii, MONDAY_10AM + DAY)
      expect(await counts()).toEqual([6, 1, 2])
      expect((await db.collection('employers').doc(DEMO_EMPLOYER_ID).get()).data).toMatchObject({ address: '管理员改过的地址' })
    } finally {
      db.close()
    }
  })
})
