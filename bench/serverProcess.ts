import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')

/** The bench's local runtime (`bench/server.ts`) as its own process; resolves once it listens. */
export function startServer(env: Record<string, string>): Promise<{ port: number; pid: number; stop(): void }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'bench/server.ts')], {
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

export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

export async function login(base: string, code: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })
  return ((await res.json()) as { data: { token: string } }).data.token
}
