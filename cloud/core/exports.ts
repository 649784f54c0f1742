import { randomBytes } from 'node:crypto'
import type { ExportedFile } from '../../types/mydata'
import type { Ctx } from './context'
import { AppError } from './errors'
import { EXPORT_LINK_MS, type FileRecord } from './files'

/**
 * Stores a file made for its caller alone (a copy of their data, the figures as a spreadsheet): a
 * private file of the `account` kind, reachable through the link answered for 24 hours, after which
 * the housekeeping function removes it (`removeOldExports`).
 */
export async function storeExport(ctx: Ctx, file: { ext: string; mime: string; bytes: Buffer; name: string }): Promise<ExportedFile> {
  if (!ctx.fileStore || !ctx.fileLink) throw new AppError('INTERNAL', '文件服务暂不可用')
  const id = `${randomBytes(16).toString('hex')}.${file.ext}`
  const where = await ctx.fileStore.put(id, file.bytes, ctx.user._id)
  const now = ctx.now()
  const record: FileRecord = {
    _id: id,
    ownerId: ctx.user._id,
    service: 'account',
    mime: file.mime,
    size: file.bytes.length,
    public: false,
    sealed: !where.cloudFileId,
    attachedTo: { collection: 'exports', id: ctx.user._id },
    createdAt: now,
    ...(where.cloudFileId ? { cloudFileId: where.cloudFileId } : {}),
  }
  await ctx.db.collection<FileRecord>('files').add({ data: record })
  const expiresAt = now + EXPORT_LINK_MS
  return { fileId: id, url: await ctx.fileLink(record, expiresAt), expiresAt, name: file.name }
}
