import * as v from 'valibot'

export const FileIdInput = v.object({
  fileId: v.pipe(v.string('缺少文件编号'), v.minLength(1, '缺少文件编号'), v.maxLength(200, '文件编号不正确')),
})

export interface FilesContract {
  /** A link to read the file for a while: for its owner, staff of its service, or anyone when public. */
  url: { input: v.InferInput<typeof FileIdInput>; output: { url: string; expiresAt: number } }
}
