import { readFileSync } from 'node:fs'
import { benchIdNumber } from '../../bench/fixtures'
import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { addUpload, winterApplication } from '../cloud/aidFixtures'
import type { Harness } from '../cloud/harness'
import { unpaidWages } from '../cloud/legalFixtures'
import { signedInPage, usePortal } from './runtime'

jest.setTimeout(180_000)

const WORKERS = [0, 1, 2, 3, 4].map((i) => `dev-figures${i}`)

describe('e2e: 数据看板', () => {
  const portal = usePortal()

  it('reads the exact figures of requests made in two services, for this year and the year before, and exports them', async () => {
    const { runtime, browser } = portal
    const harness = { db: runtime.db } as unknown as Harness
    // Five workers: 冬送温暖 paid (four 2,000 yuan, one 1,000) and wages recovered through legal help (10,000 + i × 1,000 yuan).
    for (const [i, openid] of WORKERS.entries()) {
      await runtime.call(openid, 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
      await runtime.call(openid, 'users', 'updateProfile', { name: `职工${'甲乙丙丁戊'[i]}`, mobile: `1390000000${i}`, idNumber: benchIdNumber(600 + i, '19850505'), employer: '鹿城区快递网点', unionMember: true })
      const aid = await runtime.call(openid, 'aid', 'apply', winterApplication(await addUpload(harness, openid, 'aid')))
      await runtime.call('dev-volunteer', 'aid', 'claim', { caseId: aid._id })
      await runtime.call('dev-volunteer', 'aid', 'approve', { caseId: aid._id, amountFen: i === 4 ? 100_000 : 200_000, note: '按规则批准' })
      await runtime.call('dev-volunteer', 'aid', 'markPaid', { caseId: aid._id, paymentRef: `WZE2E00${i}` })
      const legal = await runtime.call(openid, 'legal', 'ask', unpaidWages())
      await runtime.call('dev-volunteer', 'legal', 'acknowledge', { caseId: legal._id })
      await runtime.call('dev-volunteer', 'legal', 'assign', { caseId: legal._id, assigneeId: 'dev-lawyer' })
      await runtime.call('dev-volunteer', 'legal', 'grant', { caseId: legal._id })
      await runtime.call('dev-lawyer', 'legal', 'close', { caseId: legal._id, outcome: 'mediated', recoveredFen: 1_000_000 + i * 100_000, note: '调解成功，公司支付了工资' })
    }

    const page = await signedInPage(browser, runtime.url, '林管理')
    await page.goto(`${runtime.url}/#/pages/me/index`)
    await page.locator('.open-figures').click()
    const value = (key: string) => page.locator(`.figure-${key} .figure-value`).first()
    await value('aid-applications').waitFor()
    expect(await value('aid-applications').textContent()).toBe('5')
    expect(await value('aid-households').textContent()).toBe('5')
    expect(await value('aid-paid').textContent()).toBe('0.90')
    expect(await value('legal-consultations').textContent()).toBe('5')
    expect(await value('legal-granted').textContent()).toBe('5')
    expect(await value('legal-recovered').textContent()).toBe('6.00')
    await page.getByText(/数据截至 \d\d:\d\d/).waitFor()
    await page.locator('.summary-text', { hasText: '发放帮扶资金0.90万元，帮扶困难职工5户' }).waitFor()

    // The year before: nothing of this; this month again: all of it.
    const year = new Date().getFullYear()
    await page.locator('.period-year').getByText(`${year - 1}年`).click()
    await page.locator('.figures-head', { hasText: `${year - 1}年` }).waitFor()
    expect(await value('aid-applications').textContent()).toBe('0')
    expect(await value('legal-recovered').textContent()).toBe('0.00')
    await page.locator('.period-kind').getByText('月份').click()
    await page.locator('.period-year').getByText(`${year}年`).click()
    await page.locator('.figures-head', { hasText: `${year}年${new Date().getMonth() + 1}月` }).waitFor()
    expect(await value('aid-paid').textContent()).toBe('0.90')
    expect(await page.locator('.figure-aid-paid .figure-before').textContent()).toContain('上年同期 0.00万元')

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.export-xlsx').click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const { Workbook } = await import('exceljs')
    const book = new Workbook()
    await book.xlsx.load(readFileSync(await download.path()) as any)
    const rows: unknown[][] = []
    book.getWorksheet('困难帮扶')!.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]))
    expect(rows).toEqual(expect.arrayContaining([['帮扶申请', 5], ['发放金额', 0.9]]))
    await page.context().close()
  })
})
