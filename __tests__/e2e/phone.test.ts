import gcoord from 'gcoord'
import { DISTRICT_CENTRE } from '../../cloud/domain/stations/distance'
import { personaContext, setCareMode, signedInPage, usePortal } from './runtime'

jest.setTimeout(120_000)

/** A spot in 双屿街道 as the mini-program and the stations have it (GCJ-02), and as a browser's GPS says it (WGS-84). */
const SHUANGYU_GCJ: [number, number] = [120.5872, 28.0057]
const [SHUANGYU_WGS_LNG, SHUANGYU_WGS_LAT] = gcoord.transform(SHUANGYU_GCJ, gcoord.GCJ02, gcoord.WGS84)

const station = (name: string, lng: number, lat: number) => ({
  name,
  type: 'rest_stop',
  address: '温州市鹿城区双屿街道鹿城路1号',
  lat,
  lng,
  facilities: ['ac', 'water', 'microwave'],
  hours: { open24h: true, periods: [] },
})

describe('e2e: a worker on a phone never gets stuck', () => {
  const portal = usePortal()

  it('finds the nearest station from the browser\'s position, converted to GCJ-02, and navigates there with a map link', async () => {
    const { runtime, browser } = portal
    // Two stations some 500 m apart: one where the worker is (GCJ-02), one where the unconverted GPS reading would put them.
    const here = await runtime.call('dev-admin', 'stations', 'upsert', station('双屿定位驿站', SHUANGYU_GCJ[0], SHUANGYU_GCJ[1]))
    await runtime.call('dev-admin', 'stations', 'upsert', station('双屿未换算驿站', SHUANGYU_WGS_LNG, SHUANGYU_WGS_LAT))
    const fromCentre = await runtime.call<{ items: Array<{ name: string }> }>('dev-worker', 'stations', 'nearby', { ...DISTRICT_CENTRE, limit: 5 })

    const context = await personaContext(browser, runtime.url, 'dev-worker', { width: 390, height: 844 })
    await context.grantPermissions(['geolocation'], { origin: runtime.url })
    await context.setGeolocation({ latitude: SHUANGYU_WGS_LAT, longitude: SHUANGYU_WGS_LNG, accuracy: 20 })
    await context.route('https://uri.amap.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>高德地图</title>' }))
    const page = await context.newPage()
    await page.goto(`${runtime.url}/#/pages/stations/index`)
    await page.locator('.station-card').first().waitFor()
    expect(await page.locator('.location-note').count()).toBe(0)
    const first = (await page.locator('.station-card .station-name').first().textContent())!.trim()
    expect(first).toBe('双屿定位驿站')
    expect(first).not.toBe(fromCentre.items[0].name)

    // The words beside a switch flip it too.
    const openNow = page.locator('.filter-open-now')
    expect(await openNow.getAttribute('aria-checked')).toBe('false')
    await page.locator('.filter-bar .switch-label', { hasText: '只看开放中' }).click()
    await page.waitForFunction(() => document.querySelector('.filter-open-now')?.getAttribute('aria-checked') === 'true')
    expect(await openNow.getAttribute('role')).toBe('switch')

    await page.locator('.station-card').first().click()
    await page.locator('.detail-name', { hasText: '双屿定位驿站' }).waitFor()
    const popup = context.waitForEvent('page')
    await page.locator('.navigate').click()
    const map = new URL((await popup).url())
    expect(map.origin + map.pathname).toBe('https://uri.amap.com/marker')
    expect(map.searchParams.get('position')).toBe(`${SHUANGYU_GCJ[0].toFixed(6)},${SHUANGYU_GCJ[1].toFixed(6)}`)
    expect(map.searchParams.get('name')).toBe('双屿定位驿站')
    expect(map.searchParams.get('coordinate')).toBe('gaode')
    expect(here).toMatchObject({ name: '双屿定位驿站' })
    await context.close()
  })

  it('opens the policy a consent line names, in full and marked as a draft, and comes back to the form', async () => {
    const page = await signedInPage(portal.browser, portal.runtime.url, '张建国')
    await page.setViewportSize({ width: 320, height: 700 })
    await page.goto(`${portal.runtime.url}/#/packages/aid/apply/index?programme=winter_warmth`)
    await page.locator('.aid-apply .field-story textarea').fill('家里两个孩子读书，妻子生病住院，今年收入少了很多。')
    const line = page.locator('.consent-line.consent-aid')
    await line.locator('.policy-link', { hasText: '困难帮扶敏感信息收集说明' }).click()
    const policy = page.locator('.policy-page')
    await policy.locator('.policy-title', { hasText: '困难帮扶敏感信息收集说明' }).waitFor()
    expect(await policy.locator('.policy-draft').textContent()).toBe('草案（待工会审定）')
    const text = await policy.locator('.policy-text').textContent()
    for (const part of ['我们收集什么', '保存多久', '谁能看到', '怎样撤回同意和删除', '保存3年']) expect(text).toContain(part)
    // Tapping the policy's title never ticked the box; 返回 leads back to the form as it was.
    await page.locator('.policy-page .page-back').click()
    await page.locator('.aid-apply .submit-application').waitFor()
    expect(await page.locator('.aid-apply .field-story textarea').inputValue()).toBe('家里两个孩子读书，妻子生病住院，今年收入少了很多。')
    expect(await line.locator('.nut-checkbox-icon-checked').count()).toBe(0)
    await page.context().close()
  })

  it('shows 李秀英 the real-name step before the aid form, then the form with the household she gave the self-check', async () => {
    const page = await signedInPage(portal.browser, portal.runtime.url, '李秀英')
    const url = portal.runtime.url
    await page.goto(`${url}/#/packages/aid/selfcheck/index`)
    await page.locator('.field-householdSize input').fill('3')
    await page.locator('.field-income input').fill('30000')
    await page.locator('.field-spending input').fill('6000')
    await page.locator('.run-check').click()
    await page.locator('.check-result .offer-winter_warmth').waitFor()
    await page.locator('.check-result .apply-winter_warmth').click()

    const apply = page.locator('.aid-apply')
    await apply.locator('.realname-first').waitFor()
    expect(await apply.locator('.submit-application').count()).toBe(0)
    expect(await apply.locator('.field-income').count()).toBe(0)
    await apply.locator('.go-realname').click()
    await page.locator('.field-name input').fill('李秀英')
    await page.locator('.field-mobile input').fill('13912345678')
    await page.locator('.field-idNumber input').fill('33030219880406124X')
    await page.locator('.field-employer input').fill('鹿城区环卫所')
    await page.locator('.realname-consent').click()
    await page.locator('.realname-submit').click()

    await apply.locator('.submit-application').waitFor({ timeout: 15_000 })
    expect(await apply.locator('.field-income input').inputValue()).toBe('30000')
    expect(await apply.locator('.field-spending input').inputValue()).toBe('6000')
    expect(await apply.locator('.member').count()).toBe(2)
    expect(await apply.locator('.programme-winter_warmth .nut-radio-icon-checked').count()).toBe(1)
    await page.context().close()
  })

  it('shows the unread count on the 消息 tab, and takes it away once read', async () => {
    await portal.runtime.db.collection('inbox').add({ data: { userId: 'dev-worker', title: '您的申请有了进展', body: '请补充材料', read: false, createdAt: Date.now() } })
    await portal.runtime.db.collection('inbox').add({ data: { userId: 'dev-worker', title: '托班报名成功', body: '已获得名额', read: false, createdAt: Date.now() } })
    const page = await signedInPage(portal.browser, portal.runtime.url, '张建国')
    const unread = (await portal.runtime.db.collection('inbox').where({ userId: 'dev-worker', read: false }).count()).total
    const badge = page.locator('.weui-tabbar__item', { hasText: '消息' }).locator('.taro-tabbar-badge')
    await badge.waitFor()
    expect(await badge.textContent()).toBe(String(unread))
    await page.locator('.weui-tabbar__item', { hasText: '消息' }).click()
    await page.locator('.mark-all').click()
    await badge.waitFor({ state: 'detached' })
    await page.context().close()
  })

  it('has a favicon, so no page asks for a file that is not there', async () => {
    const res = await fetch(`${portal.runtime.url}/favicon.ico`)
    expect(res.status).toBe(200)
    const body = Buffer.from(await res.arrayBuffer())
    // An .ico holding a PNG: the icon directory, then the PNG's signature.
    expect(body.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]))
    expect(body.subarray(22, 26)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  })

  it('care mode enlarges the tab labels too', async () => {
    const context = await personaContext(portal.browser, portal.runtime.url, 'dev-worker', { width: 390, height: 844 })
    const page = await context.newPage()
    const labelSize = async () => {
      await page.locator('.profile-card').waitFor()
      await page.waitForTimeout(300)
      return page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.weui-tabbar__label')!).fontSize))
    }
    await page.goto(`${portal.runtime.url}/#/pages/me/index`)
    const normal = await labelSize()
    await setCareMode(page, true)
    await page.reload()
    const care = await labelSize()
    expect(normal).toBeLessThanOrEqual(12)
    expect(care).toBeGreaterThanOrEqual(15)
    await context.close()
  })
})
