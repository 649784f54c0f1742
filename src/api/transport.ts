import Taro from '@tarojs/taro'
import type { CallData, Envelope } from '@/types/envelope'
import { NETWORK_ERROR } from './errors'
import { tokenStore } from './session'

const API_BASE = process.env.TARO_APP_API_BASE || ''
const CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV || ''

/** CloudBase in a weapp build with a cloud env configured; HTTP to the local runtime otherwise. */
export const usesCloud = process.env.TARO_ENV === 'weapp' && CLOUD_ENV !== ''

let cloudReady = false
function cloud() {
  if (!cloudReady) {
    Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
    cloudReady = true
  }
  return Taro.cloud
}

export async function post<T>(path: string, data: unknown): Promise<Envelope<T>> {
  const token = tokenStore.get()
  try {
    const res = await Taro.request<Envelope<T>>({
      url: `${API_BASE}${path}`,
      method: 'POST',
      data: data as Record<string, unknown>,
      header: { 'content-type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      timeout: 15000,
    })
    const body = res.data
    if (body && typeof body === 'object' && 'ok' in body) return body
    return { ok: false, error: NETWORK_ERROR }
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
}

export async function get<T>(path: string): Promise<Envelope<T>> {
  try {
    const res = await Taro.request<Envelope<T>>({ url: `${API_BASE}${path}`, method: 'GET', timeout: 15000 })
    return res.data
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
}

/** One call of one action of one cloud function, answered with the protocol's envelope. */
export async function callFunction<T>(name: string, data: CallData): Promise<Envelope<T>> {
  if (!usesCloud) return post<T>(`/api/${name}`, data)
  try {
    const res = await cloud().callFunction({ name, data: data as unknown as Record<string, unknown> })
    return res.result as Envelope<T>
  } catch {
    return { ok: false, error: NETWORK_ERROR }
  }
}
