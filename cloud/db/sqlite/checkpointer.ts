import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/** Writes on the connection between two nudges of the worker. */
const WRITES_PER_NUDGE = 64
/** Writes before the worker is started at all: a short-lived database (a test, a script) never starts one. */
const WRITES_BEFORE_START = 256
/**
 * The connection's own automatic checkpoint once the worker runs: only a net for a worker that
 * falls behind (SQLite's default is 1,000 pages); and the size the log file is cut back to when it
 * starts over, since it can now grow past its old 4 MB in a burst.
 */
const SAFETY_PAGES = 8_000
const LOG_LIMIT_BYTES = 32 * 1024 * 1024

/** The connection's own checkpointing: SQLite's defaults, or only the net while the worker runs. */
export const OWN_CHECKPOINTS = { byDefault: ['wal_autocheckpoint = 1000', 'journal_size_limit = -1'], asNet: [`wal_autocheckpoint = ${SAFETY_PAGES}`, `journal_size_limit = ${LOG_LIMIT_BYTES}`] }

/** The worker: its own connection to the same file, a PASSIVE checkpoint whenever it is asked. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.filename)
db.pragma('busy_timeout = 5000')
const closed = new Int32Array(workerData.closed)
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    Atomics.store(closed, 0, 1)
    Atomics.notify(closed, 0)
    parentPort.close()
    return
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // Busy or interrupted: the next nudge tries again, and the connection's own checkpoint is the net.
  }
  parentPort.postMessage('done')
})
`

/**
 * Checkpoints in a thread of their own. In WAL mode the commit that finds the log past
 * `wal_autocheckpoint` pages copies it into the database file and waits for the disk (two fsyncs)
 * before it returns; in a rush of sign-ups that wait was a fifth of the time. Here a worker thread
 * with its own connection checkpoints (PASSIVE: it never blocks a writer) every few dozen writes, so
 * the connection that answers callers waits for the disk only if the worker falls far behind.
 * What is committed is exactly as durable as before: checkpoints only move it from the log into
 * the file.
 */
export class BackgroundCheckpointer {
  private worker: Worker | undefined
  private closedFlag: Int32Array | undefined
  private writes = 0
  private busy = false
  private stopped = false
  /** Checkpoints the worker has run (for tests). */
  done = 0

  constructor(
    private readonly filename: string,
    /** Runs pragmas on the connection (`OWN_CHECKPOINTS`). */
    private readonly pragmas: (pragmas: string[]) => void,
  ) {}

  /** One more write committed (or about to be) on the connection. */
  wrote(): void {
    this.writes++
    if (this.stopped || this.busy) return
    if (!this.worker) {
      if (this.writes >= WRITES_BEFORE_START) this.start()
      return
    }
    if (this.writes < WRITES_PER_NUDGE) return
    this.writes = 0
    this.busy = true
    this.worker.postMessage('checkpoint')
  }

  private start() {
    const shared = new SharedArrayBuffer(4)
    this.closedFlag = new Int32Array(shared)
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { filename: this.filename, module: createRequire(__filename).resolve('better-sqlite3'), closed: shared },
    })
    worker.unref()
    worker.on('message', () => {
      this.busy = false
      this.done++
    })
    worker.on('error', (error) => {
      // Without the worker the connection checkpoints for itself again, as SQLite does by default.
      console.error('[sqlite checkpointer]', error)
      this.stopped = true
      this.worker = undefined
      this.pragmas(OWN_CHECKPOINTS.byDefault)
    })
    this.worker = worker
    this.writes = WRITES_PER_NUDGE
    this.pragmas(OWN_CHECKPOINTS.asNet)
  }

  /** Closes the worker's connection before the caller closes its own (so that one is the last, and tidies up). */
  close(): void {
    this.stopped = true
    const worker = this.worker
    this.worker = undefined
    if (!worker || !this.closedFlag) return
    worker.postMessage('close')
    Atomics.wait(this.closedFlag, 0, 0, 5_000)
  }
}
