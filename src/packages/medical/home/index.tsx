import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import { CATEGORY_NAMES, MEDICAL_CATEGORIES, type CategoryRule, type Coverage } from '@/types/medical'
import { api } from '../../../api'
import { MyCases, submittedLine } from '../../../components/CaseParts'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { formatFee, formatYuan, YUAN_SEPARATOR } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'

/** A band's limit: `5,000`, the unit said once after the range. */
const limit = (fen: number) => formatYuan(fen, { cents: false, unit: false })

/** A category's rule in one plain line. */
function ruleInWords(rule: CategoryRule): string {
  const cap = `每年最多${formatYuan(rule.capFen)}`
  if (rule.kind === 'lump') return `一次性给付${formatYuan(rule.lumpSumFen ?? 0)}${rule.oncePerYear ? '，每年一次' : ''}`
  if (rule.kind === 'rate') return `自付部分的${rule.ratePercent}%，${cap}`
  const bands = (rule.bands ?? []).map((b, i, all) => {
    const from = limit(i === 0 ? 0 : (all[i - 1].uptoFen ?? 0))
    return b.uptoFen === undefined ? `${from}${YUAN_SEPARATOR}元以上${b.ratePercent}%` : `${from}–${limit(b.uptoFen)}${YUAN_SEPARATOR}元${b.ratePercent}%`
  })
  return `每次住院先减${formatYuan(rule.deductibleFen ?? 0)}起付线，再分段：${bands.join('，')}；${cap}`
}

export default function MedicalHomePage() {
  const coverage = useLoad(() => api.medical.coverage({}), { onShow: true })
  // The worker's claims are a part of the page, which may fail on its own.
  const claims = useLoad(() => api.medical.mine({}), { onShow: true })
  return (
    <PageShell className="medical-home">
      <Loadable load={coverage} rows={6}>
        {(c) => <CoverAndPlan coverage={c} />}
      </Loadable>
      <MyCases
        title="我的报销"
        load={claims}
        empty="还没有报销申请"
        className="my-claims"
        itemClass="claim-item"
        url={routes.medicalCase}
        describe={(c) => (c.amountFen !== undefined ? `批准 ${formatYuan(c.amountFen)}` : submittedLine(c))}
      />
    </PageShell>
  )
}

/** This year's cover and the plan's rules in plain words. */
function CoverAndPlan({ coverage }: { coverage: Coverage }) {
  const { plan } = coverage
  return (
    <>
      <View className="section coverage">
        <View className="row">
          <Text className="section-title">{coverage.year}年保障</Text>
          <Tag type={coverage.covered ? 'success' : 'default'} className={coverage.covered ? 'covered' : 'not-covered'}>
            {coverage.covered ? '已参加' : '未参加'}
          </Tag>
        </View>
        <Text className="muted">
          {coverage.covered
            ? `由${coverage.employer}工会为您参加，今年已批准${formatYuan(coverage.approved.totalFen)}，各类合计最多${formatYuan(plan.overallCapFen)}。`
            : `医疗互助由单位工会统一参加（每人每年${formatFee(plan.feeFen)}）。没有参加的年份不能报销，请联系单位工会。`}
        </Text>
        {coverage.covered && (
          <View className="actions">
            <Button type="primary" block className="new-claim" onClick={() => Taro.navigateTo({ url: routes.medicalClaim })}>
              申请报销
            </Button>
          </View>
        )}
      </View>

      <View className="section">
        <Text className="section-title">能报多少</Text>
        {MEDICAL_CATEGORIES.map((c) => (
          <Cell key={c} title={CATEGORY_NAMES[c]} description={ruleInWords(plan.categories[c])} />
        ))}
        <Text className="muted">出院（或门诊开票）后{plan.claimWindowDays}天内申请。</Text>
      </View>
    </>
  )
}
