import { signedInPage, usePortal } from './runtime'
import { SERVICE_KEYS, SERVICE_MANIFEST } from '../../types/services'

jest.setTimeout(90_000)

describe('e2e: the portal in Chromium on the local runtime', () => {
  const portal = usePortal()

  it('shows the four tabs and marks the services not built yet as 即将开放', async () => {
    const page = await signedInPage(portal.browser, portal.runtime.url, '张建国')
    await page.locator('.home-hello', { hasText: '张建国' }).waitFor()
    expect(await page.locator('.service-tile').count()).toBe(6)
    expect(await page.locator('.service-tile.is-soon .tile-soon').count()).toBe(SERVICE_KEYS.filter((s) => !SERVICE_MANIFEST[s].open).length)
    for (const tab of ['首页', '驿站', '消息', '我的']) {
      expect(await page.locator('.weui-tabbar__item', { hasText: tab }).count()).toBe(1)
    }
    await page.context().close()
  })

  it('lets a worker filter by microwave and open a station; an admin closes it and the worker sees it closed', async () => {
    const worker = await signedInPage(portal.browser, portal.runtime.url, '张建国')
    await worker.locator('.weui-tabbar__item', { hasText: '驿站' }).click()
    // Location is refused in this browser: the list starts from the district centre and says so.
    await worker.locator('.location-note').waitFor({ timeout: 15_000 })
    await worker.locator('.station-card').first().waitFor()

    await worker.locator('.filter-toggle').click()
    await worker.locator('.facility-microwave').click()
    await worker.waitForTimeout(300)
    await worker.locator('.station-card').first().waitFor()
    const facilities = await worker.locator('.station-card .station-facilities').allTextContents()
    expect(facilities.length).toBeGreaterThan(0)
    for (const text of facilities) expect(text).toContain('微波炉')

    const name = (await worker.locator('.station-card .station-name').first().textContent())!.trim()
    await worker.locator('.station-card').first().click()
    await worker.locator('.detail-name', { hasText: name }).waitFor()
    expect(await worker.locator('.station-detail .facility-microwave').count()).toBe(1)
    expect(await worker.locator('.detail-hours').textContent()).toMatch(/\d\d:\d\d|24小时/)

    const admin = await signedInPage(portal.browser, portal.runtime.url, '林管理')
    await admin.goto(`${portal.runtime.url}/#/packages/stations/admin/index`)
    const card = admin.locator('.admin-station', { hasText: name })
    await card.waitFor()
    await card.locator('.toggle-status').click()
    await admin.locator('.taro-model__confirm').click()
    await card.locator('.state-closed').waitFor()

    await worker.reload()
    await worker.locator('.detail-name', { hasText: name }).waitFor()
    await worker.locator('.closed-note').waitFor()
    expect(await worker.locator('.state-closed').count()).toBe(1)
    await worker.context().close()
    await admin.context().close()
  })

  it('shows the field error when a real-name form has a wrong ID number', async () => {
    const page = await signedInPage(portal.browser, portal.runtime.url, '李秀英')
    await page.goto(`${portal.runtime.url}/#/packages/profile/realname/index`)
    await page.locator('.field-name input').fill('李秀英')
    await page.locator('.field-mobile input').fill('13912345678')
    await page.locator('.field-idNumber input').fill('110105194912310021')
    await page.locator('.field-employer input').fill('鹿城区环卫所')
    await page.locator('.realname-submit').click()
    const error = page.locator('.field-idNumber', { hasText: '身份证号不正确' })
    await error.waitFor()
    const me = await portal.runtime.db.collection('users').doc('dev-worker2').get()
    expect(me.data).not.toHaveProperty('profile')
    await page.context().close()
  })
})
