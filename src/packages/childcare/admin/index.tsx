import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { ClassDetail } from '@/types/childcare'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { useSession } from '../../../stores/session'
import { useLoad } from '../../../utils/useLoad'
import { showError } from '../../../utils/useSubmit'

const PHASE = { upcoming: '未开始报名', open: '报名中', closed: '报名结束' } as const

export default function ChildcareAdminPage() {
  const isAdmin = useSession((s) => s.me?.roles.includes('admin') ?? false)
  const classes = useLoad(() => api.childcare.allClasses({}), { onShow: true })

  async function toggle(c: ClassDetail) {
    const status = c.status === 'open' ? 'closed' : 'open'
    const { confirm } = await Taro.showModal({ title: status === 'closed' ? '停止这个托班的报名？' : '重新开放报名？', content: c.title })
    if (!confirm) return
    try {
      await api.childcare.setClassStatus({ classId: c._id, status })
      classes.reload()
    } catch (error) {
      showError(error)
    }
  }

  return (
    <PageShell className="childcare-admin">
      {isAdmin && (
        <View className="section">
          <Button type="primary" block className="create-class" onClick={() => Taro.navigateTo({ url: routes.childcareEdit() })}>
            新建托班
          </Button>
        </View>
      )}
      <Loadable load={classes} isEmpty={(page) => page.items.length === 0} empty="还没有托班">
        {(page) =>
          page.items.map((c) => (
            <View key={c._id} className="section admin-class">
              <View className="row">
                <Text className="section-title">{c.title}</Text>
                <Tag type={c.status === 'closed' ? 'danger' : 'primary'}>{c.status === 'closed' ? '已停止' : PHASE[c.signUp]}</Tag>
              </View>
              <Text className="muted">
                {c.termName} · {c.startDate} 至 {c.endDate} · 名额 {c.capacity - c.seatsLeft}/{c.capacity} · 候补 {c.waitlistLength}
              </Text>
              <View className="actions">
                <Button size="small" className="open-roster" onClick={() => Taro.navigateTo({ url: routes.childcareRoster(c._id) })}>
                  花名册与签到
                </Button>
                {isAdmin && (
                  <Button size="small" className="edit-class" onClick={() => Taro.navigateTo({ url: routes.childcareEdit(c._id) })}>
                    编辑
                  </Button>
                )}
                {isAdmin && (
                  <Button size="small" type={c.status === 'open' ? 'danger' : 'success'} className="toggle-class" onClick={() => toggle(c)}>
                    {c.status === 'open' ? '停止报名' : '恢复报名'}
                  </Button>
                )}
              </View>
            </View>
          ))
        }
      </Loadable>
    </PageShell>
  )
}
