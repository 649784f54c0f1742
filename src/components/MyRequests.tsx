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

/** The one time a row shows, said for what it is. */
function timeOf(r: RequestItem): string {
  const at = formatTime(r.updatedAt)
  if (r.waitsForWorker) return `通知您的时间：${at}`
  return r.open ? `最近进展：${at}` : `结束时间：${at}`
}

function RequestRow({ r }: { r: RequestItem }) {
  const about = [r.detail, r.amountFen !== undefined ? `金额 ${formatYuan(r.amountFen)}` : undefined].filter(Boolean).join(' · ')
  return (
    <Cell
      className={`request-item ${r.waitsForWorker ? 'waits-for-me' : ''}`}
      title={r.title}
      description={
        <View className="request-lines">
          {about && <Text className="request-about">{about}</Text>}
          <Text className="request-time">{timeOf(r)}</Text>
        </View>
      }
      extra={<Tag type={r.waitsForWorker ? 'danger' : r.open ? 'warning' : 'success'}>{r.statusName}</Tag>}
      clickable
      onClick={() => Taro.navigateTo({ url: r.link })}
    />
  )
}

/**
 * 我的办事: every request of the worker across services, from the server's `requests` projection in
 * one paged call. What waits for the worker (待补充材料, and what later services flag) comes first,
 * under its own heading; then what is still moving, newest first. Each row has one labelled time.
 */
export function MyRequests({ title = '我的办事' }: { title?: string }) {
  // The pages that show 我的办事 (首页, 我的) need a signed-in worker and their profile fresh.
  useSignedIn()
  const list = usePaged((cursor) => api.users.requests({ cursor, limit: 20 }), { onShow: true, when: auth.signedIn })
  return (
    <View className="section my-requests">
      <Text className="section-title">{title}</Text>
      <Loadable load={list} part={title} isEmpty={(page) => page.items.length === 0} empty="还没有办理中的事项">
        {(page) => {
          const waiting = page.items.filter((r) => r.waitsForWorker)
          const others = page.items.filter((r) => !r.waitsForWorker)
          return (
            <View>
              {waiting.length > 0 && (
                <View className="requests-waiting">
                  <Text className="requests-group waits-title">要您处理（{waiting.length}件）</Text>
                  {waiting.map((r) => (
                    <RequestRow key={r._id} r={r} />
                  ))}
                </View>
              )}
              {waiting.length > 0 && others.length > 0 && <Text className="requests-group">其他事项</Text>}
              {others.map((r) => (
                <RequestRow key={r._id} r={r} />
              ))}
              <LoadMore list={list} />
            </View>
          )
        }}
      </Loadable>
    </View>
  )
}
