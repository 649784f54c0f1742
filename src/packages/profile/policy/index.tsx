import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Tag } from '@nutui/nutui-react-taro'
import { DRAFT_MARK, POLICIES, type PolicyKey } from '@/types/policies'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { formatDay } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import './index.scss'

const isPolicyKey = (key: string | undefined): key is PolicyKey => key !== undefined && Object.hasOwn(POLICIES, key)

/** One policy in one version, in full: what the worker agrees to (readable before signing in too). */
export default function PolicyPage() {
  const { key, version } = useRouter().params
  const policy = useLoad(async () => {
    if (!isPolicyKey(key)) throw new Error('没有这项协议')
    return api.users.policy({ key, version: version || undefined })
  }, { deps: [key, version] })
  return (
    <PageShell className="policy-page" title={isPolicyKey(key) ? POLICIES[key].title : '协议全文'}>
      <Loadable load={policy} rows={10}>
        {(p) => (
          <View className="section policy-text">
            {p.draft && <Text className="policy-draft">{DRAFT_MARK}</Text>}
            <Text className="section-title policy-title">{p.title}</Text>
            <View className="row policy-meta">
              <Tag type={p.version === p.inForce ? 'success' : 'default'}>{p.version === p.inForce ? '现行版本' : '旧版本'}</Tag>
              <Text className="muted">
                版本 {p.version} · {formatDay(p.updatedAt)} 起
              </Text>
            </View>
            {p.version !== p.inForce && (
              <Text className="note old-version" onClick={() => Taro.redirectTo({ url: routes.policy(p.key) })}>
                这是您当时同意的旧版本。现行版本是 {p.inForce}，点这里阅读。
              </Text>
            )}
            {p.sections.map((s, i) => (
              <View key={i} className="policy-section">
                <Text className="policy-heading">{s.heading}</Text>
                <Text className="policy-body">{s.body}</Text>
              </View>
            ))}
          </View>
        )}
      </Loadable>
    </PageShell>
  )
}
