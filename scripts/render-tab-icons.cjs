/**
 * Renders the tab bar icons (81×81 PNG, grey and red) from the SVG shapes below with Chromium, and
 * the H5 favicon (the home shape in white on the portal's red, 32×32, a PNG inside an .ico).
 * Run by hand after changing a shape: `node scripts/render-tab-icons.cjs`; the files are committed.
 */
const { chromium } = require('playwright-core')
const path = require('node:path')

const SHAPES = {
  home: '<path d="M12 40 L40 16 L68 40" /><path d="M20 34 V66 H60 V34" /><path d="M34 66 V48 H46 V66" />',
  stations: '<path d="M40 70 C40 70 16 46 16 32 A24 24 0 0 1 64 32 C64 46 40 70 40 70 Z" /><circle cx="40" cy="32" r="8" />',
  inbox: '<path d="M14 20 H66 V54 H34 L22 64 V54 H14 Z" /><path d="M26 33 H54" /><path d="M26 43 H46" />',
  me: '<circle cx="40" cy="28" r="12" /><path d="M16 68 C16 52 28 46 40 46 C52 46 64 52 64 68" />',
}
const COLORS = { '': '#666666', '-active': '#c8161d' }

;(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><svg width="81" height="81" viewBox="0 0 80 80" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${shape}</svg></body></html>`,
      )
      await page.screenshot({ path: path.join(__dirname, '../src/assets/tab', `${name}${suffix}.png`), omitBackground: true })
    }
  }
  await page.setViewportSize({ width: 32, height: 32 })
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><svg width="32" height="32" viewBox="0 0 80 80"><rect width="80" height="80" rx="16" fill="#c8161d" /><g fill="none" stroke="#ffffff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">${SHAPES.home}</g></svg></body></html>`,
  )
  const png = await page.screenshot({ omitBackground: true })
  require('node:fs').writeFileSync(path.join(__dirname, '../src/favicon.ico'), icoOf(png, 32))
  await browser.close()
})()

/** An .ico holding one PNG image (ICONDIR, one ICONDIRENTRY, the PNG), as browsers read since 2007. */
function icoOf(png, size) {
  const header = Buffer.alloc(6 + 16)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // icon
  header.writeUInt16LE(1, 4) // one image
  header.writeUInt8(size, 6)
  header.writeUInt8(size, 7)
  header.writeUInt8(0, 8) // no palette
  header.writeUInt8(0, 9)
  header.writeUInt16LE(1, 10) // colour planes
  header.writeUInt16LE(32, 12) // bits per pixel
  header.writeUInt32LE(png.length, 14)
  header.writeUInt32LE(22, 18) // where the image starts
  return Buffer.concat([header, png])
}
