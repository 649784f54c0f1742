import Taro from '@tarojs/taro'
import { fileUrl } from '../api/files'
import { showError } from './useSubmit'

/** Opens a stored file through a short-lived link: images in the viewer, PDFs in the reader. */
export async function openFile(fileId: string) {
  try {
    const url = await fileUrl(fileId)
    if (!/\.pdf(\?|$)/.test(url)) {
      await Taro.previewImage({ urls: [url], current: url })
    } else if (process.env.TARO_ENV === 'weapp') {
      const { tempFilePath } = await Taro.downloadFile({ url })
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' })
    } else {
      window.open(url, '_blank')
    }
  } catch (error) {
    showError(error)
  }
}
