import * as v from 'valibot'
import { SERVICES } from './roles'

export const FileIdInput = v.object({
  fileId: v.pipe(v.string('缺少文件编号'), v.minLength(1, '缺少文件编号'), v.maxLength(64, '文件编号不正确'), v.regex(/^[\w.-]+$/, '文件编号不正确')),
})

/** Where the phone puts an upload in CloudBase storage: the function checks the caller's folder. */
export const cloudUploadFolder = (service: string, openid: string) => `uploads/${service}/${openid}/`

/**
 * Whether a CloudBase file id is `cloud://<env>.<bucket>/uploads/<service>/<openid>/<name>`: right in
 * the caller's own folder, with a plain file name — no query, fragment, climb or folder of its own.
 */
export function isOwnUpload(cloudFileId: string, service: string, openid: string): boolean {
  const m = /^cloud:\/\/[\w.-]+\/(.+)$/.exec(cloudFileId)
  const folder = cloudUploadFolder(service, openid)
  if (!m || !m[1].startsWith(folder)) return false
  return /^[\w-]{1,80}\.[a-z0-9]{1,5}$/i.test(m[1].slice(folder.length))
}

export const RegisterUploadInput = v.object({
  cloudFileId: v.pipe(v.string('缺少文件'), v.startsWith('cloud://', '文件编号不正确'), v.maxLength(300, '文件编号不正确')),
  service: v.picklist(SERVICES, '上传用途不正确'),
})

export interface UploadedFile {
  fileId: string
  url: string
  size: number
  mime: string
}

export interface FilesContract {
  /** A link to read the file for a while: for its owner, staff of its service, or anyone when public. */
  url: { input: v.InferInput<typeof FileIdInput>; output: { url: string; expiresAt: number } }
  /**
   * On CloudBase the phone uploads straight to storage; this checks the file (content, size) and
   * records owner and service, or removes it and says why.
   */
  register: { input: v.InferInput<typeof RegisterUploadInput>; output: UploadedFile }
}
