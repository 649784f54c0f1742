import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Checkbox, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { MATERIAL_NAMES, MATERIALS, type Material, type Programme } from '@/types/aid'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { SwitchRow } from '../../../components/SwitchRow'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'

const asYuan = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(0))
/** A blank amount means the programme pays nothing for that tier. */
const optionalFen = (yuan: string) => (yuan.trim() === '' ? undefined : yuanToFen(yuan))

function ProgrammeEditor({ programme, onSaved }: { programme: Programme; onSaved(): void }) {
  const [form, setForm] = useState({
    description: programme.description,
    meansTested: programme.meansTested,
    deep: asYuan(programme.deepFen),
    relative: asYuan(programme.relativeFen),
    accidentMax: asYuan(programme.accidentMaxFen),
    materials: programme.materials as string[],
  })
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }))

  async function save() {
    const saved = await submit((requestId) =>
      api.aid.upsertProgramme(
        {
          year: programme.year,
          kind: programme.kind,
          description: form.description,
          meansTested: form.meansTested,
          deepFen: optionalFen(form.deep),
          relativeFen: optionalFen(form.relative),
          accidentMaxFen: optionalFen(form.accidentMax),
          materials: form.materials as Material[],
        },
        { requestId },
      ),
    )
    if (!saved) return
    Taro.showToast({ title: '已保存', icon: 'success' })
    onSaved()
  }

  return (
    <View className={`section programme programme-${programme.kind}`}>
      <Text className="section-title">{programme.title}</Text>
      <Text className="field-label">说明</Text>
      <TextArea className="field-description" value={form.description} onChange={(description) => set({ description })} maxLength={300} />
      <FieldError message={fieldErrors.description} value={form.description} />
      <SwitchRow className="field-meansTested" label="需要核对家庭收入" checked={form.meansTested} onChange={(meansTested) => set({ meansTested })} />
      <Text className="field-label">深度困难金额（元，不发钱留空）</Text>
      <Input className="field-deep" type="digit" value={form.deep} onChange={(deep) => set({ deep })} />
      <FieldError message={fieldErrors.deepFen} value={form.deep} />
      <Text className="field-label">相对困难金额（元）</Text>
      <Input className="field-relative" type="digit" value={form.relative} onChange={(relative) => set({ relative })} />
      <FieldError message={fieldErrors.relativeFen} value={form.relative} />
      <Text className="field-label">意外致困最高金额（元）</Text>
      <Input className="field-accidentMax" type="digit" value={form.accidentMax} onChange={(accidentMax) => set({ accidentMax })} />
      <FieldError message={fieldErrors.accidentMaxFen} value={form.accidentMax} />
      <Text className="field-label">所需材料</Text>
      <Checkbox.Group direction="horizontal" value={form.materials} onChange={(v) => set({ materials: v as string[] })}>
        {MATERIALS.map((m) => (
          <Checkbox key={m} shape="button" value={m} label={MATERIAL_NAMES[m]} />
        ))}
      </Checkbox.Group>
      <FieldError message={fieldErrors.materials} value={form.materials} />
      <View className="actions">
        <Button type="primary" block loading={busy} className="save-programme" onClick={save}>
          保存{programme.title}
        </Button>
      </View>
    </View>
  )
}

/** The 低保 line, which the self-check and the tier rules use for every programme. */
function LowIncomeLine({ fen }: { fen: number }) {
  const [line, setLine] = useState(String(fen / 100))
  const { submit, busy, fieldErrors } = useSubmit()

  async function save() {
    const saved = await submit((requestId) => api.aid.setConfig({ lowIncomeLineFen: yuanToFen(line) }, { requestId }))
    if (saved) Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return (
    <View className="section">
      <Text className="field-label">低保线（元/人/月）</Text>
      <Input className="field-line" type="digit" value={line} onChange={setLine} />
      <FieldError message={fieldErrors.lowIncomeLineFen} value={line} />
      <Button size="small" type="primary" loading={busy} className="save-line" onClick={save}>
        保存低保线
      </Button>
      <Text className="muted">深度困难：人均月收入低于低保线；相对困难：低于低保线的2倍。</Text>
    </View>
  )
}

/** The admin's page for a year's programmes and the 低保 line (DOMAIN.md §3, both *(config)*). */
export default function AidProgrammesPage() {
  // The server's year (Asia/Shanghai), not the phone's clock.
  const [thisYear, setThisYear] = useState<number | undefined>()
  const [year, setYear] = useState<number | undefined>()
  const [version, setVersion] = useState(0)
  // Nothing can be saved before what it would overwrite is on the screen.
  const settings = useLoad(
    async () => {
      const r = await api.aid.programmes({ year })
      setThisYear((y) => y ?? r.year)
      return r
    },
    { deps: [year, version] },
  )

  return (
    <PageShell className="aid-programmes">
      <Loadable load={settings} rows={8}>
        {(r) => (
          <>
            <LowIncomeLine fen={r.lowIncomeLineFen} />
            <View className="section">
              <Radio.Group direction="horizontal" value={year ?? thisYear} onChange={(v) => setYear(Number(v))}>
                {(thisYear ? [thisYear, thisYear + 1] : []).map((y) => (
                  <Radio key={y} value={y} shape="button">
                    {y}年
                  </Radio>
                ))}
              </Radio.Group>
              <Text className="muted">修改只影响这一年的申请。</Text>
            </View>
            {r.items.map((p) => (
              <ProgrammeEditor key={`${p._id}-${version}`} programme={p} onSaved={() => setVersion((n) => n + 1)} />
            ))}
          </>
        )}
      </Loadable>
    </PageShell>
  )
}
