import Taro from '@tarojs/taro'
import type { Envelope } from '@/types/envelope'
import { cloudUploadFolder, type UploadedFile } from '@/types/files'
import type { Service } from '@/types/roles'
import { useSession } from '../stores/session'
import { newRequestId } from '../utils/requestId'
import { ApiError, NETWORK_ERROR } from './errors'
import { api } from './index'
import { tokenStore } from './session'
import { usesCloud } from './transport'

const API_BASE = process.env.TARO_APP_API_BASE || ''

export interface Upload {
  /** The `files` record: what a case attaches and `files.url` reads. */
  fileId: string
  /** What an <Image> shows to the uploader: a cloud:// id on CloudBase, a link on the local runtime. */
  src: string
}

/**
 * Uploads a chosen file for a service: straight to CloudBase storage (into the caller's folder) and
 * then registered by the `files` function, which checks it; or to the local runtime, which checks
 * and records it in one step. Either way the server decides what is kept.
 */
export async function uploadFile(filePath: string, service: Service): Promise<Upload> {
  if (usesCloud) {
    const openid = useSession.getState().me?.openid
    if (!openid) throw new ApiError({ code: 'UNAUTHENTICATED', message: '请先登录' })
    const ext = /\.(jpe?g|png|pdf)$/i.exec(filePath)?.[1] ?? 'jpg'
    const cloudPath = `${cloudUploadFolder(service, openid)}${newRequestId()}.${ext}`
    let cloudFileId: string
    try {
      cloudFileId = (await Taro.cloud.uploadFile({ cloudPath, filePath })).fileID
    } catch {
      throw new ApiError(NETWORK_ERROR)
    }
    const registered = await api.files.register({ cloudFileId, service })
    return { fileId: registered.fileId, src: cloudFileId }
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
  const body = JSON.parse(res.data) as Envelope<UploadedFile>
  if (!body.ok) throw new ApiError(body.error)
  return { fileId: body.data.fileId, src: `${API_BASE}${body.data.url}` }
}

/** A link to read a stored file for a while (the owner, staff of its service). */
export async function fileUrl(fileId: string): Promise<string> {
  const { url } = await api.files.url({ fileId })
  return url.startsWith('/') ? `${API_BASE}${url}` : url
}

/** Photos from the album or camera, compressed on the phone before they are sent. */
export async function choosePhotos(count: number): Promise<string[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return res.tempFilePaths
}
