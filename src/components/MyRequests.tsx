import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, Tag } from '@nutui/nutui-react-taro'
import type { RequestItem } from '@/types/requests'
import { api, auth } from '../api'
import { formatTime } from '../utils/format'
import { formatYuan } from '../utils/money'
import { usePaged } from '../utils/useLoad'
import { Loadable, LoadMore } from './Loadable'
import { useSignedIn } from './useSignedIn'

/** A row's one line under its title: what it is about, the amount once decided, and when it last changed. */
function detailOf(r: RequestItem): string {
  const parts = [r.detail, r.amountFen !== undefined ? `金额 ${formatYuan(r.amountFen)}` : undefined, `更新于 ${formatTime(r.updatedAt)}`]
  return parts.filter(Boolean).join(' · ')
}

/**
 * 我的办事: every request of the worker across services, from the server's `requests` projection in
 * one paged call — what waits for the worker first, then what is still moving, newest first.
 */
export function MyRequests({ title = '我的办事' }: { title?: string }) {
  // The pages that show 我的办事 (首页, 我的) need a signed-in worker and their profile fresh.
  useSignedIn()
  const list = usePaged((cursor) => api.users.requests({ cursor, limit: 20 }), { onShow: true, when: auth.signedIn })
  return (
    <View className="section my-requests">
      <Text className="section-title">{title}</Text>
      <Loadable load={list} part={title} isEmpty={(page) => page.items.length === 0} empty="还没有办理中的事项">
        {(page) => (
          <View>
            {page.items.map((r) => (
              <Cell
                key={r._id}
                className={`request-item ${r.waitsForWorker ? 'waits-for-me' : ''}`}
                title={r.title}
                description={detailOf(r)}
                extra={<Tag type={r.waitsForWorker ? 'danger' : r.open ? 'warning' : 'success'}>{r.waitsForWorker ? `${r.statusName} · 请处理` : r.statusName}</Tag>}
                clickable
                onClick={() => Taro.navigateTo({ url: r.link })}
              />
            ))}
            <LoadMore list={list} />
          </View>
        )}
      </Loadable>
    </View>
  )
}
