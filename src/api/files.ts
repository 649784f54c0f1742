import Taro from '@tarojs/taro'
import { ApiError, NETWORK_ERROR } from './errors'
import { tokenStore } from './session'
import { usesCloud } from './transport'

const API_BASE = process.env.TARO_APP_API_BASE || ''

/** Uploads a chosen file: CloudBase storage on the cloud transport, the local runtime otherwise. */
export async function uploadFile(filePath: string, folder: string): Promise<string> {
  if (usesCloud) {
    const ext = /\.(jpe?g|png|pdf)$/i.exec(filePath)?.[1] ?? 'jpg'
    const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${Date.now()}-${Math.random().toString(36).slice(2)}.${ext}`, filePath })
    return res.fileID
  }
  const token = tokenStore.get()
  let res: Taro.uploadFile.SuccessCallbackResult
  try {
    res = await Taro.uploadFile({
      url: `${API_BASE}/api/upload`,
      filePath,
      name: 'file',
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
