import { mkdtempSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { createPii, generatePiiKey } from '../../cloud/core/pii'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { seedDemoData } from '../../cloud/local/seed'
import { buildServer } from '../../cloud/local/server'
import { FUNCTIONS } from '../../cloud/functions/registry'

const ROOT = resolve(__dirname, '../..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The local runtime on a free port with a fresh database and the demo data, serving the H5 build. */
export async function startRuntime() {
  const h5Dir = join(ROOT, 'dist/h5')
  if (!existsSync(join(h5Dir, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  const dir = mkdtempSync(join(tmpdir(), 'lugong-e2e-'))
  const db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
  const pii = createPii(generatePiiKey())
  await seedDemoData(db, pii, Date.now())
  const app: FastifyInstance = await buildServer({ db, pii, dev: true, tokenSecret: 'e2e', h5Dir, filesDir: join(dir, 'files') })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    db,
    url: `http://127.0.0.1:${port}`,
    /** Calls a function as `openid`, for test setup, as the transports do. */
    async call<T = any>(openid: string, fn: string, action: string, payload: unknown): Promise<T> {
      const res = await FUNCTIONS[fn].handle({ action, payload }, { db, pii, openid, clock: Date.now })
      if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`)
      return res.data as T
    },
    async stop() {
      await app.close()
      db.close()
    },
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A phone-sized page in its own context (its own storage), signed in as a dev persona. */
export async function signedInPage(browser: Browser, baseUrl: string, personaLabel: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/#/pages/login/index`)
  await page.locator('.privacy-check').click()
  await page.locator('.persona', { hasText: personaLabel }).click()
  await page.locator('.service-grid').waitFor()
  return page
}

/** Taro's H5 storage keeps each value as `{"data": …}` under its key in localStorage. */
export const taroStored = (value: unknown) => JSON.stringify({ data: value })

/**
 * A browser context signed in as a dev persona without going through the login page (the token the
 * login route hands out, in storage before the app starts): for tests that open many pages.
 */
export async function personaContext(browser: Browser, baseUrl: string, openid: string, viewport = { width: 390, height: 844 }) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: openid.replace(/^dev-/, 'dev:') }),
  })
  const { data } = (await res.json()) as { data: { token: string } }
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  await context.addInitScript(([key, value]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, value)
  }, ['lugong.token', taroStored(data.token)] as const)
  return context
}

/** Care mode on or off for the pages of this origin from their next load (the session store's persisted choice). */
export async function setCareMode(page: Page, on: boolean) {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    ['lugong.session', taroStored(JSON.stringify({ state: { me: null, careChoice: on }, version: 0 }))] as const,
  )
}

/** A real 1×1 PNG: the browser decodes the photo before it is uploaded. */
const PHOTO = {
  name: 'photo.png',
  mimeType: 'image/png',
  buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
}

/** Taps the uploader of one checklist item and hands the browser's file chooser a photo. */
export async function uploadInto(page: Page, scope: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.locator(`${scope} .nut-uploader-upload`).first().click()
  await (await chooser).setFiles(PHOTO)
  await page.locator(`${scope} .material-count`, { hasText: '已上传1份' }).waitFor()
}

/**
 * The portal for one describe block: a fresh runtime and a browser before its tests, both closed
 * after. Read `portal.runtime` and `portal.browser` inside the tests.
 */
export function usePortal() {
  const portal = {} as { runtime: Awaited<ReturnType<typeof startRuntime>>; browser: Browser }
  beforeAll(async () => {
    portal.runtime = await startRuntime()
    portal.browser = await launchBrowser()
  })
  afterAll(async () => {
    await portal.browser?.close()
    await portal.runtime?.stop()
  })
  return portal
}
