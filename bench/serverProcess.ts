import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { buildForNode, RUNTIME_NODE_FLAGS } from '../scripts/build-server'

/** The bench's runtime, built once per bench run as `npm start` builds the local runtime (plain JavaScript). */
let built: Promise<{ 'bench-server': string }> | undefined

/** The bench's local runtime (`bench/server.ts`) as its own process; resolves once it listens. */
export async function startServer(env: Record<string, string>): Promise<{ port: number; pid: number; stop(): void }> {
  // The gateway starts the cloud's thread from `bench-cloud.js` beside it.
  built ??= buildForNode({ 'bench-server': 'bench/server.ts', 'bench-cloud': 'bench/cloud.ts' })
  const { 'bench-server': script } = await built
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...RUNTIME_NODE_FLAGS, script], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    })
    child.stdout.on('data', (chunk: Buffer) => {
      const m = /READY (\d+)/.exec(chunk.toString())
      if (m) resolvePromise({ port: Number(m[1]), pid: child.pid!, stop: () => child.kill('SIGTERM') })
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
}

/**
 * The CPU seconds a process has used, all its threads (the kernel's clock ticks of `/proc/<pid>/stat`):
 * in user code and in the kernel (sockets, for a server under load).
 */
export function cpuSeconds(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 }
}

export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

export async function login(base: string, code: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
  return ((await res.json()) as { data: { token: string } }).data.token
}
