import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { useEffect, useState, type ReactNode } from 'react'
import type { PolicyKey } from '@/types/policies'
import { api } from '../api'
import { routes } from '../routes'
import { usePolicies, usePolicy, versionInForce } from '../stores/policies'
import { useSession } from '../stores/session'
import { showError } from '../utils/useSubmit'
import { FieldError } from './FieldError'

interface Props {
  /** Which policy is agreed to (`types/policies.ts`). */
  policy: PolicyKey
  checked: boolean
  onChange(checked: boolean): void
  /** What the worker agrees to, in a sentence; the policy's title follows as a link. */
  children: ReactNode
  /** The server's word on the consent field (`consentVersion`). */
  error?: string
  /** On the checkbox: what tests and pages tap. */
  className?: string
}

/**
 * One consent: a checkbox with the sentence agreed to, wrapping on the narrowest screen, and the
 * policy's title under it, which opens the policy's full text (tapping it never ticks the box).
 * When the server says the policy has a new version, the line fetches it and asks again.
 *
 *   const consent = useConsent('legal')
 *   <ConsentLine policy="legal" checked={consent.checked} onChange={consent.setChecked} error={err('consentVersion')}>
 *     我同意工会为法律援助收集……
 *   </ConsentLine>
 *   … consentVersion: consent.version
 */
export function ConsentLine({ policy, checked, onChange, children, error, className = '' }: Props) {
  const { title, draft } = usePolicy(policy)
  const outdated = Boolean(error && error.includes('已经更新'))
  useEffect(() => {
    if (!outdated) return
    void usePolicies.getState().load(true)
    onChange(false)
  }, [outdated, onChange])
  const withdrawn = useSession((s) => s.me?.consents[policy]?.withdrawnAt !== undefined)
  if (withdrawn) return <WithdrawnConsent policy={policy} title={title} />
  return (
    <View className={`consent-line consent-${policy}`}>
      <Checkbox className={`consent-check ${className}`} checked={checked} onChange={onChange}>
        {children}
      </Checkbox>
      <Text className="policy-link" onClick={() => Taro.navigateTo({ url: routes.policy(policy) })}>
        查看《{title}》{draft ? '（草案）' : ''}
      </Text>
      {/* Unticked by the line itself for a new version: the words stay until the next answer. */}
      <FieldError message={error} value={outdated ? 'outdated' : checked} />
    </View>
  )
}

/**
 * The worker withdrew this consent in 我的数据: ticking a box does not give it back (the server
 * refuses the form); they agree again here, knowingly, and the form's own line returns.
 */
function WithdrawnConsent({ policy, title }: { policy: PolicyKey; title: string }) {
  async function agreeAgain() {
    try {
      useSession.getState().setMe(await api.users.consent({ policy, version: await versionInForce(policy) }))
    } catch (error) {
      showError(error)
    }
  }
  return (
    <View className={`consent-line consent-${policy} consent-withdrawn`}>
      <Text className="note">您撤回过对《{title}》的同意，要重新同意后才能提交。</Text>
      <View className="actions">
        <Button size="small" className="read-policy" onClick={() => Taro.navigateTo({ url: routes.policy(policy) })}>
          阅读全文
        </Button>
        <Button size="small" type="primary" className="agree-again" onClick={agreeAgain}>
          重新同意
        </Button>
      </View>
    </View>
  )
}

/** A form's consent: whether it is ticked, and the version it agrees to ('' until ticked and known). */
export function useConsent(policy: PolicyKey) {
  const [checked, setChecked] = useState(false)
  const { version } = usePolicy(policy)
  return { checked, setChecked, version: checked ? (version ?? '') : '' }
}

/**
 * The foot of a form the worker signs: its consent, then the one button that sends it. The
 * consent comes from `useConsent(policy)`; the payload carries `consent.version`.
 */
export function ConsentAndSubmit(props: {
  policy: PolicyKey
  consent: { checked: boolean; setChecked(checked: boolean): void }
  /** The server's word on `consentVersion`. */
  error?: string
  /** On the checkbox, and on the button: what tests and pages tap. */
  consentClass: string
  submitClass: string
  /** The button's words, e.g. 提交申请. */
  submitLabel: string
  busy: boolean
  onSubmit(): void
  /** What the worker agrees to, in a sentence. */
  children: ReactNode
}) {
  const { policy, consent, error, consentClass, submitClass, submitLabel, busy, onSubmit, children } = props
  return (
    <View className="section">
      <ConsentLine policy={policy} className={consentClass} checked={consent.checked} onChange={consent.setChecked} error={error}>
        {children}
      </ConsentLine>
      <View className="actions">
        <Button type="primary" block loading={busy} className={submitClass} onClick={onSubmit}>
          {submitLabel}
        </Button>
      </View>
    </View>
  )
}
