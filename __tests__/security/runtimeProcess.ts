import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { buildForNode } from '../../scripts/build-server'

/**
 * The local runtime as its own process, as `npm run serve` starts it: built (`scripts/build-server.ts`)
 * and run by node as plain JavaScript, in a process group of its own so that a signal reaches it
 * as it would from a terminal.
 */

const ROOT = resolve(__dirname, '../..')

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => done(port))
    })
  })
}

export interface RuntimeProcess {
  url: string
  child: ChildProcess
  /** What it has written to stdout and stderr so far. */
  output(): string
  /** Sends `signal` to the runtime's process group and waits until the runtime has exited. */
  stop(signal: NodeJS.Signals): Promise<void>
}

/** Starts the runtime on a free port with `env` (LUGONG_DATA_DIR, NODE_ENV, LUGONG_SEED …) and waits for its "local runtime" line. */
export async function startRuntimeProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<RuntimeProcess> {
  const port = await freePort()
  const inherited = { ...process.env }
  // Nothing of the test's own environment decides how the runtime starts.
  for (const key of ['NODE_ENV', 'LUGONG_SEED', 'LUGONG_PII_KEY', 'LUGONG_TOKEN_SECRET', 'LUGONG_DATA_DIR', 'HOST', 'PORT']) delete inherited[key]
  const { main } = await buildForNode()
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let out = ''
  child.stdout!.on('data', (chunk) => (out += chunk))
  child.stderr!.on('data', (chunk) => (out += chunk))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  let running = true
  void exited.then(() => (running = false))

  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the runtime did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs)
    const look = () => {
      if (/local runtime/.test(out)) {
        clearTimeout(timer)
        ready()
      }
    }
    child.stdout!.on('data', look)
    void exited.then(() => {
      clearTimeout(timer)
      fail(new Error(`the runtime exited before it was ready:\n${out}`))
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async stop(signal) {
      if (running) process.kill(-child.pid!, signal)
      await exited
    },
  }
}

/** A JSON POST to the runtime. */
export async function post(url: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return res.json()
}
