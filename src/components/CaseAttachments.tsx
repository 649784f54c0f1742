import { Text, View } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import type { CaseAttachment } from '@/types/cases'
import { formatTime } from '../utils/format'
import { openFile } from '../utils/openFile'

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
