import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { POLICIES, type PolicyKey } from '@/types/policies'
import { api } from '../api'
import { routes } from '../routes'
import { versionInForce } from '../stores/policies'
import { useSession } from '../stores/session'
import { showError } from '../utils/useSubmit'

/**
 * A policy the worker agreed to has a new version (an admin published it), or they withdrew the
 * privacy consent: they are asked again, on the home page and in 我的, with the text one tap away.
 */
export function ConsentsDue() {
  const me = useSession((s) => s.me)
  const setMe = useSession((s) => s.setMe)
  if (!me || me.consentsDue.length === 0) return null

  async function agree(policy: PolicyKey) {
    try {
      setMe(await api.users.consent({ policy, version: await versionInForce(policy) }))
      Taro.showToast({ title: '已同意', icon: 'success' })
    } catch (error) {
      showError(error)
    }
  }

  return (
    <View className="section consents-due">
      {me.consentsDue.map((policy) => (
        <View key={policy} className={`consent-due consent-due-${policy}`}>
          <Text className="consent-due-text">
            {me.consents[policy]?.withdrawnAt
              ? `您撤回了对《${POLICIES[policy].title}》的同意，新的申请、报名和反馈暂停办理；同意后恢复。`
              : me.consents[policy]
                ? `《${POLICIES[policy].title}》有了新版本，请阅读后同意。`
                : `请阅读并同意《${POLICIES[policy].title}》。`}
          </Text>
          <View className="actions">
            <Button size="small" className="read-policy" onClick={() => Taro.navigateTo({ url: routes.policy(policy) })}>
              阅读
            </Button>
            <Button size="small" type="primary" className="agree-policy" onClick={() => agree(policy)}>
              同意
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
