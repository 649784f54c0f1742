import type { Page } from 'playwright-core'
import { formatShanghai } from '../../cloud/domain/time'
import { signedInPage, usePortal } from './runtime'

jest.setTimeout(180_000)

const DAY = 24 * 60 * 60 * 1000
const RESUME_PHONE = '13912345678'

/** Taps the confirm button of the page's open dialog (Taro's showModal on H5). */
const confirmDialog = (page: Page) => page.locator('.taro-model__confirm').click()

/**
 * Taps the control that shows these words: a NutUI button, choice or list row draws its label in
 * an inner element and takes the tap itself, so the innermost control holding the label is tapped.
 */
async function tap(page: Page, words: string) {
  const label = page.getByText(words, { exact: true })
  await page.locator('taro-button-core, .nut-radio, .nut-checkbox, .nut-cell, .job-card, .service-tile', { has: label }).last().click()
}

/** The text box that shows this hint while empty (the browser's own input inside NutUI's). */
const box = (page: Page, hint: string) => page.locator(`input[placeholder="${hint}"], textarea[placeholder="${hint}"]`).first()

/** A list row (NutUI Cell) by the words it shows: the row takes the tap, not its title. */
const row = (page: Page, words: string) => page.locator('.nut-cell', { hasText: words }).first()

/** One wheel's height in px (NutUI's `--nutui-picker-item-height`). */
const WHEEL_LINE = 36

/** A finger's swipe on the touch screen, slow enough that the wheel does not fling on. */
async function swipe(page: Page, x: number, fromY: number, toY: number) {
  const cdp = await page.context().newCDPSession(page)
  const steps = 12
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] })
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: fromY + ((toY - fromY) * i) / steps }] })
    await page.waitForTimeout(30)
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

/** Turns one wheel of the open picker, swipe by swipe, until it shows these words. */
async function turnWheel(page: Page, column: number, words: string) {
  const wheel = page.locator('.nut-pickerview-list:visible').nth(column)
  for (let swipes = 0; swipes < 20; swipes++) {
    // A wheel settles (and the wheels after it are made again) a moment after the finger lifts.
    await page.waitForTimeout(350)
    const labels = await wheel.locator('.nut-pickerview-roller-item').allTextContents()
    const at = labels.indexOf((await wheel.locator('.nut-pickerview-roller-item-active').textContent()) ?? '')
    const want = labels.indexOf(words)
    if (want < 0) throw new Error(`the wheel does not offer ${words}: ${labels.join(' ')}`)
    if (at === want) return
    const box = (await wheel.boundingBox())!
    const lines = Math.max(-4, Math.min(4, want - at))
    const fromY = box.y + box.height / 2 + Math.sign(lines) * 2 * WHEEL_LINE
    // A finger never lands exactly on a line: the wheel settles onto the nearest, which is what picks it.
    await swipe(page, box.x + box.width / 2, fromY, fromY - (lines + Math.sign(lines) * 0.3) * WHEEL_LINE)
  }
  throw new Error(`the wheel did not reach ${words}`)
}

/** Opens a date-and-time field and turns its wheels (年 月 日 时 分) to this moment, Wenzhou time, then 确认. */
async function pickMoment(page: Page, title: string, ms: number) {
  await row(page, title).click()
  const wheels = formatShanghai(ms, 'YYYY年 MM月 DD日 HH时 mm分').split(' ')
  for (const [column, words] of wheels.entries()) await turnWheel(page, column, words)
  await page.getByText('确认', { exact: true }).filter({ visible: true }).click()
}

describe('e2e: 就业招聘 from a verified employer to a hired worker', () => {
  const portal = usePortal()

  it('the admin verifies the employer, its HR publishes a job, a worker finds it and applies, HR invites (the phone shown only then) and hires', async () => {
    const { url } = portal.runtime
    // The demo employer starts suspended, so that the admin has one to verify.
    await portal.runtime.call('dev-admin', 'jobs', 'setEmployerStatus', { employerId: 'demo-employer-1', status: 'suspended', reason: '年检资料待补' })

    // The admin: 我的 → 工作台 → 企业与招聘会 → 已暂停 → the employer → 认证通过.
    const admin = await signedInPage(portal.browser, url, '林管理')
    await admin.goto(`${url}/#/pages/me/index`)
    await row(admin, '企业与招聘会').click()
    await tap(admin, '已暂停')
    await row(admin, '温州鹿城顺达快递有限公司').click()
    await tap(admin, '认证通过')
    await admin.locator('.employer-status', { hasText: '已认证' }).waitFor()

    // HR: 我的 → 工作台 → 招聘管理 → 发布新岗位, a job at 7,000–9,000 a month.
    const hr = await signedInPage(portal.browser, url, '陈人事')
    await hr.goto(`${url}/#/pages/me/index`)
    await row(hr, '招聘管理').click()
    await tap(hr, '发布新岗位')
    await box(hr, '如：快递分拣员').fill('夜班理货员')
    await hr.locator('.field-headcount input').fill('3')
    // The two amounts the wrong way round, as a hurried hand types them.
    await box(hr, '最低，如 5500').fill('9000')
    await box(hr, '最高，如 7500').fill('7000')
    await box(hr, '年龄、经验、证书、班次等，至少10个字').fill('能上夜班，会用扫码枪清点货物，细心负责。')
    await tap(hr, '包吃住')
    // 返回 and back again: what was typed is still there (a draft on the phone).
    await hr.getByText('返回', { exact: true }).filter({ visible: true }).click()
    await tap(hr, '发布新岗位')
    await box(hr, '如：快递分拣员').waitFor()
    expect(await box(hr, '如：快递分拣员').inputValue()).toBe('夜班理货员')
    expect(await hr.locator('.field-headcount input').inputValue()).toBe('3')
    expect(await box(hr, '最低，如 5500').inputValue()).toBe('9000')
    expect(await box(hr, '年龄、经验、证书、班次等，至少10个字').inputValue()).toBe('能上夜班，会用扫码枪清点货物，细心负责。')
    await tap(hr, '保存并发布')
    const salaryError = hr.locator('.job-form .field-error', { hasText: '最高月薪不能低于最低月薪' })
    await salaryError.waitFor()
    // Correcting either amount takes the old problem away at once, before the next 保存.
    await box(hr, '最低，如 5500').fill('7000')
    await salaryError.waitFor({ state: 'detached' })
    await box(hr, '最高，如 7500').fill('9000')
    await tap(hr, '保存并发布')
    await hr.locator('.hr-job', { hasText: '夜班理货员' }).getByText('招聘中', { exact: true }).waitFor()
    // Once published the draft is gone: the next new job starts empty.
    await tap(hr, '发布新岗位')
    await box(hr, '如：快递分拣员').waitFor()
    expect(await box(hr, '如：快递分拣员').inputValue()).toBe('')
    await hr.getByText('返回', { exact: true }).filter({ visible: true }).click()

    // The worker: 首页 → 就业招聘, searches 理货 at 7,500 or more, writes a résumé and applies.
    const worker = await signedInPage(portal.browser, url, '张建国')
    await tap(worker, '就业招聘')
    await worker.locator('.job-card').first().waitFor({ timeout: 15_000 })
    await box(worker, '岗位、企业或要求，如：快递 分拣').fill('理货')
    await tap(worker, '更多筛选')
    await box(worker, '如：6000，不填不限').fill('7500')
    await tap(worker, '确定')
    // The list reloads once per change of the search (words, then filters): wait for the one that
    // holds exactly this job; a filter that let others through never gets there.
    await worker.waitForFunction(() => document.querySelectorAll('.job-card').length === 1 && document.querySelector('.job-card')!.textContent!.includes('夜班理货员'))
    await tap(worker, '夜班理货员')
    await worker.getByText('工会认证', { exact: true }).waitFor()
    await tap(worker, '填写我的简历')
    await box(worker, '企业联系您用').fill(RESUME_PHONE)
    await box(worker, '如：2019年至今在鹿城区做快递员').fill('2019年至今在顺丰鹿城网点做快递员。')
    await tap(worker, '一周内到岗')
    await tap(worker, '保存简历')
    await tap(worker, '投递简历')
    await confirmDialog(worker)
    await worker.getByText('查看进展', { exact: true }).waitFor()

    // HR opens the applicant: the phone masked; invites; the phone is shown.
    await hr.goto(`${url}/#/packages/hr/jobs/index`)
    await hr.locator('.hr-job', { hasText: '夜班理货员' }).locator('taro-button-core', { hasText: '应聘者（1）' }).click()
    await row(hr, '张*国 · 41岁').click()
    await hr.getByText('邀请面试后显示', { exact: true }).waitFor()
    expect(await hr.locator('.applicant-phone').textContent()).toContain('139****5678')
    expect(await hr.locator('.hr-application').textContent()).not.toContain(RESUME_PHONE)
    await tap(hr, '邀请面试')
    // Three days ahead at 14:30, Wenzhou time: the wheels stand at tomorrow 09:00 until turned.
    const interview = Date.parse(`${formatShanghai(Date.now() + 3 * DAY, 'YYYY-MM-DD')}T14:30:00+08:00`)
    const interviewShown = formatShanghai(interview, 'YYYY-MM-DD HH:mm')
    await pickMoment(hr, '面试时间', interview)
    expect(await row(hr, '面试时间').textContent()).toContain(formatShanghai(interview, 'YYYY-MM-DD'))
    expect(await row(hr, '面试时间').textContent()).toContain('14:30')
    await box(hr, '街道、门牌号、楼层').fill('温州市鹿城区车站大道577号三楼')
    await tap(hr, '发送邀请')
    await hr.getByText('拨打', { exact: true }).waitFor()
    expect(await hr.locator('.applicant-phone').textContent()).toContain(RESUME_PHONE)
    // The moment picked is the moment the server keeps.
    expect(await row(hr, '面试安排').textContent()).toContain(interviewShown)

    // The worker reads the invitation in 消息 and sees it waiting for them in 我的办事.
    await worker.goto(`${url}/#/pages/inbox/index`)
    await worker.getByText('夜班理货员：邀请面试', { exact: true }).waitFor()
    await worker.goto(`${url}/#/pages/me/index`)
    // It waits for the worker: under 要您处理, with the invitation as its status.
    const request = worker.locator('.requests-waiting .request-item', { hasText: '应聘：夜班理货员' })
    await request.getByText('邀请面试', { exact: true }).waitFor()
    await request.click()
    await tap(worker, '确认参加面试')
    await worker.locator('.interview-confirmed').waitFor()
    // Invited, the worker has whom to call at the employer.
    expect(await worker.locator('.employer-contact').textContent()).toMatch(/企业联系人.*\d{3,}/)

    // HR marks the worker hired; the worker's timeline ends there.
    await hr.reload()
    await hr.getByText('已确认参加', { exact: false }).first().waitFor()
    await tap(hr, '录用')
    await confirmDialog(hr)
    await hr.locator('.hr-application .application-status', { hasText: '已录用' }).first().waitFor()
    await worker.reload()
    await worker.locator('.job-application .application-status', { hasText: '已录用' }).first().waitFor()
    const steps = await worker.locator('.application-timeline .nut-step-title').allTextContents()
    expect(steps).toEqual(['已投递', '已查看', '邀请面试', '已确认面试', '已录用'])

    for (const page of [admin, hr, worker]) await page.context().close()
  })

  it('the admin sets a fair\'s start and end on the wheels, and the server keeps those moments', async () => {
    const { url } = portal.runtime
    const day = formatShanghai(Date.now() + 5 * DAY, 'YYYY-MM-DD')
    const startsAt = Date.parse(`${day}T09:30:00+08:00`)
    const endsAt = Date.parse(`${day}T16:00:00+08:00`)
    const admin = await signedInPage(portal.browser, url, '林管理')
    await admin.goto(`${url}/#/pages/me/index`)
    await row(admin, '企业与招聘会').click()
    await tap(admin, '新建招聘会')
    await box(admin, '如：2027春风行动·鹿城专场').fill('春风行动·线上专场')
    await tap(admin, '线上招聘会')
    await pickMoment(admin, '开始时间', startsAt)
    // The end's wheels start after the start (here three hours on) and are turned from there.
    await pickMoment(admin, '结束时间', endsAt)
    await box(admin, 'https://').fill('https://zph.example.cn/lucheng')
    await tap(admin, '保存')
    const item = admin.locator('.admin-fair-item', { hasText: '春风行动·线上专场' })
    await item.waitFor()
    expect(await item.textContent()).toContain(formatShanghai(startsAt, 'YYYY-MM-DD HH:mm'))
    // Opened again, both fields show what was kept.
    await item.click()
    await row(admin, '结束时间').getByText(/\d{2}:\d{2}/).waitFor()
    expect(await row(admin, '开始时间').textContent()).toContain(`${day}`)
    expect(await row(admin, '开始时间').textContent()).toContain('09:30')
    expect(await row(admin, '结束时间').textContent()).toContain('16:00')
    await admin.context().close()
  })
})
