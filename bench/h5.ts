/**
 * The H5 first load on a weak signal (issue 15): the login page opened in Chromium under its
 * "Fast 3G" network emulation (562.5 ms round trip, 180 KB/s down, 84.375 KB/s up), as a worker's
 * phone at a red light would. Measured: the bytes transferred (bodies as sent, compressed, plus
 * headers) until the persona list is there, and the time until a persona can be tapped; then the
 * same for a second visit with the browser's cache.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { createPii, generatePiiKey } from '../cloud/core/pii'
import { SqliteDb } from '../cloud/db/sqlite/driver'
import { seedDemoData } from '../cloud/local/seed'
import { buildServer } from '../cloud/local/server'

const ROOT = resolve(__dirname, '..')

/** Chromium DevTools' "Fast 3G" preset. */
export const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 }

export interface FirstLoad {
  /** Bytes on the wire for the visit, headers included. */
  transferred: number
  /** From the start of navigation until a persona can be tapped. */
  usableMs: number
  requests: Array<{ url: string; bytes: number }>
}

async function visit(page: Page, url: string): Promise<FirstLoad> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', FAST_3G)
  const urls = new Map<string, string>()
  const requests: FirstLoad['requests'] = []
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url))
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? '?'
    // Images inlined into the CSS are no requests.
    if (!url.startsWith('data:')) requests.push({ url, bytes: e.encodedDataLength })
  })
  const start = Date.now()
  await page.goto(url, { waitUntil: 'commit' })
  // Usable: the persona list is visible and a tap would land on a persona (actionability checks).
  await page.locator('.persona').first().click({ trial: true, timeout: 60_000 })
  const usableMs = Date.now() - start
  await page.waitForLoadState('networkidle')
  await cdp.detach()
  return { transferred: requests.reduce((sum, r) => sum + r.bytes, 0), usableMs, requests }
}

/** The first visit and a second one with the browser's cache, each under Fast 3G. */
export async function measureFirstLoad(): Promise<{ first: FirstLoad; again: FirstLoad }> {
  const h5Dir = join(ROOT, 'dist/h5')
  if (!existsSync(join(h5Dir, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  const dir = mkdtempSync(join(tmpdir(), 'lugong-bench-h5-'))
  const db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
  const pii = createPii(generatePiiKey())
  await seedDemoData(db, pii, Date.now())
  const app = await buildServer({ db, pii, dev: true, tokenSecret: 'bench', h5Dir, filesDir: join(dir, 'files') })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const first = await visit(await context.newPage(), `${base}/`)
    const again = await visit(await context.newPage(), `${base}/`)
    return { first, again }
  } finally {
    await browser.close()
    await app.close()
    db.close()
  }
}
