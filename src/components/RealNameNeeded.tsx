import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { routes } from '../routes'
import { useSession } from '../stores/session'

/** Says a service needs the real-name profile first, with the way there; nothing once it is done. */
export function RealNameNeeded({ because }: { because: string }) {
  const me = useSession((s) => s.me)
  if (!me || me.realNamed) return null
  return (
    <View className="section">
      <Text className="note">{because}</Text>
      <Button type="primary" className="go-realname" onClick={() => Taro.navigateTo({ url: routes.realName })}>
        去实名认证
      </Button>
    </View>
  )
}
