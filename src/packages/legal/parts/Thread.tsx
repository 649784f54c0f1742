import { Text, View } from '@tarojs/components'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { MAX_MESSAGE_CHARS, MAX_MESSAGE_FILES, type ThreadMessage } from '@/types/legal'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable, LoadMore } from '../../../components/Loadable'
import { MaterialUploader, type UploadedMaterial } from '../../../components/MaterialUploader'
import { formatTime } from '../../../utils/format'
import { openFile } from '../../../utils/openFile'
import { usePaged } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'

/**
 * The messages between the worker and the lawyer on a case, oldest first on screen; reading them
 * marks them read. `side` is who reads: the worker (`owner`) or the lawyer assigned (`assignee`).
 */
export function Thread({ caseId, side, canWrite, onRead }: { caseId: string; side: 'owner' | 'assignee'; canWrite: boolean; onRead?(): void }) {
  const read = side === 'owner' ? api.legal.thread : api.legal.caseThread
  const thread = usePaged(
    async (cursor) => {
      const page = await read({ caseId, cursor })
      if (!cursor) onRead?.()
      return page
    },
    { onShow: true },
  )
  const [text, setText] = useState('')
  const [files, setFiles] = useState<UploadedMaterial[]>([])
  const [uploaderKey, setUploaderKey] = useState(0)
  const { submit, busy, fieldErrors } = useSubmit()

  async function send() {
    const done = await submit((requestId) => api.legal.send({ caseId, text, files: files.map((f) => f.fileId) }, { requestId }))
    if (!done) return
    setText('')
    setFiles([])
    setUploaderKey((k) => k + 1)
    await thread.reload()
  }

  const other = side === 'owner' ? '律师' : '申请人'
  return (
    <View className="section thread">
      <Text className="section-title">和{other}的留言</Text>
      <Loadable load={thread} part="留言" isEmpty={(page) => page.items.length === 0 && !canWrite} empty="还没有留言">
        {(page) => (
          <View className="thread-list">
            <LoadMore list={thread} />
            {page.items.length === 0 && <Text className="muted">还没有留言。有什么情况、问题，都可以在这里写给{other}。</Text>}
            {[...page.items].reverse().map((m: ThreadMessage) => (
              <View key={m._id} className={`thread-message ${m.mine ? 'mine' : 'theirs'}`}>
                <Text className="muted thread-meta">
                  {m.mine ? '我' : m.from === 'owner' ? '申请人' : '律师'} · {formatTime(m.at)}
                </Text>
                {m.text && <Text className="thread-text">{m.text}</Text>}
                {m.files.map((fileId, i) => (
                  <Button key={fileId} size="small" className="thread-file" onClick={() => openFile(fileId)}>
                    查看附件{i + 1}
                  </Button>
                ))}
              </View>
            ))}
          </View>
        )}
      </Loadable>
      {canWrite && (
        <View className="thread-compose">
          <TextArea className="field-message" value={text} onChange={setText} placeholder={`写给${other}，最多${MAX_MESSAGE_CHARS}字`} maxLength={MAX_MESSAGE_CHARS} showCount />
          <FieldError message={fieldErrors.text} value={[text, files]} />
          <MaterialUploader key={uploaderKey} service="legal" material="message" title="附图（可不传）" files={files} room={MAX_MESSAGE_FILES - files.length} onChange={setFiles} />
          <FieldError message={fieldErrors.files ?? Object.entries(fieldErrors).find(([k]) => k.startsWith('files.'))?.[1]} value={files} />
          <Button type="primary" block loading={busy} className="send-message" onClick={send}>
            发送留言
          </Button>
        </View>
      )}
    </View>
  )
}
