import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ConsentStatus, ConsentWithdrawal } from '@/types/mydata'
import { api } from '../../../api'
import { routes } from '../../../routes'
import { versionInForce } from '../../../stores/policies'
import { useSession } from '../../../stores/session'
import { formatTime } from '../../../utils/format'
import { showError, useSubmit } from '../../../utils/useSubmit'
import { PlanLines } from './PlanLines'


/**
 * 同意与撤回 (PIPL art. 15): every policy the worker agreed to, with 撤回同意 — which first says what
 * stops and which requests are withdrawn or go on — and, once withdrawn, the way to agree again.
 */
export function Consents({ consents, onChanged }: { consents: ConsentStatus[]; onChanged(): Promise<void> }) {
  const [plan, setPlan] = useState<ConsentWithdrawal | null>(null)
  const { submit, busy } = useSubmit()
  const setMe = useSession((s) => s.setMe)

  async function ask(policy: ConsentStatus['policy']) {
    try {
      setPlan(await api.mydata.withdrawalPlan({ policy }))
    } catch (error) {
      showError(error)
    }
  }

  async function withdraw(policy: ConsentStatus['policy']) {
    const done = await submit((requestId) => api.mydata.withdrawConsent({ policy }, { requestId }))
    if (!done) return
    setPlan(null)
    Taro.showToast({ title: '已撤回同意', icon: 'success' })
    await useSession.getState().refresh().catch(() => undefined)
    await onChanged()
  }

  async function agreeAgain(policy: ConsentStatus['policy']) {
    const me = await submit(async () => api.users.consent({ policy, version: await versionInForce(policy) }))
    if (!me) return
    setMe(me)
    Taro.showToast({ title: '已重新同意', icon: 'success' })
    await onChanged()
  }

  if (consents.length === 0) return null
  return (
    <View className="section consents">
      <Text className="section-title">同意与撤回</Text>
      <Text className="muted">撤回同意不影响撤回前已经办理的事项；撤回后，需要这份同意的服务就不能办理新的申请了。</Text>
      {consents.map((c) => (
        <View key={c.policy} className={`consent-status consent-status-${c.policy}`}>
          <Text className="held-title">《{c.title}》</Text>
          <Text className="muted">
            {c.withdrawnAt ? `已于 ${formatTime(c.withdrawnAt)} 撤回` : `已同意 ${c.version ?? ''} 版，${c.at ? formatTime(c.at) : ''}`}
          </Text>
          <View className="actions">
            <Button size="small" className="read-policy" onClick={() => Taro.navigateTo({ url: routes.policy(c.policy) })}>
              阅读全文
            </Button>
            {!c.withdrawnAt && (
              <Button size="small" className="withdraw-consent" onClick={() => ask(c.policy)}>
                撤回同意
              </Button>
            )}
            {c.withdrawnAt && c.policy === 'realname' && (
              <Button size="small" type="primary" className="realname-again" onClick={() => Taro.navigateTo({ url: routes.realName })}>
                重新实名认证
              </Button>
            )}
            {c.withdrawnAt && c.policy !== 'realname' && (
              <Button size="small" type="primary" loading={busy} className="agree-again" onClick={() => agreeAgain(c.policy)}>
                重新同意
              </Button>
            )}
          </View>
          {plan?.policy === c.policy && (
            <View className="withdrawal-plan">
              <Text className="text-block withdrawal-stops">{plan.stops}</Text>
              <PlanLines title="会为您撤回" lines={plan.withdrawn} className="plan-withdrawn" />
              <PlanLines title="会继续办完" lines={plan.continuing} className="plan-continuing" />
              <View className="actions">
                <Button type="danger" loading={busy} className="confirm-withdraw" onClick={() => withdraw(c.policy)}>
                  确认撤回
                </Button>
                <Button className="keep-consent" onClick={() => setPlan(null)}>
                  不撤回
                </Button>
              </View>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
