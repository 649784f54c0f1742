/**
 * The cloud functions as a page under test sees them: the transport is replaced (in the test file,
 * `jest.mock('../../src/api/transport', () => require('./fakeServer').transport)`) and each action
 * answers what the test says: data, a refusal with the server's message, or a dropped network.
 */
import type { CallData, Envelope, ErrorCode } from '../../types/envelope'
import { NETWORK_ERROR } from '../../src/api/errors'

type Answer = Envelope<unknown> | Promise<Envelope<unknown>>
type Handler = (payload: any) => Answer

const handlers = new Map<string, Handler>()
const log: Array<{ fn: string; action: string; payload: any }> = []

export const ok = (data: unknown): Envelope<unknown> => ({ ok: true, data })
export const refuse = (code: ErrorCode, message: string): Envelope<unknown> => ({ ok: false, error: { code, message } })
/** What the real transport answers when the request never reached the server. */
export const networkDown = (): Envelope<unknown> => ({ ok: false, error: NETWORK_ERROR })

/** A call held open until the test lets it answer: the page stays loading meanwhile. */
export function held() {
  let answer!: (envelope: Envelope<unknown>) => void
  const promise = new Promise<Envelope<unknown>>((resolve) => {
    answer = resolve
  })
  return { promise, answer }
}

export const server = {
  /** How `fn.action` answers from now on. */
  on(fn: string, action: string, handler: Handler) {
    handlers.set(`${fn}.${action}`, handler)
  },
  /** The payloads `fn.action` was called with, in order. */
  calls(fn: string, action: string) {
    return log.filter((c) => c.fn === fn && c.action === action).map((c) => c.payload)
  },
  reset() {
    handlers.clear()
    log.length = 0
  },
}

async function callFunction(fn: string, data: CallData): Promise<Envelope<unknown>> {
  log.push({ fn, action: data.action, payload: data.payload })
  const handler = handlers.get(`${fn}.${data.action}`)
  if (!handler) return refuse('INTERNAL', `测试没有准备 ${fn}.${data.action}`)
  return handler(data.payload)
}

export const transport = {
  usesCloud: false,
  callFunction,
  post: async () => networkDown(),
  get: async () => networkDown(),
}
