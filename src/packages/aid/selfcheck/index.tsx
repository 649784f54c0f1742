import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { MATERIAL_NAMES, type SelfCheckResult, type TierCode } from '@/types/aid'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { useDraft } from '../../../stores/useDraft'
import { formatFee } from '../../../utils/money'
import { EMPTY_AID_DRAFT } from '../draft'
import { HouseholdMoney, householdMoneyInput } from '../HouseholdMoney'
import './index.scss'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'

const TIER_NAMES: Record<TierCode, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困' }

export default function AidSelfCheckPage() {
  const [form, setForm] = useState({ householdSize: '', income: '', spending: '', sudden: '', migrant: false, months: '' })
  // Only the materials each programme asks for: the self-check itself works without them.
  const programmes = useLoad(async () => (await api.aid.programmes({})).items)
  const [result, setResult] = useState<SelfCheckResult | null>(null)
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }))
  const [, setApplication] = useDraft('aid', EMPTY_AID_DRAFT)

  /** On to the application with what was typed here: the worker does not type the household twice. */
  function apply(programme?: string) {
    const { income, spending, sudden, migrant, months } = form
    setApplication((d) => {
      const others = Math.max(0, Math.min(20, Math.floor(Number(form.householdSize)) - 1))
      const members = d.members.length > 0 || !(others > 0) ? d.members : Array.from({ length: others }, () => ({ name: '', relation: '', age: '' }))
      return { income, spending, sudden, migrant, months, members, ...(programme ? { programme } : {}) }
    })
    Taro.navigateTo({ url: routes.aidApply(programme) })
  }

  async function check() {
    const r = await submit(() =>
      api.aid.selfCheck({
        householdSize: Number(form.householdSize),
        ...householdMoneyInput(form),
      }),
    )
    if (r) setResult(r)
  }

  return (
    <PageShell className="aid-selfcheck">
      <Text className="note">先测一测能否申请困难帮扶，再在网上申请。点“申请”时，这里填的家庭情况会带到申请表里，不用再填一遍。</Text>
      <View className="section">
        <Button block className="go-apply" onClick={() => apply()}>
          已了解条件，直接申请
        </Button>
      </View>
      <View className="section">
        <Text className="field-label">家庭人口（人）</Text>
        <Input className="field-householdSize" type="number" value={form.householdSize} onChange={(householdSize) => set({ householdSize })} placeholder="如：3" />
        <FieldError message={fieldErrors.householdSize} value={form.householdSize} />
        <HouseholdMoney value={form} onChange={set} errors={fieldErrors} />
        <View className="actions">
          <Button type="primary" block loading={busy} className="run-check" onClick={check}>
            测一测
          </Button>
        </View>
      </View>
      {result && (
        <View className="section check-result">
          <View className="row">
            <Text className="section-title">结果</Text>
            {result.tiers.length === 0 ? (
              <Tag type="default">暂不符合</Tag>
            ) : (
              result.tiers.map((t) => (
                <Tag key={t} type="primary" className={`tier-${t}`}>
                  {TIER_NAMES[t]}
                </Tag>
              ))
            )}
          </View>
          <Text className="check-reason">{result.reason}</Text>
          {result.programmes.some((p) => p.eligible) && <Text className="section-title offers-title">可以申请的项目</Text>}
          <View className="offer-list">
            {result.programmes
              .filter((p) => p.eligible)
              .map((p) => (
                <View key={p.kind} className={`offer offer-${p.kind}`}>
                  <View className="offer-text">
                    <Text className="offer-title">{p.title}</Text>
                    {(p.amountFen !== undefined || p.upToFen !== undefined) && (
                      <Text className="offer-amount">{p.amountFen !== undefined ? formatFee(p.amountFen) : `最高 ${formatFee(p.upToFen!)}`}</Text>
                    )}
                    <Loadable load={programmes} part="所需材料" rows={1}>
                      {(all) => (
                        <Text className="muted offer-materials">
                          需准备：{(all.find((x) => x.kind === p.kind)?.materials ?? []).map((m) => MATERIAL_NAMES[m]).join('、')}
                        </Text>
                      )}
                    </Loadable>
                    {p.kind === 'spring_jobs' && <Text className="muted">推荐工作，请到“就业招聘”里找岗位</Text>}
                  </View>
                  {p.kind !== 'spring_jobs' && (
                    <Button size="small" type="primary" className={`offer-apply apply-${p.kind}`} onClick={() => apply(p.kind)}>
                      申请
                    </Button>
                  )}
                </View>
              ))}
          </View>
          <Text className="muted">结果仅供参考，以工会审核为准。</Text>
        </View>
      )}
    </PageShell>
  )
}
