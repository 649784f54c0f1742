/**
 * `npm run check:weapp`: WeChat's own code quality scan of dist/weapp (miniprogram-ci, offline),
 * plus the package sizes. Prints a JSON report on the last line; exits 1 when an item fails.
 * miniprogram-ci leaves a file watcher running, hence the explicit exit.
 */
const path = require('node:path')
const fs = require('node:fs')
const ci = require('miniprogram-ci')

const ROOT = path.resolve(__dirname, '..')
const WEAPP = path.join(ROOT, 'dist/weapp')
const KB = 1024
const MAIN_LIMIT = 800 * KB
const SUB_LIMIT = 400 * KB

function sizeOf(dir, skip = []) {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (skip.includes(full)) continue
    total += entry.isDirectory() ? sizeOf(full, skip) : fs.statSync(full).size
  }
  return total
}

function packageSizes() {
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP, 'app.json'), 'utf8'))
  const roots = (app.subPackages || app.subpackages || []).map((p) => p.root)
  const subs = Object.fromEntries(roots.map((root) => [root, sizeOf(path.join(WEAPP, root))]))
  const main = sizeOf(WEAPP, roots.map((root) => path.join(WEAPP, root)).concat(path.join(WEAPP, 'project.config.json')))
  return { main, subs }
}

async function main() {
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: WEAPP,
    privateKeyPath: __filename,
    ignores: ['node_modules/**/*'],
  })
  const quality = await ci.checkCodeQuality(project)
  const sizes = packageSizes()
  const items = (Array.isArray(quality) ? quality : quality.items || quality.result || []).map((item) => ({
    name: item.name || item.title || item.key,
    success: item.success ?? item.pass ?? item.passed,
  }))
  const failed = items.filter((i) => !i.success)
  const sizeProblems = []
  if (sizes.main > MAIN_LIMIT) sizeProblems.push(`main package ${sizes.main} > ${MAIN_LIMIT}`)
  for (const [root, bytes] of Object.entries(sizes.subs)) if (bytes > SUB_LIMIT) sizeProblems.push(`${root} ${bytes} > ${SUB_LIMIT}`)
  const report = { items, sizes, failed: failed.map((i) => i.name), sizeProblems, raw: items.length ? undefined : quality }
  console.log(JSON.stringify(report))
  process.exit(failed.length || sizeProblems.length || items.length === 0 ? 1 : 0)
}

main().catch((error) => {
  console.error(error)
  process.exit(2)
})
