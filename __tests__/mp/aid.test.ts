import { createHarness, type Harness } from '../cloud/harness'
import { installWeapp, openPage, tap, textOf, until } from './weapp'

jest.setTimeout(30_000)

describe('the built weapp aid self-check page (miniprogram-simulate on dist/weapp)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await createHarness()
    installWeapp(h, 'dev-worker')
  })
  afterAll(() => h.close())

  it('renders the self-check, says applying online is not open yet, and names each missing field', async () => {
    const page = openPage('packages/aid/selfcheck/index')
    await until(() => textOf(page).includes('家庭人口'))
    expect(textOf(page)).toContain('网上申请即将开放')
    tap(page, '.run-check')
    await until(() => page.querySelectorAll('.field-error').length >= 2)
    expect(textOf(page)).toContain('家庭人口至少1人')
  })
})
