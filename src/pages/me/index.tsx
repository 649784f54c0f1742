import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Switch, Tag } from '@nutui/nutui-react-taro'
import { POLICIES } from '@/types/users'
import { api, usesCloud } from '../../api'
import { MyRequests } from '../../components/MyRequests'
import { PageShell } from '../../components/PageShell'
import { isStaffOf, useCareMode, useSession } from '../../stores/session'
import { routes } from '../../routes'
import { formatTime } from '../../utils/format'
import { showError } from '../../utils/useSubmit'

export default function MePage() {
  const me = useSession((s) => s.me)
  const setMe = useSession((s) => s.setMe)
  const setCareMode = useSession((s) => s.setCareMode)
  const signOut = useSession((s) => s.signOut)
  const care = useCareMode()
  const privacy = me?.consents.privacy

  async function agreePrivacy() {
    try {
      setMe(await api.users.consent({ policy: 'privacy', version: POLICIES.privacy.version }))
    } catch (error) {
      showError(error)
    }
  }

  return (
    <PageShell className="me">
      <View className="section profile-card">
        {me?.profile ? (
          <>
            <View className="row">
              <Text className="section-title profile-name">{me.profile.name}</Text>
              <Tag type="success">已实名</Tag>
              {me.profile.unionMember && <Tag type="primary">工会会员</Tag>}
            </View>
            <Text className="muted profile-line">手机 {me.profile.mobileMasked}</Text>
            <Text className="muted profile-line">身份证 {me.profile.idNumberMasked}</Text>
            <Text className="muted profile-line">单位 {me.profile.employer}</Text>
          </>
        ) : (
          <Text className="section-title">尚未实名</Text>
        )}
        <View className="actions">
          <Button size="small" type={me?.profile ? 'default' : 'primary'} className="realname-link" onClick={() => Taro.navigateTo({ url: routes.realName })}>
            {me?.profile ? '修改实名信息' : '去实名认证'}
          </Button>
        </View>
      </View>

      <MyRequests />

      <View className="section">
        <Cell
          title="关怀模式"
          description="字更大、按钮更大"
          extra={<Switch className="care-switch" checked={care} onChange={setCareMode} />}
        />
        <Cell
          title={POLICIES.privacy.title}
          className="privacy-cell"
          description={privacy ? `已于 ${formatTime(privacy.at)} 同意（版本 ${privacy.version}）` : '尚未同意'}
          extra={
            privacy?.version === POLICIES.privacy.version ? undefined : (
              <Button size="small" onClick={agreePrivacy}>
                同意
              </Button>
            )
          }
        />
      </View>

      {(['stations', 'childcare', 'aid', 'medical'] as const).some((s) => isStaffOf(me, s)) && (
        <View className="section staff-desks">
          <Text className="section-title">工作台</Text>
          {isStaffOf(me, 'stations') && (
            <Cell title="阵地管理" description="新建、编辑、暂停驿站，处理问题反馈" clickable onClick={() => Taro.navigateTo({ url: routes.stationAdmin })} />
          )}
          {me?.roles.includes('admin') && (
            <Cell title="帮扶项目设置" className="open-aid-programmes" description="四季帮扶的金额、材料和低保线" clickable onClick={() => Taro.navigateTo({ url: routes.aidProgrammes })} />
          )}
          {me?.roles.includes('admin') && (
            <Cell title="医疗互助设置" className="open-medical-admin" description="导入参保名单，设置每年的报销方案" clickable onClick={() => Taro.navigateTo({ url: routes.medicalAdmin })} />
          )}
          {(isStaffOf(me, 'aid') || isStaffOf(me, 'medical')) && (
            <Cell title="办件台" className="open-desk" description="困难帮扶、医疗互助申请：受理、补充材料、审批、发放" clickable onClick={() => Taro.navigateTo({ url: routes.deskQueue() })} />
          )}
          {isStaffOf(me, 'childcare') && (
            <Cell title="托班管理" description="花名册、每日签到、出勤率；管理员可新建和编辑托班" clickable onClick={() => Taro.navigateTo({ url: routes.childcareAdmin })} />
          )}
        </View>
      )}

      {!usesCloud && (
        <View className="section">
          <Button
            block
            className="sign-out"
            onClick={() => {
              signOut()
              Taro.navigateTo({ url: routes.login })
            }}
          >
            退出登录
          </Button>
        </View>
      )}
    </PageShell>
  )
}
