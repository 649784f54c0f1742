import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { formatTime } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'

/** Admins: closings a worker could not do alone (a decided case not yet paid…), to finish once that has ended. */
export default function ClosingsPage() {
  useSignedIn()
  const list = useLoad(() => api.mydata.closingRequests({}), { onShow: true })
  const { submit, busy } = useSubmit()
  async function close(userId: string) {
    const { confirm } = await Taro.showModal({ title: '为这位职工注销账号？', content: '其个人信息将被删除或匿名，无法恢复。' })
    if (!confirm) return
    const done = await submit((requestId) => api.mydata.closeFor({ userId }, { requestId }))
    if (done) {
      Taro.showToast({ title: '已注销', icon: 'success' })
      await list.reload()
    }
  }
  return (
    <PageShell className="closings">
      <Loadable load={list} isEmpty={(d) => d.items.length === 0} empty="没有等待处理的注销申请">
        {(d) => (
          <View className="section">
            {d.items.map((r) => (
              <Cell
                key={r.userId}
                className="closing-request"
                title={`${r.nameMasked}（申请于 ${formatTime(r.requestedAt)}）`}
                description={r.blockers.length ? `当时的原因：${r.blockers.map((b) => b.title).join('；')}` : '原因已经结束'}
                extra={
                  <Button size="small" loading={busy} onClick={() => close(r.userId)}>
                    办理注销
                  </Button>
                }
              />
            ))}
            <Text className="muted">原因还没结束的（如已批准未发放），办理时会提示，请先完成发放。</Text>
          </View>
        )}
      </Loadable>
    </PageShell>
  )
}
