import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Input, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { CATEGORY_NAMES, MEDICAL_CATEGORIES, type ImportReport, type MedicalCategory, type Plan } from '@/types/medical'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { showError, useSubmit } from '../../../utils/useSubmit'

const asYuan = (fen: number | undefined) => (fen === undefined ? '' : String(fen / 100))
const optionalFen = (yuan: string) => (yuan.trim() === '' ? undefined : yuanToFen(yuan))

/** Members from a CSV: check first (a report of the rows refused and why), then import in one step. */
function MemberImport() {
  const [csv, setCsv] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)
  const { submit, busy, fieldErrors } = useSubmit()

  async function pickFile() {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] })
      const text = Taro.getFileSystemManager().readFileSync(tempFiles[0].path, 'utf8') as string
      setCsv(text)
      setReport(null)
    } catch (error) {
      if (!String((error as { errMsg?: string }).errMsg).includes('cancel')) showError(error)
    }
  }

  async function run(commit: boolean) {
    const r = await submit((requestId) => api.medical.importMembers({ csv, commit }, commit ? { requestId } : {}))
    if (!r) return
    setReport(r)
    if (commit) Taro.showToast({ title: `已导入${r.imported}人`, icon: 'success' })
  }

  return (
    <View className="section member-import">
      <Text className="section-title">导入参保名单</Text>
      <Text className="muted">每行：姓名,身份证号,单位,年份（第一行可以是表头）。先检查，再导入。</Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Button size="small" onClick={pickFile}>
          从聊天中选择CSV文件
        </Button>
      )}
      <TextArea className="field-csv" value={csv} onChange={(v) => { setCsv(v); setReport(null) }} placeholder="或把表格内容粘贴到这里" maxLength={2_000_000} />
      <FieldError message={fieldErrors.csv} value={csv} />
      <View className="row">
        <Button className="check-import" loading={busy} onClick={() => run(false)}>
          检查
        </Button>
        {report && report.imported === 0 && report.accepted > 0 && (
          <Button type="primary" className="commit-import" loading={busy} onClick={() => run(true)}>
            导入{report.accepted}人
          </Button>
        )}
      </View>
      {report && (
        <View className="import-report">
          <Text className="import-summary">
            共{report.rows}行：可以导入{report.accepted}行，不能导入{report.refused.length}行{report.imported ? `；已导入${report.imported}人` : ''}
          </Text>
          {report.refused.map((r) => (
            <Cell key={r.line} className="refused-row" title={`第${r.line}行`} extra={r.reason} />
          ))}
        </View>
      )}
    </View>
  )
}

type RuleForm = Record<'deductible' | 'rate' | 'lumpSum' | 'cap', string> & { bands: Array<{ upto: string; rate: string }> }

/** A year's plan: fee, claim window, caps and each category's rule *(config per plan year)*. */
function PlanEditor({ plan, onSaved }: { plan: Plan; onSaved(): void }) {
  const [form, setForm] = useState({ fee: asYuan(plan.feeFen), windowDays: String(plan.claimWindowDays), overallCap: asYuan(plan.overallCapFen) })
  const [rules, setRules] = useState<Record<MedicalCategory, RuleForm>>(() =>
    Object.fromEntries(
      MEDICAL_CATEGORIES.map((c) => {
        const r = plan.categories[c]
        return [
          c,
          {
            deductible: asYuan(r.deductibleFen),
            rate: r.ratePercent === undefined ? '' : String(r.ratePercent),
            lumpSum: asYuan(r.lumpSumFen),
            cap: asYuan(r.capFen),
            bands: (r.bands ?? []).map((b) => ({ upto: asYuan(b.uptoFen), rate: String(b.ratePercent) })),
          },
        ]
      }),
    ) as Record<MedicalCategory, RuleForm>,
  )
  const { submit, busy, fieldErrors } = useSubmit()
  const setRule = (c: MedicalCategory, change: Partial<RuleForm>) => setRules((all) => ({ ...all, [c]: { ...all[c], ...change } }))

  async function save() {
    const categories = Object.fromEntries(
      MEDICAL_CATEGORIES.map((c) => {
        const r = rules[c]
        const kind = plan.categories[c].kind
        return [
          c,
          {
            kind,
            deductibleFen: optionalFen(r.deductible),
            ratePercent: r.rate.trim() === '' ? undefined : Number(r.rate),
            lumpSumFen: optionalFen(r.lumpSum),
            capFen: yuanToFen(r.cap),
            oncePerYear: plan.categories[c].oncePerYear,
            bands: kind === 'banded' ? r.bands.map((b) => ({ uptoFen: optionalFen(b.upto), ratePercent: Number(b.rate) })) : undefined,
          },
        ]
      }),
    )
    const saved = await submit((requestId) =>
      api.medical.upsertPlan(
        { year: plan.year, feeFen: yuanToFen(form.fee), claimWindowDays: Number(form.windowDays), overallCapFen: yuanToFen(form.overallCap), categories: categories as Plan['categories'] },
        { requestId },
      ),
    )
    if (saved) {
      Taro.showToast({ title: '已保存', icon: 'success' })
      onSaved()
    }
  }

  const err = (f: string) => fieldErrors[f]
  return (
    <View className="section plan-editor">
      <Text className="section-title">{plan.year}年保障方案</Text>
      <Text className="field-label">每人每年会费（元）</Text>
      <Input className="field-fee" type="digit" value={form.fee} onChange={(fee) => setForm((f) => ({ ...f, fee }))} />
      <FieldError message={err('feeFen')} value={form.fee} />
      <Text className="field-label">出院或开票后多少天内可申请</Text>
      <Input className="field-window" type="number" value={form.windowDays} onChange={(windowDays) => setForm((f) => ({ ...f, windowDays }))} />
      <FieldError message={err('claimWindowDays')} value={form.windowDays} />
      <Text className="field-label">各类合计每人每年上限（元）</Text>
      <Input className="field-overallCap" type="digit" value={form.overallCap} onChange={(overallCap) => setForm((f) => ({ ...f, overallCap }))} />
      <FieldError message={err('overallCapFen')} value={form.overallCap} />
      {MEDICAL_CATEGORIES.map((c) => {
        const kind = plan.categories[c].kind
        const r = rules[c]
        const at = (f: string) => err(`categories.${c}.${f}`)
        return (
          <View key={c} className={`rule rule-${c}`}>
            <Text className="section-title">{CATEGORY_NAMES[c]}</Text>
            {kind === 'banded' && (
              <>
                <Text className="field-label">每次住院起付线（元）</Text>
                <Input type="digit" value={r.deductible} onChange={(deductible) => setRule(c, { deductible })} />
                {r.bands.map((b, i) => (
                  <View key={i} className="row">
                    <Text>{i === r.bands.length - 1 ? '以上部分' : '到（元）'}</Text>
                    {i < r.bands.length - 1 && (
                      <Input type="digit" value={b.upto} onChange={(upto) => setRule(c, { bands: r.bands.map((x, j) => (j === i ? { ...x, upto } : x)) })} />
                    )}
                    <Text>比例%</Text>
                    <Input type="number" value={b.rate} onChange={(rate) => setRule(c, { bands: r.bands.map((x, j) => (j === i ? { ...x, rate } : x)) })} />
                  </View>
                ))}
                <FieldError message={at('bands')} value={r} />
              </>
            )}
            {kind === 'rate' && (
              <>
                <Text className="field-label">给付比例（%）</Text>
                <Input type="number" value={r.rate} onChange={(rate) => setRule(c, { rate })} />
                <FieldError message={at('ratePercent')} value={r.rate} />
              </>
            )}
            {kind === 'lump' && (
              <>
                <Text className="field-label">定额（元）</Text>
                <Input type="digit" value={r.lumpSum} onChange={(lumpSum) => setRule(c, { lumpSum })} />
                <FieldError message={at('lumpSumFen')} value={r.lumpSum} />
              </>
            )}
            <Text className="field-label">每人每年上限（元）</Text>
            <Input type="digit" value={r.cap} onChange={(cap) => setRule(c, { cap })} />
            <FieldError message={at('capFen')} value={r.cap} />
          </View>
        )
      })}
      <Button type="primary" block className="save-plan" loading={busy} onClick={save}>
        保存{plan.year}年方案
      </Button>
      <Text className="muted">修改只影响这一年的报销。</Text>
    </View>
  )
}

export default function MedicalAdminPage() {
  const [version, setVersion] = useState(0)
  // The plan editor appears with the plan it edits; the import works without it.
  const plan = useLoad(() => api.medical.plan({}), { deps: [version] })
  return (
    <PageShell className="medical-admin">
      <MemberImport />
      <Loadable load={plan} part="保障方案" rows={6}>
        {(p) => <PlanEditor key={version} plan={p} onSaved={() => setVersion((v) => v + 1)} />}
      </Loadable>
    </PageShell>
  )
}
