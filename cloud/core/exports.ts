import { randomBytes } from 'node:crypto'
import type { ExportedFile } from '../../types/mydata'
import type { Ctx } from './context'
import { AppError } from './errors'
import { EXPORT_LINK_MS, type FileRecord } from './files'

/** What a file made for its caller is for: a copy of their own data, or the union's figures. */
export type ExportPurpose = 'exports' | 'figures'

/** How many a person may make in 24 hours: each is rendered and stored, so a loop of taps must not fill the disk. */
export const EXPORTS_PER_DAY: Record<ExportPurpose, number> = { exports: 3, figures: 20 }

/**
 * Refuses one export more than the day's allowance. A copy of one's data is two files (PDF and
 * JSON); `filesEach` says how many one export stores.
 */
export async function refuseTooManyExports(ctx: Ctx, purpose: ExportPurpose, filesEach: number) {
  const perDay = EXPORTS_PER_DAY[purpose]
  const { data } = await ctx.db
    .collection<FileRecord>('files')
    .where({ ownerId: ctx.user._id, service: 'account', attachedTo: { collection: purpose }, createdAt: ctx.db.command.gt(ctx.now() - EXPORT_LINK_MS) })
    .limit(perDay * filesEach)
    .get()
  if (data.length >= perDay * filesEach) throw new AppError('RESOURCE_EXHAUSTED', `24小时内最多导出${perDay}次，请打开已经生成的文件，或明天再试`)
}

/**
 * Stores a file made for its caller alone (a copy of their data, the figures as a spreadsheet): a
 * private file of the `account` kind, reachable through the link answered for 24 hours, after which
 * the housekeeping function removes it (`removeOldExports`).
 */
export async function storeExport(ctx: Ctx, purpose: ExportPurpose, file: { ext: string; mime: string; bytes: Buffer; name: string }): Promise<ExportedFile> {
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
    attachedTo: { collection: purpose, id: ctx.user._id },
    createdAt: now,
    ...(where.cloudFileId ? { cloudFileId: where.cloudFileId } : {}),
  }
  await ctx.db.collection<FileRecord>('files').add({ data: record })
  const expiresAt = now + EXPORT_LINK_MS
  return { fileId: id, url: await ctx.fileLink(record, expiresAt), expiresAt, name: file.name }
}
