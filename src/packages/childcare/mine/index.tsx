import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import { ENROLLMENT_STATUS_NAMES, type Enrollment } from '@/types/childcare'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { showError } from '../../../utils/useSubmit'

const TAG_TYPE = { enrolled: 'success', waitlisted: 'warning', cancelled: 'default' } as const

export default function ChildcareMinePage() {
  const mine = useLoad(() => api.childcare.mine({}), { onShow: true })

  async function cancel(e: Enrollment) {
    const what = e.status === 'enrolled' ? '取消后名额会让给候补的家庭，不能恢复。' : '取消后将退出候补。'
    const { confirm } = await Taro.showModal({ title: '确定取消报名？', content: what })
    if (!confirm) return
    try {
      await api.childcare.cancel({ enrollmentId: e._id })
      Taro.showToast({ title: '已取消', icon: 'none' })
      mine.reload()
    } catch (error) {
      showError(error)
    }
  }

  return (
    <PageShell className="childcare-mine">
      <Loadable
        load={mine}
        isEmpty={(page) => page.items.length === 0}
        empty="还没有报名"
        emptyAction={
          <Button type="primary" onClick={() => Taro.navigateTo({ url: routes.childcareClasses })}>
            去看看托班
          </Button>
        }
      >
        {(page) =>
          page.items.map((e) => (
            <View key={e._id} className={`section enrollment enrollment-${e.status}`}>
              <View className="row">
                <Text className="section-title enrollment-title">{e.classTitle}</Text>
                <Tag type={TAG_TYPE[e.status]} className="enrollment-status">
                  {ENROLLMENT_STATUS_NAMES[e.status]}
                </Tag>
              </View>
              <Text className="muted">
                {e.termName} · {e.childName} · 开班 {e.startDate}
              </Text>
              {e.status === 'waitlisted' && <Text className="waitlist-position">候补第 {e.waitlistPosition} 位</Text>}
              {e.promotedAt && e.status === 'enrolled' && <Text className="muted">已于 {formatTime(e.promotedAt)} 从候补递补录取</Text>}
              {e.status !== 'cancelled' && (
                <View className="actions">
                  {Date.now() < e.cancelDeadline ? (
                    <Button size="small" className="cancel-enrollment" onClick={() => cancel(e)}>
                      取消报名
                    </Button>
                  ) : (
                    <Text className="muted">已过取消期限（{formatTime(e.cancelDeadline)}）</Text>
                  )}
                </View>
              )}
            </View>
          ))
        }
      </Loadable>
    </PageShell>
  )
}
