import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { benchIdNumber } from '../../bench/fixtures'
import { addUpload, winterApplication } from '../cloud/aidFixtures'
import type { Harness } from '../cloud/harness'
import { signedInPage, usePortal } from './runtime'

jest.setTimeout(120_000)

const ID_NUMBER = benchIdNumber(321, '19900303')
const REPORT = '饮水机一直不出热水，麻烦看看'

describe('e2e: 我的数据', () => {
  const portal = usePortal()

  it('lets a worker see and export what is held about them, close the account, and come back to a fresh one', async () => {
    const { runtime, browser } = portal
    await runtime.call('dev-worker2', 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
    await runtime.call('dev-worker2', 'users', 'updateProfile', { name: '李秀英', mobile: '13912345678', idNumber: ID_NUMBER, employer: '鹿城环卫所', unionMember: false })
    await runtime.call('dev-worker2', 'stations', 'report', { stationId: 'demo-station-00003', kind: 'broken', text: REPORT })

    const page = await signedInPage(browser, runtime.url, '李秀英')
    await page.goto(`${runtime.url}/#/pages/me/index`)
    await page.locator('.open-mydata').click()
    await page.getByText('驿站反馈（1）').click()
    await page.getByText(REPORT).waitFor()
    expect(await page.locator('.mydata').textContent()).not.toContain(ID_NUMBER)

    await page.locator('.export-mine').click()
    await page.locator('.open-pdf').waitFor()
    // What the worker downloads: the JSON copy, read back through the link it opened.
    const [request] = await Promise.all([page.context().waitForEvent('request', (r) => /\/files\/[0-9a-f]{32}\.json/.test(r.url())), page.locator('.open-json').click()])
    const url = request.url()
    const json = await page.evaluate(async (link) => (await fetch(link)).text(), url)
    expect(json).toContain(REPORT)
    expect(json).toContain(ID_NUMBER)

    await page.locator('.show-closing').click()
    await page.locator('.plan-erased').getByText('实名信息（姓名、手机号、身份证号、单位）').waitFor()
    await page.locator('.confirm-close input').fill('确认注销')
    await page.locator('.close-now').click()
    await page.locator('.persona').first().waitFor()

    await page.locator('.privacy-check').click()
    await page.locator('.persona', { hasText: '李秀英' }).click()
    await page.locator('.service-grid').waitFor()
    await page.goto(`${runtime.url}/#/pages/me/index`)
    await page.getByText('尚未实名').waitFor()
    await page.locator('.me .my-requests').getByText('还没有办理中的事项').waitFor()
    await page.context().close()
  })

  it('lets a worker withdraw a consent, seeing first what stops and which application is withdrawn, and agree again', async () => {
    const { runtime, browser } = portal
    const fileId = await addUpload({ db: runtime.db } as unknown as Harness, 'dev-worker', 'aid')
    await runtime.call('dev-worker', 'aid', 'apply', winterApplication(fileId))

    const page = await signedInPage(browser, runtime.url, '张建国')
    await page.goto(`${runtime.url}/#/pages/me/index`)
    await page.locator('.open-mydata').click()
    const aid = page.locator('.consent-status-aid')
    await aid.locator('.withdraw-consent').click()
    await aid.locator('.withdrawal-stops').getByText('不能再申请困难帮扶', { exact: false }).waitFor()
    await aid.locator('.plan-withdrawn').getByText('困难帮扶：', { exact: false }).waitFor()
    await aid.locator('.confirm-withdraw').click()
    await aid.getByText('撤回', { exact: false }).filter({ hasText: '已于' }).waitFor()

    // The application was withdrawn; the form asks to agree again before anything can be sent.
    await page.goto(`${runtime.url}/#/pages/me/index`)
    await page.locator('.request-item', { hasText: '冬送温暖' }).getByText('已撤回', { exact: true }).waitFor()
    await page.goto(`${runtime.url}/#/packages/aid/apply/index?programme=winter_warmth`)
    await page.locator('.consent-withdrawn .agree-again').click()
    await page.locator('.consent-aid .consent-check').waitFor()
    await page.context().close()
  })
})
