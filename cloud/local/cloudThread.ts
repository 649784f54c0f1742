import { join } from 'node:path'
import { workerData } from 'node:worker_threads'
import { createPii } from '../core/pii'
import { SqliteDb } from '../db/sqlite/driver'
import { rebuildAllRequests } from '../functions/registry'
import { localCloud, type LocalCloud } from './cloud'
import { seedDemoData } from './seed'
import { failedToStart, serveToMainThread } from './thread'

/** What the cloud's thread starts from, decided by the main thread (`main.ts`). */
export interface CloudStart {
  dataDir: string
  piiKey: Uint8Array
  tokenSecret: string
  /** Demo data added (and the dev personas with it). */
  seeding: boolean
  dev: boolean
}

/** What the cloud's thread offers the gateway: the cloud, and closing the database before the process ends. */
export type CloudThread = LocalCloud & { close(): Promise<void> }

export interface CloudReady {
  inserted: number
  rebuilt: number
}

/** As often as CloudBase's timer trigger runs the housekeeping function. */
const HOUSEKEEPING_MS = 10 * 60 * 1000

/**
 * The local runtime's cloud, in a thread of its own (`dist/server/cloud.js`): the database, the
 * functions, the file storage and their timer. The main thread reads, checks and answers requests,
 * so a search and the reading of the next request run on two cores at once.
 */
async function cloudThread({ dataDir, piiKey, tokenSecret, seeding, dev }: CloudStart) {
  const db = new SqliteDb({ filename: join(dataDir, 'lugong.sqlite') })
  const pii = createPii(Buffer.from(piiKey))
  // Demo data by default in dev mode only; in production only when asked for, and never the personas.
  const seeded = seeding ? await seedDemoData(db, pii, Date.now(), { personas: dev }) : { inserted: 0 }
  const rebuilt = await rebuildAllRequests(db)
  const cloud = localCloud({ db, pii, filesDir: join(dataDir, 'files'), secret: tokenSecret })
  const housekeeping = setInterval(() => {
    cloud.housekeeping().catch((error) => console.error('[housekeeping]', error))
  }, HOUSEKEEPING_MS)
  const close = async () => {
    clearInterval(housekeeping)
    db.close()
  }
  serveToMainThread<CloudThread>({ ...cloud, close }, { inserted: seeded.inserted, rebuilt } satisfies CloudReady)
}

// What stopped it goes to the main thread, which says so and ends the runtime.
cloudThread(workerData as CloudStart).catch(failedToStart)
