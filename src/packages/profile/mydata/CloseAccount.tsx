import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { CLOSE_CONFIRMATION, type ClosingPlan } from '@/types/mydata'
import { api, usesCloud } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { routes } from '../../../routes'
import { useSession } from '../../../stores/session'
import { formatTime } from '../../../utils/format'
import { showError, useSubmit } from '../../../utils/useSubmit'
import { PlanLines } from './PlanLines'


/** 注销: what it erases, keeps and withdraws first; what stops it and what to do; then the typed confirmation. */
export function CloseAccount() {
  const [plan, setPlan] = useState<ClosingPlan | null>(null)
  const [typed, setTyped] = useState('')
  const signOut = useSession((s) => s.signOut)
  const { submit, busy, fieldErrors } = useSubmit()

  async function show() {
    try {
      setPlan(await api.mydata.closingPlan({}))
    } catch (error) {
      showError(error)
    }
  }

  async function close() {
    const done = await submit((requestId) => api.mydata.closeAccount({ confirm: typed as typeof CLOSE_CONFIRMATION }, { requestId }))
    if (!done) return
    signOut()
    await Taro.showToast({ title: '账号已注销', icon: 'success' })
    Taro.reLaunch({ url: usesCloud ? routes.home : routes.login })
  }

  async function takeBack() {
    const answer = await submit((requestId) => api.mydata.withdrawClosingRequest({}, { requestId }))
    if (answer) setPlan(answer)
  }

  async function askUnion() {
    const answer = await submit((requestId) => api.mydata.requestClosing({}, { requestId }))
    if (answer) setPlan(answer)
  }

  return (
    <View className="section close-account">
      <Text className="section-title">注销账号</Text>
      {!plan && (
        <Button block className="show-closing" onClick={show}>
          了解注销会删除什么
        </Button>
      )}
      {plan && (
        <>
          <PlanLines title="会删除或匿名" lines={plan.erased} className="plan-erased" />
          <PlanLines title="会保留（不含您的个人信息）" lines={plan.kept} className="plan-kept" />
          <PlanLines title="会先撤回的申请" lines={plan.withdrawn} className="plan-withdrawn" />
          {plan.blockers.length > 0 ? (
            <View className="plan-blockers">
              <Text className="field-label">现在还不能注销</Text>
              {plan.blockers.map((b) => (
                <Text key={b.title} className="plan-line blocker">
                  · {b.title}：{b.why}
                </Text>
              ))}
              {plan.requestedAt ? (
                <>
                  <Text className="muted">已于 {formatTime(plan.requestedAt)} 请工会处理，上面的事项结束后会为您注销。</Text>
                  <Button block className="take-back-closing" loading={busy} onClick={takeBack}>
                    不注销了，撤回申请
                  </Button>
                </>
              ) : (
                <Button block className="ask-union" loading={busy} onClick={askUnion}>
                  请工会在办完后为我注销
                </Button>
              )}
            </View>
          ) : (
            <View className="plan-confirm">
              <Text className="field-label">确认注销请输入“{CLOSE_CONFIRMATION}”</Text>
              <Input className="confirm-close" value={typed} onChange={setTyped} placeholder={CLOSE_CONFIRMATION} />
              <FieldError message={fieldErrors.confirm} value={typed} />
              <Button block type="danger" className="close-now" loading={busy} disabled={typed !== CLOSE_CONFIRMATION} onClick={close}>
                注销账号
              </Button>
            </View>
          )}
        </>
      )}
    </View>
  )
}
