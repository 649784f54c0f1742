import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import '@nutui/nutui-react-taro/dist/styles/themes/default.css'
import './app.scss'
import { repairAccessibility } from './a11y'
import { usePrivacyRequest } from './stores/privacy'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    repairAccessibility()
    // WeChat asks before location or the album is used; the page's PrivacyPrompt takes the answer.
    Taro.onNeedPrivacyAuthorization?.((resolve) => usePrivacyRequest.getState().ask(resolve))
  })
  return children
}

export default App
