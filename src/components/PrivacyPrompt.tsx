import { Button, Text, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { usePrivacyRequest } from '../stores/privacy'

/** Asks for WeChat's privacy authorisation the moment a page needs it; refusing blocks nothing else. */
export function PrivacyPrompt() {
  const { pending, answer } = usePrivacyRequest()
  return (
    <Popup visible={pending !== null} position="bottom" round closeable={false} onClose={() => answer(false)}>
      <View className="section">
        <Text className="section-title">隐私保护提示</Text>
        <Text className="muted">
          为了查找附近驿站、上传材料，鹿工之家需要使用您的位置或相册。您的信息只用于对应服务，不会用于其他用途。
        </Text>
        <View className="actions">
          <Button className="privacy-disagree" onClick={() => answer(false)}>
            不同意
          </Button>
          <Button
            id="agree-privacy"
            className="privacy-agree"
            openType={'agreePrivacyAuthorization' as never}
            onClick={() => answer(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </Popup>
  )
}
