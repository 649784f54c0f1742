import { createHarness, type Harness } from '../cloud/harness'
import { applyTo, WORKER_RESUME_PHONE } from '../cloud/jobsFixtures'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp HR applicants page (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    await applyTo(h, 'demo-job-1')
    installWeapp(h, 'dev-hr')
  })
  afterAll(() => h.close())

  it('lists the applicants of a job by state, the name and phone masked', async () => {
    const page = openPage('packages/hr/applicants/index', { jobId: 'demo-job-1' })
    await until(() => page.querySelectorAll('.applicant-item').length === 1)
    const text = textOf(page)
    expect(text).toContain('快递分拣员（招聘中）')
    expect(text).toContain('张*国 · 41岁')
    expect(text).toContain('手机 139****5678')
    expect(text).toContain('已投递(1)')
    expect(text).not.toContain(WORKER_RESUME_PHONE)
    tap(page, '.applicant-item')
    await until(() => wxCalls.some((c) => c.api === 'navigateTo' && JSON.stringify(c.arg).includes('packages/hr/application/index?id=')))
  })

  it('opens the résumé with the phone masked until an invitation', async () => {
    const [application] = await h.all('job_applications')
    const page = openPage('packages/hr/application/index', { id: (application as { _id: string })._id })
    await until(() => textOf(page).includes('张建国 · 41岁'))
    expect(textOf(page)).toContain('139****5678')
    expect(textOf(page)).toContain('邀请面试后显示')
    expect(textOf(page)).not.toContain(WORKER_RESUME_PHONE)
    expect(page.querySelectorAll('.open-invite')).toHaveLength(1)
  })
})
