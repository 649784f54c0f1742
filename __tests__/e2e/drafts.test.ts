import type { Page } from 'playwright-core'
import { usePortal } from './runtime'

jest.setTimeout(90_000)

async function signInHere(page: Page, url: string, personaLabel: string) {
  await page.goto(`${url}/#/pages/login/index`)
  await page.locator('.privacy-check').click()
  await page.locator('.persona', { hasText: personaLabel }).click()
  await page.locator('.service-grid').waitFor()
}

const STORY = '妻子今年做了手术，欠下医药费，孩子还在上小学，冬天取暖和生活都很困难。'

describe('e2e: a draft on a shared phone', () => {
  const portal = usePortal()

  it('keeps the draft for its author across a reload, forgets it at sign-out, and never shows it to the next person', async () => {
    const context = await portal.browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const url = portal.runtime.url
    await signInHere(page, url, '张建国')
    await page.goto(`${url}/#/packages/aid/apply/index?programme=winter_warmth`)
    await page.locator('.aid-apply .field-story textarea').fill(STORY)
    await page.locator('.aid-apply .field-accountNo input').fill('6222021234567890123')
    await page.reload()
    await page.locator('.aid-apply .field-story textarea').waitFor()
    expect(await page.locator('.aid-apply .field-story textarea').inputValue()).toBe(STORY)

    await page.goto(`${url}/#/pages/me/index`)
    await page.locator('.sign-out').click()
    await page.locator('.persona').first().waitFor()
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }))
    expect(stored).not.toContain('6222021234567890123')

    await page.locator('.privacy-check').click()
    // The next person (a real-named volunteer, who sees the form itself) starts with an empty one.
    await page.locator('.persona', { hasText: '王志愿' }).click()
    await page.locator('.service-grid').waitFor()
    await page.goto(`${url}/#/packages/aid/apply/index?programme=winter_warmth`)
    await page.locator('.aid-apply .field-story textarea').waitFor()
    expect(await page.locator('.aid-apply .field-story textarea').inputValue()).toBe('')
    expect(await page.locator('.aid-apply .field-accountNo input').inputValue()).toBe('')
    await context.close()
  })
})
