import { View } from '@tarojs/components'
import { useEffect, type PropsWithChildren } from 'react'
import { useCareMode } from '../stores/session'
import { PageBar } from './PageBar'
import { PrivacyPrompt } from './PrivacyPrompt'

/**
 * The frame of every page: care mode (bigger text and touch targets) applies from here down, and on
 * H5 an inner page gets its title bar with 返回 and 首页 (`title` when the page's own title says more
 * than its configured one).
 */
export function PageShell({ children, className = '', title }: PropsWithChildren<{ className?: string; title?: string }>) {
  const care = useCareMode()
  useEffect(() => {
    // The H5 tab bar lives outside the page: care mode reaches it through the body.
    if (process.env.TARO_ENV === 'h5') document.body.classList.toggle('lg-care', care)
  }, [care])
  return (
    <View className={`page ${care ? 'care' : ''} ${className}`}>
      <PageBar title={title} />
      {children}
      <PrivacyPrompt />
    </View>
  )
}
