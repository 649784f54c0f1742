import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import type { CaseAttachment } from '@/types/cases'
import { fileUrl } from '../api/files'
import { formatTime } from '../utils/format'
import { showError } from '../utils/useSubmit'

/** Opens a stored file through a short-lived link: images in the viewer, PDFs in the reader. */
async function openFile(fileId: string) {
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

/** The checklist of a case with what was handed in for each item. */
export function CaseAttachments({ materials, attachments }: { materials: Array<{ key: string; name: string }>; attachments: CaseAttachment[] }) {
  return (
    <View className="section case-attachments">
      <Text className="section-title">材料</Text>
      {materials.map((m) => {
        const files = attachments.filter((a) => a.material === m.key)
        return (
          <View key={m.key} className={`attachment-group material-${m.key}`}>
            <Cell title={m.name} extra={files.length ? `${files.length}份` : '未交'} className={files.length ? '' : 'missing'} />
            {files.map((f, i) => (
              <Cell key={f.fileId} className="attachment" title={`第${i + 1}份`} description={formatTime(f.addedAt)} extra="查看" clickable onClick={() => openFile(f.fileId)} />
            ))}
          </View>
        )
      })}
    </View>
  )
}
