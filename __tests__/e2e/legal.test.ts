import type { Page } from 'playwright-core'
import { signedInPage, usePortal } from './runtime'
import { formatYuan } from '../../cloud/domain/money'

jest.setTimeout(180_000)

/** Confirms the page's modal (Taro's showModal on H5). */
const confirmModal = (page: Page) => page.locator('.taro-model__confirm').click()

describe('e2e: unpaid wages — from the worker\'s question to a rated outcome', () => {
  const portal = usePortal()

  it('asks, is acknowledged and given a lawyer, exchanges messages, books a room, is closed with 调解成功 and rates it; each step on the timeline and in 消息', async () => {
    const { url } = portal.runtime
    const worker = await signedInPage(portal.browser, url, '张建国')
    await worker.locator('.service-tile', { hasText: '法律援助' }).click()
    await worker.locator('.legal-home .ask-for-help').click()
    const form = worker.locator('.legal-ask')
    await form.locator('.field-category').getByText('欠薪', { exact: true }).click()
    const story = form.locator('.field-story textarea')
    await story.fill('老板拖欠工资')
    await form.locator('.field-employer input').fill('温州鹿城某建筑劳务有限公司')
    await form.locator('.field-amount input').fill('12000')
    await form.locator('.field-stillEmployed').getByText('还在').click()
    await form.locator('.limit-text', { hasText: '不受一年时效限制' }).waitFor()
    await form.locator('.field-contact').getByText('电话', { exact: true }).click()
    await form.locator('.field-migrant').click()
    await form.locator('.field-hometown input').fill('贵州省毕节市')
    await form.locator('.means-exempt', { hasText: '不用核对家庭经济状况' }).waitFor()
    await form.locator('.legal-consent').click()
    await form.locator('.submit-ask').click()
    // Too short a story: the server's problem stays under the field only until the worker writes more.
    const storyError = form.locator('.field-error', { hasText: '请把发生的事写清楚，至少20个字' })
    await storyError.waitFor()
    await story.fill('我在工地干了三个月，老板一直拖欠工资，一共欠了一万二千元，多次讨要都没有结果。')
    await storyError.waitFor({ state: 'detached' })
    await form.locator('.submit-ask').click()
    const mine = worker.locator('.legal-case')
    await mine.locator('.case-status', { hasText: '已提交' }).waitFor()
    expect(await mine.locator('.promise-text').textContent()).toMatch(/^1个工作日内受理（\d+月\d+日前.*），7个工作日内答复是否提供援助（\d+月\d+日前.*）$/)
    const caseUrl = worker.url()

    const desk = await signedInPage(portal.browser, url, '王志愿')
    await desk.goto(`${url}/#/pages/me/index`)
    await desk.locator('.open-legal-desk').click()
    await desk.locator('.legal-desk .queue-item', { hasText: '张*国' }).click()
    const work = desk.locator('.legal-work')
    await work.locator('.acknowledge').click()
    await work.locator('.case-status', { hasText: '已受理' }).waitFor()
    await work.locator('.field-assignee').getByText('赵明', { exact: false }).click()
    await work.locator('.assign-lawyer').click()
    await work.getByText('负责律师 赵明', { exact: false }).first().waitFor()
    await work.locator('.grant').click()
    await work.locator('.case-status', { hasText: '提供援助' }).waitFor()

    const lawyer = await signedInPage(portal.browser, url, '赵律师')
    await lawyer.goto(`${url}/#/pages/me/index`)
    await lawyer.locator('.open-legal-lawyer').click()
    await lawyer.locator('.legal-lawyer .lawyer-case', { hasText: '张*国' }).click()
    const lawyerCase = lawyer.locator('.legal-work')
    await lawyerCase.locator('.field-message textarea').fill('张师傅您好，我是赵律师。请把工资条和考勤记录准备好，我们约调解室和老板面谈。')
    await lawyerCase.locator('.send-message').click()
    await lawyerCase.locator('.thread-message.mine', { hasText: '我是赵律师' }).waitFor()

    await worker.goto(caseUrl)
    await mine.locator('.lawyer-name', { hasText: '负责律师：赵明' }).waitFor()
    await mine.locator('.thread-message.theirs', { hasText: '我是赵律师' }).waitFor()
    await mine.locator('.field-message textarea').fill('好的赵律师，工资条我都留着。')
    await mine.locator('.send-message').click()
    await mine.locator('.thread-message.mine', { hasText: '工资条我都留着' }).waitFor()

    await mine.locator('.room-picker .slot').first().click()
    await confirmModal(worker)
    await mine.locator('.appointment .appointment-place', { hasText: '劳动争议调解室' }).waitFor()
    expect(await mine.locator('.appointment .appointment-time').textContent()).toMatch(/\d+月\d+日（周[二四]） \d\d:\d\d–\d\d:\d\d/)

    await lawyer.reload()
    await lawyerCase.locator('.thread-message.theirs', { hasText: '工资条我都留着' }).waitFor()
    await lawyerCase.locator('.appointment .appointment-place', { hasText: '劳动争议调解室' }).waitFor()
    await lawyerCase.locator('.field-outcome').getByText('调解成功').click()
    await lawyerCase.locator('.field-recovered input').fill('12000')
    await lawyerCase.locator('.field-close-note textarea').fill('双方在调解室达成协议，公司当场支付全部工资')
    await lawyerCase.locator('.close').click()
    await confirmModal(lawyer)
    await lawyerCase.locator('.case-status', { hasText: '已结案' }).waitFor()

    await worker.goto(caseUrl)
    await mine.locator('.outcome', { hasText: '办理结果：调解成功' }).waitFor()
    expect(await mine.locator('.outcome').textContent()).toContain(`为您追回 ${formatYuan(1_200_000)}`)
    await mine.locator('.field-stars .nut-rate-item').nth(4).click()
    await mine.locator('.field-comment textarea').fill('赵律师很耐心，谢谢工会')
    await mine.locator('.submit-rating').click()
    await mine.locator('.rating .stars', { hasText: '★★★★★' }).waitFor()
    expect(await mine.locator('.case-timeline .nut-step-title').allTextContents()).toEqual([
      '已提交',
      '已受理',
      '已指派律师',
      '提供援助',
      '已预约调解室',
      '已结案',
      '已评价',
    ])

    await worker.goto(`${url}/#/pages/inbox/index`)
    for (const title of ['已提交', '已受理', '已指派律师', '提供援助', '律师留言', '已预约调解室', '已结案', '已评价']) {
      await worker.locator('.message', { hasText: `欠薪求助：${title}` }).first().waitFor()
    }
    await lawyer.goto(`${url}/#/pages/inbox/index`)
    for (const title of ['新的法律援助案件', '欠薪求助：申请人留言', '申请人预约了调解室', '职工评价了您的案件']) {
      await lawyer.locator('.message', { hasText: title }).first().waitFor()
    }
    await worker.goto(`${url}/#/pages/index/index`)
    await worker.locator('.request-item', { hasText: '法律援助：欠薪求助' }).locator('text=已结案').waitFor()
    await worker.locator('.request-item', { hasText: '法律援助：欠薪求助' }).click()
    // The row opens legal help's own case page (the pages before it stay in the H5 stack, hidden once
    // the page has changed: on a busy machine the one seen before is still shown for a moment).
    await worker.waitForURL(/\/packages\/legal\/case\/index\?caseId=/)
    await worker.waitForFunction(
      () => Array.from(document.querySelectorAll('.legal-case .case-status')).filter((e) => e.getClientRects().length > 0 && e.textContent!.includes('已结案')).length === 1,
    )

    for (const page of [worker, desk, lawyer]) await page.context().close()
  })
})
