import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Badge, Button, Cell } from '@nutui/nutui-react-taro'
import type { InboxMessage } from '@/types/users'
import { api, auth } from '../../api'
import { PagedList } from '../../components/Loadable'
import { PageShell } from '../../components/PageShell'
import { useSignedIn } from '../../components/useSignedIn'
import { formatTime } from '../../utils/format'
import { usePaged } from '../../utils/useLoad'
import { showError } from '../../utils/useSubmit'
import { showUnread } from '../../utils/tabBadge'
import { useEffect } from 'react'

export default function InboxPage() {
  useSignedIn()
  const inbox = usePaged((cursor) => api.users.inbox({ cursor, limit: 20 }), { onShow: true, when: auth.signedIn })
  const markRead = (read: (m: InboxMessage) => boolean) =>
    inbox.update((page) => {
      const opened = page.items.filter((m) => !m.read && read(m)).length
      return { ...page, unread: Math.max(0, page.unread - opened), items: page.items.map((m) => (read(m) ? { ...m, read: true } : m)) }
    })

  async function open(message: InboxMessage) {
    if (!message.read) {
      markRead((m) => m._id === message._id)
      api.users.markRead({ ids: [message._id] }).catch(() => undefined)
    }
    if (message.link) Taro.navigateTo({ url: message.link })
  }

  async function markAllRead() {
    try {
      await api.users.markRead({ ids: 'all' })
      markRead(() => true)
      inbox.update((page) => ({ ...page, unread: 0 }))
    } catch (error) {
      showError(error)
    }
  }

  // The server's count over every page, less what was opened here since: the 消息 tab's badge too.
  const unread = inbox.data?.unread ?? 0
  const loaded = inbox.status === 'loaded'
  useEffect(() => {
    if (loaded) showUnread(unread)
  }, [loaded, unread])
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
      <PagedList list={inbox} empty="暂时没有消息。您办理的事项有进展时，会在这里通知您。">
        {(m) => (
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
        )}
      </PagedList>
    </PageShell>
  )
}
