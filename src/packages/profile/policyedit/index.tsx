import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { POLICIES, type PolicyKey, type PolicySection, type PolicyText } from '@/types/policies'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { SwitchRow } from '../../../components/SwitchRow'
import { usePolicies } from '../../../stores/policies'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'

const isPolicyKey = (key: string | undefined): key is PolicyKey => key !== undefined && Object.hasOwn(POLICIES, key)

/** An admin replaces a policy's text, or publishes it as a new version that everyone agrees to again. */
export default function PolicyEditPage() {
  const { key } = useRouter().params
  const policy = useLoad(async () => {
    if (!isPolicyKey(key)) throw new Error('没有这项协议')
    return api.users.policy({ key })
  }, { deps: [key] })
  return (
    <PageShell className="policy-edit">
      <Loadable load={policy} rows={10}>
        {(p) => <PolicyForm policy={p} />}
      </Loadable>
    </PageShell>
  )
}

function PolicyForm({ policy }: { policy: PolicyText }) {
  const [form, setForm] = useState({ version: policy.version, title: policy.title, draft: policy.draft, sections: policy.sections })
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }))
  const setSection = (i: number, change: Partial<PolicySection>) => set({ sections: form.sections.map((s, j) => (i === j ? { ...s, ...change } : s)) })
  const raising = form.version.trim() !== policy.version

  async function save() {
    if (raising) {
      const { confirm } = await Taro.showModal({ title: `发布新版本 ${form.version.trim()}？`, content: '发布后，每位职工下次使用时都要重新阅读并同意。' })
      if (!confirm) return
    }
    const saved = await submit((requestId) => api.users.setPolicy({ key: policy.key, ...form, version: form.version.trim() }, { requestId }))
    if (!saved) return
    void usePolicies.getState().load(true)
    Taro.showToast({ title: raising ? '已发布新版本' : '已保存', icon: 'success' })
  }

  const sectionError = (i: number) => fieldErrors[`sections.${i}.heading`] ?? fieldErrors[`sections.${i}.body`]
  return (
    <View className="section">
      <Text className="field-label">版本号</Text>
      <Input className="field-version" value={form.version} onChange={(version) => set({ version })} placeholder="如：2027.1" />
      <Text className="muted">只改错字请保留版本号；改了内容请用新的版本号，职工会被请求重新同意。</Text>
      <FieldError message={fieldErrors.version} value={form.version} />
      <Text className="field-label">标题</Text>
      <Input className="field-title" value={form.title} onChange={(title) => set({ title })} placeholder="协议标题" />
      <FieldError message={fieldErrors.title} value={form.title} />
      <SwitchRow className="field-draft" label="仍是草案（待工会审定）" checked={form.draft} onChange={(draft) => set({ draft })} />
      {form.sections.map((s, i) => (
        <View key={i} className={`policy-section-edit section-${i}`}>
          <Text className="field-label">第{i + 1}段小标题</Text>
          <Input className="field-heading" value={s.heading} onChange={(heading) => setSection(i, { heading })} placeholder="如：保存多久" />
          <TextArea className="field-body" value={s.body} onChange={(body) => setSection(i, { body })} placeholder="正文" maxLength={2000} autoSize />
          <FieldError message={sectionError(i)} value={s} />
          <Button size="small" fill="none" onClick={() => set({ sections: form.sections.filter((_, j) => j !== i) })}>
            删除这一段
          </Button>
        </View>
      ))}
      <FieldError message={fieldErrors.sections} value={form.sections.length} />
      <View className="actions">
        <Button size="small" className="add-section" onClick={() => set({ sections: [...form.sections, { heading: '', body: '' }] })}>
          添加一段
        </Button>
      </View>
      <View className="actions">
        <Button type="primary" block loading={busy} className="save-policy" onClick={save}>
          {raising ? '发布新版本' : '保存修改'}
        </Button>
      </View>
    </View>
  )
}
