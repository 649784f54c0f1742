import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { generatePiiKey, piiKeyFromEnv } from '../core/pii'
import type { CloudReady, CloudStart, CloudThread } from './cloudThread'
import { PERSONAS } from './seed/personas'
import { buildServer } from './server'
import { startWorker } from './thread'

/** A secret read from the environment, or generated once into the data folder and kept there. */
function secretFile(dataDir: string, file: string, make: () => Buffer): Buffer {
  const path = join(dataDir, file)
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
  const value = make()
  writeFileSync(path, value.toString('base64'), { mode: 0o600 })
  return value
}

async function main() {
  // Two folders up from cloud/local/ as from its bundle dist/server/ (`scripts/build-server.ts`).
  const root = resolve(__dirname, '../..')
  const dataDir = resolve(process.env.LUGONG_DATA_DIR ?? join(root, 'data'))
  const port = Number(process.env.PORT ?? 8600)
  const host = process.env.HOST ?? '127.0.0.1'
  const dev = process.env.NODE_ENV !== 'production'
  mkdirSync(dataDir, { recursive: true })

  const piiKey = piiKeyFromEnv(process.env.LUGONG_PII_KEY) ?? secretFile(dataDir, 'pii.key', generatePiiKey)
  // Each mode signs with its own secret: a token from dev mode never opens production.
  const tokenSecret = dev
    ? secretFile(dataDir, 'token.dev.key', () => randomBytes(32)).toString('hex')
    : (process.env.LUGONG_TOKEN_SECRET ?? secretFile(dataDir, 'token.production.key', () => randomBytes(32)).toString('hex'))
  const seeding = (process.env.LUGONG_SEED ?? (dev ? 'on' : 'off')) === 'on'
  const start: CloudStart = { dataDir, piiKey, tokenSecret, seeding, dev }
  const { remote: cloud, ready, worker } = await startWorker<CloudThread, CloudReady>(join(__dirname, 'cloud.js'), start)
  let stopping = false
  // Without its cloud the runtime answers nothing: it ends, and says why.
  worker.on('error', (error) => console.error("the cloud's thread failed:", error))
  worker.on('exit', (code) => {
    if (stopping) return
    console.error(`the cloud's thread stopped (${code}): the local runtime ends`)
    process.exit(1)
  })
  const app = await buildServer({ cloud, dev, tokenSecret, h5Dir: join(root, 'dist/h5') })
  await app.listen({ port, host })

  const lines = [
    '',
    `鹿工之家 local runtime: http://${host}:${port}  (${dev ? 'dev mode' : 'production mode'})`,
    `data: ${dataDir}  (demo documents added now: ${ready.inserted}; 我的办事 rows written: ${ready.rebuilt})`,
  ]
  if (dev) {
    lines.push('dev personas (pick one on the login page, or POST /api/auth/login {"code": "<code>"}):')
    for (const p of PERSONAS) lines.push(`  ${p.code.padEnd(14)} ${p.label} — ${p.description}`)
  }
  console.log(lines.join('\n'))

  const stop = async () => {
    if (stopping) return
    stopping = true
    // A cloud that hangs does not keep the process: ten seconds, then it ends anyway.
    setTimeout(() => process.exit(1), 10_000).unref()
    await app.close()
    await cloud.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
