import Taro from '@tarojs/taro'
import type { Envelope } from '@/types/envelope'
import type { Functions, FunctionName } from '@/types/index'
import type { Me } from '@/types/users'
import { routes } from '../routes'
import { ApiError } from './errors'
import { tokenStore } from './session'
import { callFunction, get, post, usesCloud } from './transport'

export { ApiError } from './errors'
export { usesCloud } from './transport'

export interface CallOptions {
  /** One per user intent: a repeat of the same intent never makes a second record. */
  requestId?: string
}

export type Client<C> = {
  [A in keyof C]: C[A] extends { input: infer I; output: infer O } ? (input: I, options?: CallOptions) => Promise<O> : never
}

/** Calls one action and returns its data, or throws `ApiError` with the server's message and fields. */
export async function call<T>(fn: FunctionName, action: string, payload: unknown, options: CallOptions = {}): Promise<T> {
  const envelope = await callFunction<T>(fn, { action, payload, requestId: options.requestId })
  if (envelope.ok) return envelope.data
  if (envelope.error.code === 'UNAUTHENTICATED' && !usesCloud) {
    // The session ran out: sign in again rather than leave the worker with a dead page.
    tokenStore.clear()
    Taro.navigateTo({ url: routes.login }).catch(() => undefined)
  }
  throw new ApiError(envelope.error)
}

function client<F extends FunctionName>(fn: F): Client<Functions[F]> {
  return new Proxy({} as Client<Functions[F]>, {
    get: (_target, action: string) => (input: unknown, options?: CallOptions) => call(fn, action, input, options),
  })
}

const clients = new Map<string, unknown>()

/**
 * The typed client of every cloud function of the contract (`types/index.ts`): `api.stations.nearby({ lat, lng })`.
 * A new function's client needs no line here.
 */
export const api = new Proxy({} as { [F in FunctionName]: Client<Functions[F]> }, {
  get(_target, fn: string) {
    if (!clients.has(fn)) clients.set(fn, client(fn as FunctionName))
    return clients.get(fn)
  },
})

export interface Persona {
  code: string
  label: string
  description: string
  roles: string[]
}

/**
 * The persona list the H5 page asked for before its code arrived (`src/index.html`), once; then
 * nothing, and the list is asked for as usual.
 */
async function earlyPersonas(): Promise<Envelope<Persona[]> | null> {
  if (process.env.TARO_ENV !== 'h5') return null
  const holder = window as unknown as { __lugongPersonas?: Promise<Envelope<Persona[]>> }
  const early = holder.__lugongPersonas
  if (!early) return null
  delete holder.__lugongPersonas
  return early.catch(() => null)
}

/** Signing in to the HTTP transport; on CloudBase the platform knows the caller already. */
export const auth = {
  async personas(): Promise<Persona[]> {
    const res = (await earlyPersonas()) ?? (await get<Persona[]>('/api/auth/personas'))
    return res.ok ? res.data : []
  },
  async login(code: string): Promise<Me> {
    const res = await post<{ token: string; user: Me }>('/api/auth/login', { code })
    if (!res.ok) throw new ApiError(res.error)
    tokenStore.set(res.data.token)
    return res.data.user
  },
  signedIn: () => usesCloud || tokenStore.get() !== null,
  signOut: () => tokenStore.clear(),
}
