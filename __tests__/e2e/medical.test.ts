import type { Page } from 'playwright-core'
import { formatShanghai } from '../../cloud/domain/time'
import { signedInPage, usePortal, uploadInto } from './runtime'

jest.setTimeout(120_000)

/**
 * Amounts in the estimate (`6,700.00 元`) that the browser laid out over more than one line: each
 * amount's own boxes, found in the text nodes, should sit on one line.
 */
async function amountsBrokenAcrossLines(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const broken: string[] = []
    const root = document.querySelector(selector)
    if (!root) return ['no estimate']
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      for (const match of text.matchAll(/-?[\d,]+\.\d{2}\s元/g)) {
        const range = document.createRange()
        range.setStart(node, match.index!)
        range.setEnd(node, match.index! + match[0].length)
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (lines.size > 1) broken.push(match[0])
      }
    }
    return broken
  }, scope)
}

/** Opens a date field and takes the picker's default, today. */
async function pickToday(page: Page, field: string) {
  await page.locator(`${field}`).click()
  await page.locator('.nut-picker-confirm-btn:visible').click()
}

describe('e2e: a medical mutual-aid claim from the estimate to the approved amount', () => {
  const portal = usePortal()

  it('a covered worker files an inpatient claim with uploads, sees the estimate; a volunteer approves it; the worker sees the amount', async () => {
    const year = formatShanghai(Date.now(), 'YYYY')
    const title = `${year}年医疗互助·住院`
    const worker = await signedInPage(portal.browser, portal.runtime.url, '张建国')
    await worker.goto(`${portal.runtime.url}/#/packages/medical/home/index`)
    await worker.locator('.medical-home .covered').waitFor()
    await worker.locator('.new-claim').click()
    const form = worker.locator('.medical-claim')
    await form.locator('.field-category').getByText('住院', { exact: true }).click()
    await form.locator('.field-hospital input').fill('温州医科大学附属第一医院')
    await pickToday(worker, '.medical-claim .field-admissionDate')
    await pickToday(worker, '.medical-claim .field-dischargeDate')
    await form.locator('.field-selfPaid input').fill('12500')
    await form.locator('.estimate .section-title', { hasText: '预计可报 6,700.00\u00a0元' }).waitFor()
    expect(await form.locator('.estimate').textContent()).toContain('5,000.00\u00a0元 × 50% = 2,500.00\u00a0元')
    // On the narrowest phone no amount of the breakdown breaks across lines.
    await worker.setViewportSize({ width: 320, height: 700 })
    await worker.waitForTimeout(650)
    expect(await amountsBrokenAcrossLines(worker, '.medical-claim .estimate')).toEqual([])
    await worker.setViewportSize({ width: 375, height: 667 })
    await form.locator('.field-diagnosis textarea').fill('腰椎间盘突出')
    await form.locator('.field-bankName input').fill('温州银行')
    await form.locator('.field-accountNo input').fill('6222021234567890123')
    await uploadInto(worker, '.medical-claim .material-discharge_summary')
    await uploadInto(worker, '.medical-claim .material-invoice')
    await form.locator('.medical-consent').click()
    await form.locator('.submit-claim').click()
    const claim = worker.locator('.medical-case')
    await claim.locator('.case-status', { hasText: '已提交' }).waitFor()
    const caseUrl = worker.url()

    const volunteer = await signedInPage(portal.browser, portal.runtime.url, '王志愿')
    await volunteer.goto(`${portal.runtime.url}/#/packages/desk/queue/index?service=medical`)
    await volunteer.locator('.desk-queue .queue-item', { hasText: title }).click()
    const desk = volunteer.locator('.desk-case')
    await desk.locator('.claim').click()
    await desk.locator('.case-status', { hasText: '审核中' }).waitFor()
    expect(await desk.locator('.case-rows').textContent()).toContain('预计可报6,700.00\u00a0元')
    expect(await desk.locator('.field-amount input').inputValue()).toBe('6700.00')
    await desk.locator('.approve').click()
    await volunteer.locator('.taro-model__confirm').click()
    await desk.locator('.case-status', { hasText: '已批准' }).waitFor()

    await worker.goto(caseUrl)
    await claim.locator('.case-amount', { hasText: '6,700.00\u00a0元' }).waitFor()
    expect(await claim.locator('.case-timeline .nut-step-title').allTextContents()).toEqual(['已提交', '审核中', '已批准'])
    expect(await claim.locator('.attachment').count()).toBe(2)
    await worker.goto(`${portal.runtime.url}/#/pages/inbox/index`)
    await worker.locator('.message', { hasText: `${title}：已批准` }).waitFor()
    expect(await worker.locator('.message', { hasText: `${title}：已批准` }).textContent()).toContain('6,700.00\u00a0元')

    await worker.context().close()
    await volunteer.context().close()
  })
})
