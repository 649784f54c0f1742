import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { createPii, generatePiiKey, piiKeyFromEnv } from '../core/pii'
import { SqliteDb } from '../db/sqlite/driver'
import { seedDemoData } from './seed'
import { PERSONAS } from './seed/personas'
import { runHousekeeping } from '../functions/housekeeping'
import { rebuildAllRequests } from '../functions/registry'
import { buildServer } from './server'

/** A secret read from the environment, or generated once into the data folder and kept there. */
function secretFile(dataDir: string, file: string, make: () => Buffer): Buffer {
  const path = join(dataDir, file)
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')
  const value = make()
  writeFileSync(path, value.toString('base64'), { mode: 0o600 })
  return value
}

/** As often as CloudBase's timer trigger runs the housekeeping function. */
const HOUSEKEEPING_MS = 10 * 60 * 1000

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
  const db = new SqliteDb({ filename: join(dataDir, 'lugong.sqlite') })
  const pii = createPii(piiKey)

  // Demo data by default in dev mode only; in production only when asked for, and never the personas.
  const seeding = (process.env.LUGONG_SEED ?? (dev ? 'on' : 'off')) === 'on'
  const seeded = seeding ? await seedDemoData(db, pii, Date.now(), { personas: dev }) : { inserted: 0 }
  const rebuilt = await rebuildAllRequests(db)
  const app = await buildServer({
    db,
    pii,
    dev,
    tokenSecret,
    h5Dir: join(root, 'dist/h5'),
    filesDir: join(dataDir, 'files'),
  })
  await app.listen({ port, host })
  const scheduled = { db, clock: Date.now, removeFile: app.removeFile, compact: async () => db.checkpoint() }
  const housekeeping = setInterval(() => {
    runHousekeeping(scheduled).catch((error) => console.error('[housekeeping]', error))
  }, HOUSEKEEPING_MS)
  housekeeping.unref()

  const lines = [
    '',
    `鹿工之家 local runtime: http://${host}:${port}  (${dev ? 'dev mode' : 'production mode'})`,
    `data: ${dataDir}  (demo documents added now: ${seeded.inserted}; 我的办事 rows written: ${rebuilt})`,
  ]
  if (dev) {
    lines.push('dev personas (pick one on the login page, or POST /api/auth/login {"code": "<code>"}):')
    for (const p of PERSONAS) lines.push(`  ${p.code.padEnd(14)} ${p.label} — ${p.description}`)
  }
  console.log(lines.join('\n'))

  const stop = async () => {
    await app.close()
    db.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
