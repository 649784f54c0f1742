import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Tag } from '@nutui/nutui-react-taro'
import type { ClassSummary } from '@/types/childcare'
import { api } from '../../../api'
import { Countdown } from '../../../components/Countdown'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { formatFee } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import './index.scss'
import { openMap } from '../../../utils/openMap'

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日']

function openSite(c: ClassSummary) {
  if (c.stationId) {
    Taro.navigateTo({ url: routes.stationDetail(c.stationId) })
    return
  }
  openMap({ lat: c.location.lat, lng: c.location.lng, name: c.siteName, address: c.siteAddress }).catch(() =>
    Taro.showToast({ title: c.siteAddress, icon: 'none' }),
  )
}

function seatsText(c: ClassSummary) {
  if (c.seatsLeft > 0) return `剩余名额 ${c.seatsLeft}/${c.capacity}`
  return `名额已满，候补 ${c.waitlistLength} 人`
}

/** One class: when, where, seats left, and the way to sign up. */
function ClassCard({ c, onSignUpOpens }: { c: ClassSummary; onSignUpOpens(): void }) {
  return (
    <View className="section class-card">
      <View className="row class-head">
        <Text className="class-title">{c.title}</Text>
        <Tag type="primary">{c.termName}</Tag>
      </View>
      <Text className="class-line">
        {c.startDate} 至 {c.endDate}，每周{c.weekdays.map((d) => WEEKDAYS[d]).join('、')} {c.dailyStart}–{c.dailyEnd}
      </Text>
      <Text className="class-line">
        {c.minAge}–{c.maxAge}岁 · {formatFee(c.feeFen)} · <Text className="seats">{seatsText(c)}</Text>
      </Text>
      <Text className="class-line site-link" onClick={() => openSite(c)}>
        地点：{c.siteName}（{c.siteAddress}）›
      </Text>
      {c.signUp === 'upcoming' && <Countdown to={c.opensAt} prefix="距开始报名还有 " onReached={onSignUpOpens} />}
      {c.signUp === 'upcoming' && <Text className="muted">报名开始：{formatTime(c.opensAt)}</Text>}
      {c.signUp === 'open' && <Text className="muted">报名截止：{formatTime(c.closesAt)}</Text>}
      <View className="actions">
        <Button
          type="primary"
          block
          className="sign-up"
          disabled={c.signUp !== 'open'}
          onClick={() => Taro.navigateTo({ url: routes.childcareSignUp(c._id) })}
        >
          {c.signUp === 'open' ? (c.seatsLeft > 0 ? '我要报名' : '报名候补') : c.signUp === 'upcoming' ? '尚未开始报名' : '报名已截止'}
        </Button>
      </View>
    </View>
  )
}

export default function ChildcareClassesPage() {
  const classes = useLoad(() => api.childcare.classes({}), { onShow: true })
  return (
    <PageShell className="childcare-classes">
      <Text className="note">职工子女爱心托班：放假期间白天托管，由工会志愿者照看。先到先得，满员后可以候补。</Text>
      <View className="section">
        <Button block className="my-signups" onClick={() => Taro.navigateTo({ url: routes.childcareMine })}>
          查看我的报名
        </Button>
      </View>
      <Loadable load={classes} isEmpty={(page) => page.items.length === 0} empty="目前没有开放报名的托班，请留意工会通知">
        {(page) => page.items.map((c) => <ClassCard key={c._id} c={c} onSignUpOpens={classes.reload} />)}
      </Loadable>
    </PageShell>
  )
}
