import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Checkbox } from '@nutui/nutui-react-taro'
import { useEffect, useState, type ReactNode } from 'react'
import type { PolicyKey } from '@/types/policies'
import { routes } from '../routes'
import { usePolicies, usePolicy } from '../stores/policies'
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

/** A form's consent: whether it is ticked, and the version it agrees to ('' until ticked and known). */
export function useConsent(policy: PolicyKey) {
  const [checked, setChecked] = useState(false)
  const { version } = usePolicy(policy)
  return { checked, setChecked, version: checked ? (version ?? '') : '' }
}
