import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { allPages, ROUTE_FIXTURES, TOP_LEVEL_PAGES, World, type Persona } from './routeFixtures'
import { personaContext, setCareMode, usePortal } from './runtime'

/**
 * Every page of `src/routes.ts` with the data it needs (routeFixtures.ts), at 320 px and 390 px,
 * in normal and care mode: no visible text crosses the screen's edge, and an inner page has a
 * visible title, 返回 and 首页. Once per page (390 px, normal mode) the accessibility scan (axe-core)
 * finds no critical or serious fault. One runtime, one browser, a page per persona reused.
 */
jest.setTimeout(600_000)

const WIDTHS = [320, 390] as const
const HEIGHT = 780

interface Overflow {
  text: string
  left: number
  right: number
  where: string
}

/**
 * Visible text whose box crosses the screen's left or right edge. Taro's page box hides what
 * overflows (overflow: hidden), so the page never scrolls sideways and `scrollWidth` shows
 * nothing: each text's own boxes are compared with the viewport instead. Text cut off on purpose
 * (an ellipsis) or inside a strip that scrolls sideways is judged within that box.
 */
function overflowingText(): Overflow[] {
  const found: Overflow[] = []
  const width = document.documentElement.clientWidth
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  const range = document.createRange()
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim()
    const element = node.parentElement
    if (!text || !element || !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue
    // A tab that is not shown waits beside the screen (NutUI Tabs slides between them).
    if (element.closest('.nut-tabpane:not(.active)')) continue
    let clip: DOMRect | null = null
    for (let a: Element | null = element; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a)
      const scrolls = (style.overflowX === 'auto' || style.overflowX === 'scroll') && a.scrollWidth > a.clientWidth
      if ((style.textOverflow === 'ellipsis' && style.overflowX !== 'visible') || scrolls) {
        clip = a.getBoundingClientRect()
        break
      }
    }
    range.selectNodeContents(node)
    for (const box of Array.from(range.getClientRects())) {
      if (box.width === 0 || box.height === 0) continue
      const left = clip ? Math.max(box.left, clip.left) : box.left
      const right = clip ? Math.min(box.right, clip.right) : box.right
      if (left < -1 || right > width + 1) {
        const path: string[] = []
        for (let a: Element | null = element; a && path.length < 4; a = a.parentElement) path.push(`${a.tagName.toLowerCase()}.${Array.from(a.classList).slice(0, 3).join('.')}`)
        found.push({ text: text.slice(0, 40), left: Math.round(left), right: Math.round(right), where: path.join(' < ') })
        break
      }
    }
  }
  return found
}

/** An inner page's bar: its title, 返回 and 首页, each visible. */
async function barProblems(page: Page): Promise<string[]> {
  const problems: string[] = []
  const title = page.locator('.page-bar-title')
  if (!(await title.isVisible()) || !(await title.textContent())?.trim()) problems.push('no visible title')
  if (!(await page.locator('.page-back').isVisible())) problems.push('no way back (返回)')
  if (!(await page.locator('.page-home').isVisible())) problems.push('no way home (首页)')
  return problems
}

/** Opens a page afresh and waits until it shows its data. */
async function open(page: Page, url: string, ready?: string) {
  await page.goto('about:blank')
  await page.goto(url)
  await page.locator('.page').first().waitFor({ state: 'visible' })
  if (ready) await page.locator(ready).first().waitFor({ state: 'visible', timeout: 20_000 })
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.load-skeleton')).some((e) => (e as HTMLElement).offsetParent !== null), undefined, { timeout: 20_000 })
  await page.waitForLoadState('networkidle')
}

describe('e2e sweep: every route of src/routes.ts, on small phones, in normal and care mode', () => {
  const portal = usePortal()
  const pages = new Map<Persona, { context: BrowserContext; page: Page }>()

  afterAll(async () => {
    for (const { context } of pages.values()) await context.close()
  })

  async function pageOf(persona: Persona): Promise<Page> {
    if (!pages.has(persona)) {
      const context = await personaContext(portal.browser, portal.runtime.url, persona, { width: 390, height: HEIGHT })
      pages.set(persona, { context, page: await context.newPage() })
    }
    return pages.get(persona)!.page
  }

  it('finds no text off the screen, a title and a way back on every inner page, and no serious accessibility fault', async () => {
    const world = new World(portal.runtime)
    const problems: string[] = []
    const routes = allPages()
    expect(routes.length).toBeGreaterThan(25)
    for (const path of routes) {
      const fixture = ROUTE_FIXTURES[path] ?? {}
      const persona = path === 'pages/login/index' ? null : (fixture.as ?? 'dev-worker')
      const query = fixture.query ? new URLSearchParams(await fixture.query(world)).toString() : ''
      const url = `${portal.runtime.url}/#/${path}${query ? `?${query}` : ''}`
      // The login page is seen by someone not signed in.
      const page = persona ? await pageOf(persona) : await (await portal.browser.newContext({ viewport: { width: 390, height: HEIGHT }, locale: 'zh-CN' })).newPage()
      const say = (what: string) => problems.push(`${path}: ${what}`)
      try {
        for (const care of [false, true]) {
          if (care && !persona) continue
          if (care) {
            await setCareMode(page, true)
          }
          await page.setViewportSize({ width: 390, height: HEIGHT })
          await open(page, url, fixture.ready)
          if (!care) {
            const axe = await new AxeBuilder({ page }).analyze()
            for (const v of axe.violations.filter((x) => x.impact === 'critical' || x.impact === 'serious')) {
              say(`axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n').slice(1).join(' ').slice(0, 160)})`).join(' | ')}`)
            }
          }
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: HEIGHT })
            // Taro sets the root font size on resize, again after 500 ms.
            await page.waitForTimeout(650)
            for (const o of await page.evaluate(overflowingText)) say(`${width}px${care ? ' care' : ''}: "${o.text}" spans ${o.left}…${o.right} (${o.where})`)
            if (!TOP_LEVEL_PAGES.has(path)) for (const p of await barProblems(page)) say(`${width}px${care ? ' care' : ''}: ${p}`)
          }
          if (care) await setCareMode(page, false)
        }
      } catch (error) {
        say(`could not be checked: ${(error as Error).message.split('\n')[0]}`)
      } finally {
        if (!persona) await page.context().close()
      }
    }
    expect(problems).toEqual([])
  })
})
