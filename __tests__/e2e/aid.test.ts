import { signedInPage, usePortal, uploadInto } from './runtime'

jest.setTimeout(120_000)

describe('e2e: a 冬送温暖 application from the worker\'s form to payment', () => {
  const portal = usePortal()

  it('applies with an upload, is asked for more, resubmits, is approved and paid, and sees each step', async () => {
    const worker = await signedInPage(portal.browser, portal.runtime.url, '张建国')
    await worker.goto(`${portal.runtime.url}/#/packages/aid/apply/index?programme=winter_warmth`)
    const form = worker.locator('.aid-apply')
    await form.locator('.material-id_card').waitFor()
    await form.locator('.add-member').click()
    await form.locator('.member-0 .field-member-name input').fill('王美丽')
    await form.locator('.member-0 .field-member-age input').fill('38')
    await form.locator('.member-0 .field-member-relation').getByText('配偶').click()
    await form.locator('.field-income input').fill('48000')
    await form.locator('.field-spending input').fill('12000')
    await form.locator('.field-story textarea').fill('妻子今年做了手术，欠下医药费，孩子还在上小学，冬天取暖和生活都很困难。')
    await form.locator('.field-bankName input').fill('温州银行')
    await form.locator('.field-accountNo input').fill('6222021234567890123')
    await uploadInto(worker, '.aid-apply .material-id_card')
    await form.locator('.aid-consent').click()
    await form.locator('.submit-application').click()
    const workerCase = worker.locator('.aid-case')
    await workerCase.locator('.case-status', { hasText: '已提交' }).waitFor()
    const caseUrl = worker.url()

    const volunteer = await signedInPage(portal.browser, portal.runtime.url, '王志愿')
    await volunteer.goto(`${portal.runtime.url}/#/packages/desk/queue/index`)
    await volunteer.locator('.desk-queue .queue-item', { hasText: '张*国' }).click()
    const desk = volunteer.locator('.desk-case')
    await desk.locator('.claim').click()
    await desk.locator('.case-status', { hasText: '审核中' }).waitFor()
    await desk.locator('.field-note textarea').fill('请补充户口本照片')
    await desk.locator('.ask-info').click()
    await desk.locator('.case-status', { hasText: '待补充材料' }).waitFor()

    await worker.goto(caseUrl)
    await workerCase.locator('.asked-for', { hasText: '请补充户口本照片' }).waitFor()
    await uploadInto(worker, '.aid-case .needs-info .material-household_register')
    await workerCase.locator('.field-note textarea').fill('已补交户口本')
    await workerCase.locator('.submit-resubmit').click()
    await workerCase.locator('.case-status', { hasText: '已补充材料' }).waitFor()

    await volunteer.reload()
    await desk.locator('.claim').click()
    await desk.locator('.case-status', { hasText: '审核中' }).waitFor()
    // Two people on 36,000 yuan a year net: 1,500 each a month, under twice the line: 相对困难, 1,000.
    expect(await desk.locator('.field-amount input').inputValue()).toBe('1000.00')
    await desk.locator('.approve').click()
    await volunteer.locator('.taro-model__confirm').click()
    await desk.locator('.case-status', { hasText: '已批准' }).waitFor()
    await desk.locator('.field-paymentRef input').fill('WZB20261130001')
    await desk.locator('.mark-paid').click()
    await desk.locator('.case-status', { hasText: '已发放' }).waitFor()

    await worker.goto(caseUrl)
    await workerCase.locator('.case-status', { hasText: '已发放' }).waitFor()
    await workerCase.locator('.case-amount', { hasText: '1,000.00\u00a0元' }).waitFor()
    const steps = await workerCase.locator('.case-timeline .nut-step-title').allTextContents()
    expect(steps).toEqual(['已提交', '审核中', '待补充材料', '已补充材料', '审核中', '已批准', '已发放'])
    expect(await workerCase.locator('.attachment').count()).toBe(2)

    await worker.goto(`${portal.runtime.url}/#/pages/inbox/index`)
    for (const title of ['已提交', '审核中', '待补充材料', '已补充材料', '已批准', '已发放']) {
      await worker.locator('.message', { hasText: `2026年冬送温暖：${title}` }).first().waitFor()
    }
    await worker.goto(`${portal.runtime.url}/#/pages/index/index`)
    await worker.locator('.request-item', { hasText: '困难帮扶：2026年冬送温暖' }).locator('text=已发放').waitFor()

    await worker.context().close()
    await volunteer.context().close()
  })
})
