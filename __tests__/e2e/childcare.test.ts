import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import type { Browser, Page } from 'playwright-core'
import { formatShanghai } from '../../cloud/domain/time'
import { childId, newClass } from '../cloud/childcareFixtures'
import { launchBrowser, signedInPage, startRuntime } from './runtime'

jest.setTimeout(90_000)

const DAY = 24 * 60 * 60 * 1000

async function signUpChild(page: Page, url: string, classId: string, n: number) {
  await page.goto(`${url}/#/packages/childcare/signup/index?classId=${classId}`)
  await page.locator('.field-childName input').fill(`测试孩子${n}`)
  await page.locator('.field-idNumber input').fill(childId(n))
  await page.locator('.field-gender').getByText('女').click()
  await page.locator('.field-school input').fill('广场路小学')
  await page.locator('.field-grade').getByText('2年级').click()
  await page.locator('.field-contactName input').fill('外婆')
  await page.locator('.field-contactMobile input').fill('13811112222')
  await page.locator('.child-consent').click()
  await page.locator('.submit-signup').click()
}

describe('e2e: childcare sign-up, waitlist and promotion', () => {
  let runtime: Awaited<ReturnType<typeof startRuntime>>
  let browser: Browser
  let classId: string

  beforeAll(async () => {
    runtime = await startRuntime()
    browser = await launchBrowser()
    const now = Date.now()
    const cls = await runtime.call(
      'dev-admin',
      'childcare',
      'upsertClass',
      newClass({
        title: '一个名额的测试托班',
        startDate: formatShanghai(now + 40 * DAY, 'YYYY-MM-DD'),
        endDate: formatShanghai(now + 50 * DAY, 'YYYY-MM-DD'),
        capacity: 1,
        opensAt: now - 60 * 60 * 1000,
        closesAt: now + 10 * DAY,
      }),
    )
    classId = cls._id
    await runtime.call('dev-worker2', 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
    await runtime.call('dev-worker2', 'users', 'updateProfile', {
      name: '李秀英',
      mobile: '13912345678',
      idNumber: '11010519491231002X',
      employer: '鹿城区环卫所',
      unionMember: true,
    })
  })
  afterAll(async () => {
    await browser?.close()
    await runtime?.stop()
  })

  it('seats the first parent, waitlists the second, and promotes the second when the first cancels', async () => {
    const first = await signedInPage(browser, runtime.url, '张建国')
    await signUpChild(first, runtime.url, classId, 1)
    await first.locator('.result-seat').waitFor()

    const second = await signedInPage(browser, runtime.url, '李秀英')
    await signUpChild(second, runtime.url, classId, 2)
    await second.locator('.result-waitlist', { hasText: '候补第 1 位' }).waitFor()

    await first.goto(`${runtime.url}/#/packages/childcare/mine/index`)
    await first.locator('.enrollment-enrolled .cancel-enrollment').click()
    await first.locator('.taro-model__confirm').click()
    await first.locator('.enrollment-cancelled').waitFor()

    await second.goto(`${runtime.url}/#/packages/childcare/mine/index`)
    await second.locator('.enrollment-enrolled .enrollment-status', { hasText: '已录取' }).waitFor()
    await second.goto(`${runtime.url}/#/pages/inbox/index`)
    await second.locator('.message.is-unread', { hasText: '候补成功' }).waitFor()

    await first.context().close()
    await second.context().close()
  })
})
