import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { POLICIES, POLICY_KEYS, type PolicyKey, type PolicySummary } from '@/types/policies'
import type { Me } from '@/types/users'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { useSession } from '../../../stores/session'
import { formatTime } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'

/** What the worker agreed to of one policy, in words. */
function consentWords(me: Me | null, p: PolicySummary): string {
  const given = me?.consents[p.key]
  if (!given) return `${POLICIES[p.key].askedAt}请您阅读并同意`
  if (given.version !== p.version) return `已更新到版本 ${p.version}；您于 ${formatTime(given.at)} 同意的是版本 ${given.version}`
  return `您已于 ${formatTime(given.at)} 同意（版本 ${p.version}）`
}

/** 我的 → 隐私与协议: every policy in force, what the worker agreed to; admins edit the texts here. */
export default function PoliciesPage() {
  const me = useSession((s) => s.me)
  const list = useLoad(async () => (await api.users.policies({})).items, { onShow: true })
  const admin = me?.roles.includes('admin') ?? false
  return (
    <PageShell className="policies">
      <Text className="note">您在鹿工之家同意过的隐私政策和各项信息收集说明，都可以在这里随时重新阅读。</Text>
      <Loadable load={list} rows={6}>
        {(items) => (
          <View className="section">
            {POLICY_KEYS.map((key) => items.find((p) => p.key === key))
              .filter((p): p is PolicySummary => p !== undefined)
              .map((p) => (
                <Cell
                  key={p.key}
                  className={`policy-item policy-item-${p.key}`}
                  title={`《${p.title}》${p.draft ? '（草案）' : ''}`}
                  description={consentWords(me, p)}
                  clickable
                  onClick={() => Taro.navigateTo({ url: routes.policy(p.key) })}
                  extra={
                    admin ? (
                      <Button size="small" className={`edit-policy-${p.key}`} onClick={(e) => {
                          e.stopPropagation()
                          Taro.navigateTo({ url: routes.policyEdit(p.key as PolicyKey) })
                        }}>
                        编辑
                      </Button>
                    ) : undefined
                  }
                />
              ))}
          </View>
        )}
      </Loadable>
      <Text className="muted policies-rights">
        要查阅、更正、删除您的信息，撤回同意或注销账号，请联系鹿城区总工会；各项说明里写明了怎样办理。
      </Text>
    </PageShell>
  )
}
