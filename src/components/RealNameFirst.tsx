import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { useEffect, type ReactNode } from 'react'
import { auth } from '../api'
import { routes } from '../routes'
import { useSession } from '../stores/session'

/**
 * A form that needs the real-name profile shows the real-name step first, before anything is typed;
 * once it is done the real-name page comes back here and the form appears, with its draft.
 */
export function RealNameFirst({ because, children }: { because: string; children: ReactNode }) {
  const me = useSession((s) => s.me)
  useEffect(() => {
    // Who is signed in is asked for when it is not known yet (the first page opened).
    if (!me && auth.signedIn()) useSession.getState().refresh().catch(() => undefined)
  }, [me])
  if (!me) {
    return (
      <View className="section load-state load-skeleton">
        <Skeleton rows={4} animated />
      </View>
    )
  }
  if (me.realNamed) return <>{children}</>
  return (
    <View className="section realname-first">
      <Text className="section-title">第一步：实名认证</Text>
      <Text className="realname-why">{because}</Text>
      <Text className="muted realname-after">认证好会回到这里接着填，已经填的内容不会丢。</Text>
      <View className="actions">
        <Button type="primary" block className="go-realname" onClick={() => Taro.navigateTo({ url: routes.realName })}>
          去实名认证
        </Button>
      </View>
    </View>
  )
}
