import { cloudbaseDb } from '../db/cloudbase'
import type { CloudStorage, FileStore, Runtime } from './context'
import type { CloudFunction } from './defineFunction'
import type { FileRecord } from './files'
import { createPii, piiKeyFromEnv, type Pii } from './pii'
import type { ScheduledRuntime } from './scheduled'

/* wx-server-sdk is provided by CloudBase at run time and ships no usable types. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- required at run time, not bundled: CloudBase provides it
const cloud = require('wx-server-sdk')

/**
 * WeChat subscribe messages through CloudBase's open API, with the template in WECHAT_TMPL_STATUS
 * (fields `thing1` what changed, `thing2` the details; both cut to WeChat's 20 characters).
 */
function subscribeMessage(): Runtime['subscribe'] {
  const templateId = process.env.WECHAT_TMPL_STATUS
  if (!templateId) return undefined
  return async (openid, message) => {
    await cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId,
      page: message.link,
      data: { thing1: { value: message.title.slice(0, 20) }, thing2: { value: message.body.slice(0, 20) } },
    })
  }
}

/** CloudBase storage's own temporary link, valid until `expiresAt` (its `maxAge`, in seconds). */
async function fileLink(file: FileRecord, expiresAt: number): Promise<string> {
  const maxAge = Math.max(60, Math.round((expiresAt - Date.now()) / 1000))
  const res = await cloud.getTempFileURL({ fileList: [{ fileID: file.cloudFileId ?? file._id, maxAge }] })
  return res.fileList[0].tempFileURL as string
}

/** Files a function makes (a copy of someone's data) go to CloudBase storage, under their owner. */
const fileStore: FileStore = {
  async put(name, bytes, ownerId) {
    const res = await cloud.uploadFile({ cloudPath: `exports/${ownerId}/${name}`, fileContent: bytes })
    return { cloudFileId: res.fileID as string }
  },
  async remove(file) {
    if (file.cloudFileId) await cloud.deleteFile({ fileList: [file.cloudFileId] })
  },
}

const cloudStorage: CloudStorage = {
  async read(cloudFileId) {
    const res = await cloud.downloadFile({ fileID: cloudFileId })
    return res.fileContent as Buffer
  },
  async remove(cloudFileId) {
    await cloud.deleteFile({ fileList: [cloudFileId] })
  },
}

/**
 * A deployed function's `main`: the CloudBase database, the caller's OPENID from the platform,
 * and the PII key from the function's environment (LUGONG_PII_KEY).
 */
export function cloudbaseMain(fn: CloudFunction) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloudbaseDb(cloud)
  let pii: Pii | null = null
  return async (event: unknown) => {
    if (!pii) {
      const key = piiKeyFromEnv(process.env.LUGONG_PII_KEY)
      if (!key) {
        console.error(`[${fn.name}] LUGONG_PII_KEY is not set in this function's environment`)
        return { ok: false, error: { code: 'INTERNAL', message: '服务暂不可用，请稍后再试' } }
      }
      pii = createPii(key)
    }
    const { OPENID } = cloud.getWXContext() as { OPENID?: string }
    return fn.handle(event, { db, pii, openid: OPENID || null, clock: Date.now, subscribe: subscribeMessage(), fileLink, cloudStorage, fileStore })
  }
}

/**
 * A scheduled function's `main` (the `housekeeping` function, CloudBase's timer trigger): runs its
 * work with no caller. A call from a mini-program (which carries an OPENID) is refused.
 */
export function cloudbaseScheduled(name: string, run: (runtime: ScheduledRuntime) => Promise<unknown>) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloudbaseDb(cloud)
  const removeFile = async (file: FileRecord) => {
    if (file.cloudFileId) await cloud.deleteFile({ fileList: [file.cloudFileId] })
  }
  return async () => {
    const { OPENID } = cloud.getWXContext() as { OPENID?: string }
    if (OPENID) return { ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } }
    const done = await run({ db, clock: Date.now, removeFile })
    console.log(`[${name}]`, JSON.stringify(done))
    return { ok: true, data: done }
  }
}
