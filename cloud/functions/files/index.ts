import { createHash } from 'node:crypto'
import { FileIdInput, isOwnUpload, RegisterUploadInput, type FilesContract } from '../../../types/files'
import { defineFunction } from '../../core/defineFunction'
import { AppError, forbidden, invalid, notFound } from '../../core/errors'
import { canRead, detectFileType, FILE_LINK_MS, readsAsCaseParty, refuseUpload, type FileRecord } from '../../core/files'
import { hasRole } from '../../core/identity'

export const filesFunction = defineFunction<FilesContract>('files', {
  url: {
    roles: ['worker'],
    input: FileIdInput,
    access: 'read',
    // Audited when staff open someone else's private file, below; an owner reading their own is not.
    audited: false,
    async run(ctx, input) {
      const { data: file } = await ctx.db.collection<FileRecord>('files').doc(input.fileId).get()
      if (!file) throw notFound('文件不存在')
      if (!canRead(ctx.user, file) && !(await readsAsCaseParty(ctx.db, ctx.user, file))) throw forbidden('只有本人和负责的工作人员可以查看这个文件')
      if (!ctx.fileLink) throw new AppError('INTERNAL', '文件服务暂不可用')
      if (!file.public && file.ownerId !== ctx.user._id) {
        await ctx.audit({ target: file._id, subjects: [file.ownerId], summary: '查看上传的材料' })
      }
      const expiresAt = ctx.now() + FILE_LINK_MS
      return { url: await ctx.fileLink(file, expiresAt), expiresAt }
    },
  },

  register: {
    roles: ['worker'],
    input: RegisterUploadInput,
    access: 'write',
    remember: true,
    collectsNew: true,
    audited: false,
    async run(ctx, input) {
      const storage = ctx.cloudStorage
      if (!storage) throw new AppError('FAILED_PRECONDITION', '请通过上传接口提交文件')
      // The phone uploads into the caller's own folder; a file elsewhere is not theirs to register.
      if (!isOwnUpload(input.cloudFileId, input.service, ctx.user._id)) {
        throw forbidden('只能登记自己上传的文件')
      }
      const content = await storage.read(input.cloudFileId).catch(() => null)
      if (!content) throw invalid({ file: '没有找到上传的文件，请重新上传' })
      const refusal = refuseUpload(content)
      const type = detectFileType(content)
      if (refusal !== null || !type) {
        await storage.remove(input.cloudFileId).catch(() => undefined)
        const message = refusal ?? '文件类型不支持'
        throw invalid({ file: message }, message)
      }
      const isPublic = input.service === 'stations' && (hasRole(ctx.user, 'admin') || hasRole(ctx.user, 'volunteer:stations'))
      const file: FileRecord = {
        _id: createHash('sha256').update(input.cloudFileId).digest('hex').slice(0, 32),
        cloudFileId: input.cloudFileId,
        ownerId: ctx.user._id,
        service: input.service,
        mime: type.mime,
        size: content.length,
        public: isPublic,
        createdAt: ctx.now(),
      }
      const { data: known } = await ctx.db.collection<FileRecord>('files').doc(file._id).get()
      if (!known) await ctx.db.collection<FileRecord>('files').doc(file._id).set({ data: file })
      const record = known ?? file
      const url = ctx.fileLink ? await ctx.fileLink(record, ctx.now() + FILE_LINK_MS) : ''
      return { fileId: record._id, url, size: record.size, mime: record.mime }
    },
  },
})
