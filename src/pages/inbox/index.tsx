import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Badge, Button, Cell } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { InboxMessage } from '@/types/users'
import { api } from '../../api'
import { PageShell } from '../../components/PageShell'
import { useSignedIn } from '../../components/useSignedIn'
import { formatTime } from '../../utils/format'
import { showError } from '../../utils/useSubmit'

export default function InboxPage() {
  const [items, setItems] = useState<InboxMessage[] | null>(null)
  const [nextCursor, setNextCursor] = useState<string | undefined>()

  async function load(cursor?: string) {
    try {
      const page = await api.users.inbox({ cursor, limit: 20 })
      setItems((prev) => (cursor && prev ? [...prev, ...page.items] : page.items))
      setNextCursor(page.nextCursor)
    } catch (error) {
      showError(error)
    }
  }

  useSignedIn(() => load())

  async function open(message: InboxMessage) {
    if (!message.read) {
      setItems((prev) => prev?.map((m) => (m._id === message._id ? { ...m, read: true } : m)) ?? null)
      api.users.markRead({ ids: [message._id] }).catch(() => undefined)
    }
    if (message.link) Taro.navigateTo({ url: message.link })
  }

  async function markAllRead() {
    try {
      await api.users.markRead({ ids: 'all' })
      setItems((prev) => prev?.map((m) => ({ ...m, read: true })) ?? null)
    } catch (error) {
      showError(error)
    }
  }

  const unread = items?.filter((m) => !m.read).length ?? 0
  return (
    <PageShell className="inbox">
      <View className="section row inbox-head">
        <Text className="section-title">消息{unread > 0 ? `（${unread}条未读）` : ''}</Text>
        {unread > 0 && (
          <Button size="small" className="mark-all" onClick={markAllRead}>
            全部已读
          </Button>
        )}
      </View>
      {items === null && <Text className="empty-note">加载中…</Text>}
      {items?.length === 0 && <Text className="empty-note">暂时没有消息。您办理的事项有进展时，会在这里通知您。</Text>}
      <View className="section">
        {items?.map((m) => (
          <Cell
            key={m._id}
            className={`message ${m.read ? 'is-read' : 'is-unread'}`}
            title={
              <View className="row">
                {!m.read && <Badge dot />}
                <Text className="message-title">{m.title}</Text>
              </View>
            }
            description={`${m.body}\n${formatTime(m.createdAt)}`}
            clickable={Boolean(m.link)}
            onClick={() => open(m)}
          />
        ))}
        {nextCursor && (
          <Button block className="load-more" onClick={() => load(nextCursor)}>
            加载更多
          </Button>
        )}
      </View>
    </PageShell>
  )
}
