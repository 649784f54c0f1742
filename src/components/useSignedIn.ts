import Taro, { useDidShow } from '@tarojs/taro'
import { auth } from '../api'
import { routes } from '../routes'
import { useSession } from '../stores/session'

/** Sends a visitor without a session to the login page; refreshes the profile on every show. */
export function useSignedIn(onReady?: () => void) {
  const refresh = useSession((s) => s.refresh)
  useDidShow(() => {
    if (!auth.signedIn()) {
      Taro.navigateTo({ url: routes.login })
      return
    }
    refresh().catch(() => undefined)
    onReady?.()
  })
}
