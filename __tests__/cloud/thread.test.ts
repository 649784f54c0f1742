import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorker } from '../../cloud/local/thread'
import { buildForNode } from '../../scripts/build-server'

/**
 * The local runtime's two threads (`cloud/local/thread.ts`): calls reach the cloud's thread in the
 * order the gateway made them, whatever order their answers come back in; a failure there fails
 * that call only; a dead cloud thread fails every waiting call and every later one.
 */

type OrderWorker = {
  record(i: number): Promise<number>
  seen(): Promise<number[]>
  bytes(bytes: Uint8Array): Promise<number>
  refuse(): Promise<never>
  throwAtOnce(): Promise<never>
  uncloneable(): Promise<unknown>
  end(): Promise<never>
  nothing(): Promise<never>
}

let script: string
beforeAll(async () => {
  const built = await buildForNode({ orderWorker: '__tests__/cloud/threadWorker/orderWorker.ts' }, mkdtempSync(join(tmpdir(), 'lugong-thread-')))
  script = built.orderWorker
})

it('answers once the worker is ready, and each call reaches it in the order made', async () => {
  const { remote, ready, worker } = await startWorker<OrderWorker, { started: boolean }>(script, null)
  try {
    expect(ready).toEqual({ started: true })
    const made = Array.from({ length: 500 }, (_, i) => i)
    const answers = await Promise.all(made.map((i) => remote.record(i)))
    expect(answers).toEqual(made.map((i) => i * 2))
    expect(await remote.seen()).toEqual(made)
    expect(await remote.bytes(Buffer.from('四个字节'))).toBe(12)
  } finally {
    await worker.terminate()
  }
})

it('fails the call that failed in the worker, asked for no method or cannot cross, and goes on answering', async () => {
  const { remote, worker } = await startWorker<OrderWorker>(script, null)
  try {
    await expect(remote.refuse()).rejects.toThrow('refused in the worker')
    await expect(remote.nothing()).rejects.toThrow('no method nothing')
    await expect(remote.throwAtOnce()).rejects.toThrow('thrown at once')
    await expect(remote.uncloneable()).rejects.toThrow('cannot cross to the main thread')
    await expect(remote.record((() => 1) as unknown as number)).rejects.toThrow()
    expect(await remote.record(7)).toBe(14)
  } finally {
    await worker.terminate()
  }
})

it('fails every waiting call, and every later one, once the worker has died', async () => {
  const { remote } = await startWorker<OrderWorker>(script, null)
  const waiting = remote.end()
  await expect(waiting).rejects.toThrow('the worker exited (3)')
  await expect(remote.record(1)).rejects.toThrow('the worker exited (3)')
})
