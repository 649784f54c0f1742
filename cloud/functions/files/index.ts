import { FileIdInput, type FilesContract } from '../../../types/files'
import { defineFunction } from '../../core/defineFunction'
import { AppError, forbidden, notFound } from '../../core/errors'
import { canRead, FILE_LINK_MS, type FileRecord } from '../../core/files'

export const filesFunction = defineFunction<FilesContract>('files', {
  url: {
    roles: ['worker'],
    input: FileIdInput,
    readOnly: true,
    async run(ctx, input) {
      const { data: file } = await ctx.db.collection<FileRecord>('files').doc(input.fileId).get()
      if (!file) throw notFound('文件不存在')
      if (!canRead(ctx.user, file)) throw forbidden('只有本人和负责的工作人员可以查看这个文件')
      if (!ctx.fileLink) throw new AppError('INTERNAL', '文件服务暂不可用')
      const expiresAt = ctx.now() + FILE_LINK_MS
      return { url: await ctx.fileLink(file._id, expiresAt), expiresAt }
    },
  },
})
