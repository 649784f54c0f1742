import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until, wxCalls } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp childcare pages (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-worker')
  })
  afterAll(() => h.close())

  it('lists the classes with seats, and a countdown for the one not open yet', async () => {
    const page = openPage('packages/childcare/classes/index')
    await until(() => page.querySelectorAll('.class-card').length === 2)
    expect(textOf(page)).toContain('五马街道职工子女爱心托班（一班）')
    expect(textOf(page)).toContain('剩余名额 30/30')
    expect(textOf(page)).toContain('距开始报名还有')
    tap(page, '.sign-up')
    await until(() => wxCalls.some((c) => c.api === 'navigateTo' && JSON.stringify(c.arg).includes('signup/index?classId=demo-class-1')))
  })

  it('renders the sign-up form and shows the server\'s word on each wrong field', async () => {
    const page = openPage('packages/childcare/signup/index', { classId: 'demo-class-1' })
    await until(() => textOf(page).includes('五马街道职工子女爱心托班（一班）'))
    // The form follows once who is signed in is known too (RealNameFirst): slower on a busy machine.
    await until(() => textOf(page).includes('孩子身份证号'))
    tap(page, '.submit-signup')
    await until(() => page.querySelectorAll('.field-error').length >= 5)
    expect(textOf(page)).toContain('请阅读并同意《儿童个人信息保护说明》')
    expect(await h.all('childcare_enrollments')).toHaveLength(0)
  })
})
