import Taro from '@tarojs/taro'
import type { Service } from '@/types/roles'
import { ApiError, NETWORK_ERROR } from './errors'
import { tokenStore } from './session'
import { usesCloud } from './transport'

const API_BASE = process.env.TARO_APP_API_BASE || ''

/**
 * Uploads a chosen file for a service and answers a link to show it: CloudBase storage on the cloud
 * transport, the local runtime otherwise (which records who may read it).
 */
export async function uploadFile(filePath: string, service: Service): Promise<string> {
  if (usesCloud) {
    const ext = /\.(jpe?g|png|pdf)$/i.exec(filePath)?.[1] ?? 'jpg'
    const res = await Taro.cloud.uploadFile({ cloudPath: `${service}/${Date.now()}-${Math.random().toString(36).slice(2)}.${ext}`, filePath })
    return res.fileID
  }
  const token = tokenStore.get()
  let res: Taro.uploadFile.SuccessCallbackResult
  try {
    res = await Taro.uploadFile({
      url: `${API_BASE}/api/upload`,
      filePath,
      name: 'file',
      formData: { service },
      header: token ? { Authorization: `Bearer ${token}` } : {},
    })
  } catch {
    throw new ApiError(NETWORK_ERROR)
  }
  const body = JSON.parse(res.data) as { ok: boolean; data?: { url: string }; error?: { code: never; message: string } }
  if (!body.ok || !body.data) throw new ApiError(body.error ?? NETWORK_ERROR)
  return `${API_BASE}${body.data.url}`
}

/** Photos from the album or camera, compressed on the phone before they are sent. */
export async function choosePhotos(count: number): Promise<string[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return res.tempFilePaths
}
