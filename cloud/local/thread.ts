import { parentPort, Worker } from 'node:worker_threads'

/** An object whose methods answer promises: what one thread offers the other. */
type Api = { [method: string]: (...args: never[]) => Promise<unknown> }

/** The same methods, called from the other thread. */
export type Remote<A> = { [K in keyof A]: A[K] extends (...args: infer P) => Promise<infer R> ? (...args: P) => Promise<R> : never }

/** [call number, method, arguments] one way; [call number, succeeded, value or error text] back. */
type Call = [number, string, unknown[]]
type Reply = [number, boolean, unknown]

/**
 * The worker's young generation (V8 makes it three semi-spaces): 4 MB semi-spaces, as the main
 * thread's (`RUNTIME_NODE_FLAGS`). Nearby searches over HTTP, same machine and hour: 10,100–10,700 a
 * second and 176–183 MB resident this way; 9,600–10,000 and 176 MB with 8 MB ones here; 9,600 and
 * 200 MB with 2 MB ones here. With 8 MB semi-spaces in both threads the runtime read 188–219 MB.
 */
const WORKER_YOUNG_GENERATION_MB = 12

const described = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error))

/** The first reply: the worker is ready, with what it wants the main thread to know. */
const READY = -1

/**
 * In a worker: answers the main thread's calls on `api`, each started as its message arrives, so
 * calls reach `api` in the order they were made. `ready` goes to the main thread first.
 *
 * Written here rather than taken from comlink: with comlink the local runtime's nearby search over
 * HTTP cost 171 µs of CPU a request instead of 143 µs (docs/decisions.md, stop 22).
 */
export function serveToMainThread<A extends Api>(api: A, ready: unknown): void {
  const port = parentPort
  if (!port) throw new Error('serveToMainThread runs in a worker thread')
  port.on('message', ([id, method, args]: Call) => {
    const reply = (ok: boolean, value: unknown) => {
      try {
        port.postMessage([id, ok, value] satisfies Reply)
      } catch (error) {
        // An answer that cannot be copied across (a function, say) fails its call, not the thread.
        port.postMessage([id, false, `the answer cannot cross to the main thread: ${described(error)}`] satisfies Reply)
      }
    }
    const run = Object.hasOwn(api, method) ? (api[method] as (...args: unknown[]) => Promise<unknown>) : undefined
    if (!run) return reply(false, `no method ${method}`)
    let called: Promise<unknown>
    try {
      called = run(...args)
    } catch (error) {
      return reply(false, described(error))
    }
    called.then(
      (value) => reply(true, value),
      (error: unknown) => reply(false, described(error)),
    )
  })
  port.postMessage([READY, true, ready] satisfies Reply)
}

/** In a worker that could not get ready: the main thread's `startWorker` fails with this error. */
export function failedToStart(error: unknown): void {
  parentPort?.postMessage([READY, false, described(error)] satisfies Reply)
}

/**
 * Starts `script` as a worker that calls `serveToMainThread`, and answers its methods once it is
 * ready. If the worker dies, every call waiting on it fails, and so does every later one.
 */
export async function startWorker<A extends Api, R = unknown>(
  script: string,
  workerData: unknown,
): Promise<{ remote: Remote<A>; ready: R; worker: Worker }> {
  const worker = new Worker(script, { workerData, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } })
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let dead: Error | undefined
  let calls = 0
  const ready = new Promise<R>((resolve, reject) => waiting.set(READY, { resolve: resolve as (value: unknown) => void, reject }))
  worker.on('message', ([id, ok, value]: Reply) => {
    const call = waiting.get(id)
    if (!call) return
    waiting.delete(id)
    if (ok) call.resolve(value)
    else call.reject(new Error(`in the worker: ${String(value)}`))
  })
  const die = (error: Error) => {
    dead = error
    for (const call of waiting.values()) call.reject(error)
    waiting.clear()
  }
  worker.on('error', die)
  worker.on('exit', (code) => die(new Error(`the worker exited (${code})`)))
  const remote = new Proxy({} as Remote<A>, {
    // Not a promise itself (`await` looks for a `then`), and no symbol is a method of the worker.
    get: (_target, method) =>
      typeof method !== 'string' || method === 'then'
        ? undefined
        : (...args: unknown[]) =>
            new Promise((resolve, reject) => {
              if (dead) return reject(dead)
              const id = calls++
              waiting.set(id, { resolve, reject })
              try {
                worker.postMessage([id, method, args] satisfies Call)
              } catch (error) {
                waiting.delete(id)
                reject(error)
              }
            }),
  })
  return { remote, ready: await ready, worker }
}
