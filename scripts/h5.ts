/**
 * The H5 build, in one small script that `npm start`, `npm run build:h5` and whatever later runs the
 * runtime share:
 *
 *   tsx scripts/h5.ts build        builds dist/h5 (webpack, through Taro), then compresses it
 *   tsx scripts/h5.ts ensure       the same, only when what the build reads changed since the last one
 *
 * The webpack log goes to `dist/h5-build.log`; the terminal gets one line, or the log's end when the
 * build failed. After the build every text file is stored compressed beside itself (`.br`, `.gz`,
 * node's zlib) for the runtime to serve as it is (`@fastify/static`'s `preCompressed`).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const ROOT = resolve(__dirname, '..')
const OUT = join(ROOT, 'dist/h5')
const STAMP = join(ROOT, 'dist/h5.stamp')
const LOG = join(ROOT, 'dist/h5-build.log')

/** What the H5 build reads: the app, the contracts and rules it shares, the build's configuration. */
const INPUTS = ['src', 'types', 'cloud/domain', 'config', 'babel.config.js', 'tsconfig.json', 'package.json', 'package-lock.json', 'project.config.json', 'scripts/h5.ts']
/** The environment the build bakes in (config/index.ts `env`), and the mode. */
const ENV_INPUTS = ['NODE_ENV', 'TARO_APP_API_BASE', 'TARO_APP_CLOUD_ENV', 'TARO_APP_TMPL_STATUS']

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) yield* files(join(path, name))
  } else {
    yield path
  }
}

/** A hash of every input file's path and content and of the environment the build bakes in. */
export function inputsHash() {
  const hash = createHash('sha256')
  for (const input of INPUTS) {
    for (const file of files(join(ROOT, input))) {
      hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  for (const name of ENV_INPUTS) hash.update(`${name}=${process.env[name] ?? ''}\0`)
  return hash.digest('hex')
}

/** Text files worth compressing; images are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|ico|map)$/

/** Stores `.br` and `.gz` beside each text file of dist/h5 where that is smaller. */
export function compress(dir = OUT): { before: number; after: number } {
  let before = 0
  let after = 0
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const body = readFileSync(file)
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    const gz = gzipSync(body, { level: 9 })
    if (br.length < body.length) writeFileSync(`${file}.br`, br)
    if (gz.length < body.length) writeFileSync(`${file}.gz`, gz)
    before += body.length
    after += Math.min(br.length, body.length)
  }
  return { before, after }
}

/** Runs Taro's H5 build with its output in the log file; resolves with the exit code. */
function taroBuild(): Promise<number> {
  // A fresh clone has no dist/ yet.
  mkdirSync(join(ROOT, 'dist'), { recursive: true })
  const log = openSync(LOG, 'w')
  const taro = join(ROOT, 'node_modules/.bin/taro')
  return new Promise((done) => {
    const child = spawn(taro, ['build', '--type', 'h5'], { cwd: ROOT, stdio: ['ignore', log, log], env: { ...process.env, FORCE_COLOR: '0' } })
    child.on('close', (code) => {
      closeSync(log)
      done(code ?? 1)
    })
  })
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`

export async function build(): Promise<boolean> {
  const started = Date.now()
  const hash = inputsHash()
  process.stdout.write('Building the H5 app (about a minute the first time) … ')
  const code = await taroBuild()
  if (code !== 0 || !existsSync(join(OUT, 'index.html'))) {
    process.stdout.write('failed.\n')
    const lines = readFileSync(LOG, 'utf8').split('\n').filter((line) => line.trim() !== '')
    console.error(lines.slice(-30).join('\n'))
    console.error(`The whole log: ${relative(process.cwd(), LOG)}`)
    return false
  }
  const { before, after } = compress()
  writeFileSync(STAMP, hash)
  process.stdout.write(`done in ${Math.round((Date.now() - started) / 1000)} s (${kb(before)} of text, ${kb(after)} compressed).\n`)
  return true
}

/** Builds only when the inputs changed since the last build (or there is none). */
export async function ensure(): Promise<boolean> {
  const built = existsSync(join(OUT, 'index.html')) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : ''
  if (built && built === inputsHash()) {
    console.log('H5 app is up to date (dist/h5).')
    return true
  }
  return build()
}

// Run as a command (not imported by a test).
if (/scripts[\\/]h5\.ts$/.test(process.argv[1] ?? '')) {
  const command = process.argv[2]
  const run = command === 'build' ? build : command === 'ensure' ? ensure : command === 'compress' ? async () => (compress(), true) : null
  if (!run) {
    console.error('usage: tsx scripts/h5.ts build | ensure | compress')
    process.exit(2)
  }
  run().then((ok) => process.exit(ok ? 0 : 1))
}
