import { MAX_FILES_PER_CASE, type CaseAttachment } from '../../types/cases'
import type { Service } from '../../types/roles'
import type { Db, Transaction } from '../db/types'
import { shanghaiMidnight, formatShanghai } from '../domain/time'
import type { Ctx } from './context'
import { invalid } from './errors'
import { hasRole } from './identity'
import type { UserRecord } from './records'

/** A stored upload (`files` collection): who may read it follows from its owner and service. */
export interface FileRecord {
  _id: string
  ownerId: string
  /** The service it was uploaded for; `account` for a copy of the owner's own data (我的数据). */
  service: Service | 'account'
  mime: string
  size: number
  /** Where CloudBase storage keeps it; absent for files on the local runtime's disk. */
  cloudFileId?: string
  /** Readable by anyone signed in (station photos). */
  public: boolean
  /** Its bytes on the local runtime's disk are sealed (AES-GCM, the PII key family). */
  sealed?: boolean
  /** What refers to it: until something does, it is removed once a draft could no longer hold it. */
  attachedTo?: { collection: string; id: string }
  createdAt: number
}

/** What may be uploaded, recognised by the first bytes of the file rather than its name. */
const SIGNATURES: Array<{ ext: 'jpg' | 'png' | 'pdf'; mime: string; magic: number[] }> = [
  { ext: 'jpg', mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'png', mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: 'pdf', mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
]

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export function detectFileType(head: Uint8Array) {
  return SIGNATURES.find((s) => s.magic.every((byte, i) => head[i] === byte)) ?? null
}

/** Why an upload is refused, in the worker's words; null when it may be kept. */
export function refuseUpload(content: Uint8Array): string | null {
  if (content.length === 0) return '文件是空的，请重新选择'
  if (content.length > MAX_UPLOAD_BYTES) return '文件不能超过10MB'
  if (!detectFileType(content)) return '只能上传 jpg、png 图片或 pdf 文件'
  return null
}

/** What one person may upload in a day (Asia/Shanghai): enough for every form, not for abuse. */
export const DAILY_UPLOAD_FILES = 50
export const DAILY_UPLOAD_BYTES = 100 * 1024 * 1024
export const UPLOAD_QUOTA_MESSAGE = '今天上传的文件太多了，请明天再试或联系工会'

/** Whether `ownerId` may store one more file of `size` bytes today. */
export async function withinUploadQuota(db: Db, ownerId: string, size: number, now: number): Promise<boolean> {
  const since = shanghaiMidnight(formatShanghai(now, 'YYYY-MM-DD'))
  const { data } = await db
    .collection<FileRecord>('files')
    .where({ ownerId, createdAt: db.command.gte(since) })
    .limit(DAILY_UPLOAD_FILES + 1)
    .get()
  const bytes = data.reduce((sum, f) => sum + f.size, 0)
  return data.length < DAILY_UPLOAD_FILES && bytes + size <= DAILY_UPLOAD_BYTES
}

/** How long an upload nothing refers to is kept: as long as a draft on the phone may still hold it. */
export const ORPHAN_UPLOAD_MS = 7 * 24 * 60 * 60 * 1000

/** Marks the stored files among these as referred to by a record, in that record's transaction. */
export async function attachFiles(tx: Transaction, fileIds: string[], to: { collection: string; id: string }) {
  for (const fileId of new Set(fileIds)) {
    const ref = tx.collection<FileRecord>('files').doc(fileId)
    if ((await ref.get()).data) await ref.update({ data: { attachedTo: to } })
  }
}

/** Uploads older than `ORPHAN_UPLOAD_MS` that nothing refers to, a page at a time. */
export async function orphanUploads(db: Db, now: number, limit = 100): Promise<FileRecord[]> {
  const { data } = await db
    .collection<FileRecord>('files')
    .where({ attachedTo: db.command.exists(false), createdAt: db.command.lt(now - ORPHAN_UPLOAD_MS) })
    .limit(limit)
    .get()
  return data
}

/** How long a link to a private file works. */
export const FILE_LINK_MS = 10 * 60 * 1000

/** The owner, staff of the file's service and admins may read a file; anyone, a public one; a copy of one's own data, the owner alone. */
export function canRead(user: UserRecord, file: FileRecord): boolean {
  if (file.public || file.ownerId === user._id) return true
  if (file.service === 'account') return false
  return hasRole(user, 'admin') || hasRole(user, `volunteer:${file.service}`)
}

/** How long the link to a copy of one's own data works, and how long the copy is kept. */
export const EXPORT_LINK_MS = 24 * 60 * 60 * 1000

/**
 * The people on a case read the files that go with it: the worker whose case it is and the person
 * assigned to it (legal help: the lawyer reads the worker's pay slips, the worker the lawyer's papers).
 */
export async function readsAsCaseParty(db: Db, user: UserRecord, file: FileRecord): Promise<boolean> {
  if (file.attachedTo?.collection !== 'cases') return false
  const { data } = await db.collection<{ ownerId: string; assigneeId?: string }>('cases').doc(file.attachedTo.id).get()
  return Boolean(data && (data.ownerId === user._id || data.assigneeId === user._id))
}

/**
 * Checks the files a worker attaches to a case: each is theirs, uploaded for this service, not
 * attached already, names an item of the checklist, and the case stays within `MAX_FILES_PER_CASE`.
 */
export async function checkAttachments(
  ctx: Ctx,
  service: Service,
  wanted: Array<{ fileId: string; material: string }>,
  materials: readonly string[],
  already: CaseAttachment[] = [],
): Promise<CaseAttachment[]> {
  const field = (i: number) => `attachments.${i}`
  if (already.length + wanted.length > MAX_FILES_PER_CASE) {
    throw invalid({ attachments: `每份申请最多${MAX_FILES_PER_CASE}个文件，已有${already.length}个` })
  }
  const seen = new Set(already.map((a) => a.fileId))
  const now = ctx.now()
  const files = ctx.db.collection<FileRecord>('files')
  const checked: CaseAttachment[] = []
  for (const [i, item] of wanted.entries()) {
    if (!materials.includes(item.material)) throw invalid({ [field(i)]: '这项材料不在清单里' })
    if (seen.has(item.fileId)) throw invalid({ [field(i)]: '同一个文件上传了两次' })
    seen.add(item.fileId)
    const { data: file } = await files.doc(item.fileId).get()
    if (!file || file.ownerId !== ctx.user._id || file.service !== service) {
      throw invalid({ [field(i)]: '文件不存在或不是您为这项服务上传的，请重新上传' })
    }
    checked.push({ fileId: item.fileId, material: item.material, addedAt: now })
  }
  return checked
}
