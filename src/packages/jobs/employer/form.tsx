import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Radio } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { INDUSTRIES, INDUSTRY_NAMES, type Industry } from '@/types/jobs'
import type { EmployerView } from '@/types/jobsViews'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { PlaceFields, typedCoordinate } from '../../../components/PlaceFields'
import { useSubmit } from '../../../utils/useSubmit'
import '../parts.scss'

interface Draft {
  name: string
  creditCode: string
  industry: Industry | ''
  address: string
  lat: string
  lng: string
  contactName: string
  contactPhone: string
}

// No position until one is given: a default (the district centre) was kept unnoticed, and put the
// employer's jobs 0 m from every worker without a location.
const EMPTY: Draft = { name: '', creditCode: '', industry: '', address: '', lat: '', lng: '', contactName: '', contactPhone: '' }

const draftOf = (e: EmployerView): Draft => ({
  name: e.name,
  creditCode: e.creditCode,
  industry: e.industry,
  address: e.address,
  lat: String(e.location.lat),
  lng: String(e.location.lng),
  contactName: e.contactName,
  contactPhone: e.contactPhone,
})

/** An employer's particulars, as the admin registers or corrects them; the credit code checked as typed by the server. */
export function EmployerForm({ employer, onSaved }: { employer?: EmployerView; onSaved(saved: EmployerView): void }) {
  const [draft, setDraft] = useState<Draft>(employer ? draftOf(employer) : EMPTY)
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }))

  async function save() {
    const saved = await submit((requestId) =>
      api.jobs.saveEmployer(
        {
          id: employer?._id,
          name: draft.name,
          creditCode: draft.creditCode,
          industry: draft.industry as Industry,
          address: draft.address,
          // A blank position goes as missing, and the server names the field (请填写纬度).
          lat: typedCoordinate(draft.lat) as number,
          lng: typedCoordinate(draft.lng) as number,
          contactName: draft.contactName,
          contactPhone: draft.contactPhone,
        },
        { requestId },
      ),
    )
    if (!saved) return
    Taro.showToast({ title: '已保存', icon: 'success' })
    onSaved(saved)
  }

  const err = (field: string) => fieldErrors[field]
  return (
    <View className="section employer-form">
      <Text className="section-title">{employer ? '企业信息' : '登记企业'}</Text>
      <Text className="field-label">企业名称</Text>
      <Input className="field-name" value={draft.name} onChange={(name) => set({ name })} placeholder="与营业执照一致" />
      <FieldError message={err('name')} value={draft.name} />
      <Text className="field-label">统一社会信用代码</Text>
      <Input className="field-creditCode" value={draft.creditCode} onChange={(creditCode) => set({ creditCode })} placeholder="18位，见营业执照" maxLength={18} />
      <FieldError message={err('creditCode')} value={draft.creditCode} />
      <Text className="field-label">所属行业</Text>
      <Radio.Group className="jobs-choices field-industry" direction="horizontal" value={draft.industry} onChange={(v) => set({ industry: v as Industry })}>
        {INDUSTRIES.map((i) => (
          <Radio key={i} value={i} shape="button">
            {INDUSTRY_NAMES[i]}
          </Radio>
        ))}
      </Radio.Group>
      <FieldError message={err('industry')} value={draft.industry} />
      <PlaceFields label="地址" placeholder="街道、门牌号" place={draft} errors={fieldErrors} onChange={set} pick />
      <Text className="field-label">联系人</Text>
      <Input className="field-contactName" value={draft.contactName} onChange={(contactName) => set({ contactName })} placeholder="如：陈经理" />
      <FieldError message={err('contactName')} value={draft.contactName} />
      <Text className="field-label">联系电话</Text>
      <Input className="field-contactPhone" value={draft.contactPhone} onChange={(contactPhone) => set({ contactPhone })} placeholder="手机号或 0577-88886666" />
      <FieldError message={err('contactPhone')} value={draft.contactPhone} />
      <View className="actions">
        <Button type="primary" block loading={busy} className="save-employer" onClick={save}>
          保存
        </Button>
      </View>
    </View>
  )
}
