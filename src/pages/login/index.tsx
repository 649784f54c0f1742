import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { api, auth } from '../../api'
import { ConsentLine } from '../../components/ConsentLine'
import { Loadable } from '../../components/Loadable'
import { PageShell } from '../../components/PageShell'
import { routes } from '../../routes'
import { versionInForce } from '../../stores/policies'
import { useSession } from '../../stores/session'
import { useLoad } from '../../utils/useLoad'
import { showError } from '../../utils/useSubmit'

/** Signing in: dev personas on the local runtime, `wx.login` on a self-hosted production server. */
export default function LoginPage() {
  // The dev personas, when the local runtime offers them; none on a production server.
  const personas = useLoad(() => auth.personas())
  const [agreed, setAgreed] = useState(false)
  const [busy, setBusy] = useState(false)
  const setMe = useSession((s) => s.setMe)

  async function signIn(code: () => Promise<string>) {
    if (!agreed) {
      Taro.showToast({ title: '请先阅读并同意隐私政策', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      await auth.login(await code())
      const me = await api.users.consent({ policy: 'privacy', version: await versionInForce('privacy') })
      setMe(me)
      Taro.switchTab({ url: routes.home })
    } catch (error) {
      showError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell className="login">
      <View className="hero">
        <Text className="hero-title">鹿工之家</Text>
        <Text className="hero-sub">鹿城区总工会 · 职工服务</Text>
      </View>
      <View className="section">
        <ConsentLine policy="privacy" className="privacy-check" checked={agreed} onChange={setAgreed}>
          我已阅读并同意鹿工之家的隐私政策
        </ConsentLine>
      </View>
      <Loadable load={personas} rows={3}>
        {(list) =>
          list.length > 0 ? (
            <View className="section">
              <Text className="section-title">选择体验身份（开发模式）</Text>
              {list.map((p) => (
                <Cell
                  key={p.code}
                  className="persona"
                  title={p.label}
                  description={p.description}
                  clickable
                  onClick={() => !busy && signIn(async () => p.code)}
                />
              ))}
            </View>
          ) : (
            <View className="section">
              <Button type="primary" block loading={busy} onClick={() => signIn(async () => (await Taro.login()).code)}>
                微信一键登录
              </Button>
            </View>
          )
        }
      </Loadable>
    </PageShell>
  )
}
