import { formatYuan } from '../../src/utils/money'
import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp job list (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-worker')
  })
  afterAll(() => h.close())

  it('lists the jobs near the district centre when location is refused, with pay, employer and benefits', async () => {
    const page = openPage('packages/jobs/search/index')
    await until(() => page.querySelectorAll('.job-card').length >= 5)
    const text = textOf(page)
    expect(text).toContain('未获取到您的位置，按鹿城区中心计算距离')
    expect(text).toContain('快递派送员')
    expect(text).toContain(`月薪 ${formatYuan(650_000, { cents: false, unit: false })}–${formatYuan(950_000, { cents: false })}`)
    expect(text).toContain('温州鹿城顺达快递有限公司')
    expect(text).toContain('五险一金')
    // Nearest first: 快递派送员 at 五马街道 is about 500 m from the centre.
    expect(page.querySelector('.job-card .job-title')!.dom?.textContent).toBe('快递派送员')
    tap(page, '.job-card')
    await until(() => wxCalls.some((c) => c.api === 'navigateTo' && JSON.stringify(c.arg).includes('packages/jobs/job/index?id=demo-job-2')))
  })

  it('opens a job with its employer verified by the union and the fair it is at', async () => {
    const page = openPage('packages/jobs/job/index', { id: 'demo-job-1' })
    await until(() => textOf(page).includes('快递分拣员'))
    expect(textOf(page)).toContain('工会认证')
    expect(textOf(page)).toContain('春风行动·鹿城专场招聘会')
    // No résumé yet: the page leads there first.
    await until(() => textOf(page).includes('填写我的简历'))
  })
})
