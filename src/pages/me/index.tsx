import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import { usesCloud } from '../../api'
import { ConsentsDue } from '../../components/ConsentsDue'
import { MyRequests } from '../../components/MyRequests'
import { PageShell } from '../../components/PageShell'
import { StaffDesks } from '../../components/StaffDesks'
import { SwitchRow } from '../../components/SwitchRow'
import { useCareMode, useSession } from '../../stores/session'
import { routes } from '../../routes'

export default function MePage() {
  const me = useSession((s) => s.me)
  const setCareMode = useSession((s) => s.setCareMode)
  const signOut = useSession((s) => s.signOut)
  const care = useCareMode()

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
        {me && (
          // What an admin asks for to give this person a staff role; a tap copies it.
          <Text className="muted profile-line user-id" onClick={() => Taro.setClipboardData({ data: me.openid })}>
            用户编号 {me.openid}
          </Text>
        )}
        <View className="actions">
          <Button size="small" type={me?.profile ? 'default' : 'primary'} className="realname-link" onClick={() => Taro.navigateTo({ url: routes.realName })}>
            {me?.profile ? '修改实名信息' : '去实名认证'}
          </Button>
        </View>
      </View>

      <ConsentsDue />

      <MyRequests />

      <View className="section">
        <Cell title="我的简历" description="找工作时投递给企业" className="open-resume" clickable onClick={() => Taro.navigateTo({ url: routes.jobsResume })} />
        <Cell title="我的求职" description="投递过的岗位和面试邀请" className="open-job-applications" clickable onClick={() => Taro.navigateTo({ url: routes.jobsMine })} />
      </View>

      <View className="section">
        <Cell title="我的数据" className="open-mydata" description="查看、导出工会保存的我的信息，注销账号" clickable onClick={() => Taro.navigateTo({ url: routes.myData })} />
        <View className="care-row">
          <SwitchRow className="care-switch" label="关怀模式" checked={care} onChange={setCareMode} />
          <Text className="muted">字更大、按钮更大</Text>
        </View>
        <Cell
          title="隐私与协议"
          className="privacy-cell"
          description="隐私政策和各项信息收集说明，您同意过的版本"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.policies })}
        />
      </View>

      <StaffDesks me={me} />

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
