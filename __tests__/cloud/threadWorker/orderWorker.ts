import { serveToMainThread } from '../../../cloud/local/thread'

/** A worker for `thread.test.ts`: what it was asked, in the order asked; a refusal; an end. */
const seen: number[] = []
serveToMainThread(
  {
    // Each answers after a different delay, so answers come back in another order than asked.
    record: async (i: number) => {
      seen.push(i)
      await new Promise((resolve) => setTimeout(resolve, (i * 7) % 5))
      return i * 2
    },
    seen: async () => seen,
    bytes: async (bytes: Uint8Array) => bytes.byteLength,
    refuse: async () => {
      throw new Error('refused in the worker')
    },
    // Not async: throws before there is a promise.
    throwAtOnce: (() => {
      throw new Error('thrown at once')
    }) as () => Promise<never>,
    uncloneable: async () => () => 'a function',
    end: async () => process.exit(3),
  },
  { started: true },
)
