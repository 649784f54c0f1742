import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useCareMode } from '../stores/session'
import { PrivacyPrompt } from './PrivacyPrompt'

/** The frame of every page: care mode (bigger text and touch targets) applies from here down. */
export function PageShell({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const care = useCareMode()
  return (
    <View className={`page ${care ? 'care' : ''} ${className}`}>
      {children}
      <PrivacyPrompt />
    </View>
  )
}
