import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Input, Radio } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DISTRICT_CENTRE } from '@/domain/stations/distance'
import { SEASONS, SEASON_NAMES, type ClassDetail, type Season } from '@/types/childcare'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { formatTime, parseShanghai } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'

const DAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** Every field as the admin types it; numbers and times are converted on save. */
const EMPTY = {
  title: '',
  year: String(new Date().getFullYear() + 1),
  season: 'summer' as Season,
  stationId: '',
  siteName: '',
  siteAddress: '',
  lat: String(DISTRICT_CENTRE.lat),
  lng: String(DISTRICT_CENTRE.lng),
  startDate: '',
  endDate: '',
  weekdays: ['1', '2', '3', '4', '5'],
  dailyStart: '08:30',
  dailyEnd: '17:30',
  minAge: '6',
  maxAge: '12',
  capacity: '30',
  feeYuan: '0',
  opensAt: '',
  closesAt: '',
  cancelDaysBefore: '3',
}
type Draft = typeof EMPTY

const TEXT_FIELDS: Array<[keyof Draft, string, string]> = [
  ['title', '班级名称', '如：五马街道爱心托班（一班）'],
  ['year', '年份', '2027'],
  ['siteName', '上课地点', '如：五马街道职工之家'],
  ['siteAddress', '地址', '街道门牌'],
  ['stationId', '关联阵地编号（选填）', '阵地管理里的编号'],
  ['lat', '纬度', '28.0156'],
  ['lng', '经度', '120.6554'],
  ['startDate', '开班日期', '2027-07-10'],
  ['endDate', '结束日期', '2027-08-20'],
  ['dailyStart', '每天开始', '08:30'],
  ['dailyEnd', '每天结束', '17:30'],
  ['minAge', '最小年龄', '6'],
  ['maxAge', '最大年龄', '12'],
  ['capacity', '名额', '30'],
  ['feeYuan', '费用（元）', '0'],
  ['opensAt', '报名开始', '2027-06-01 09:00'],
  ['closesAt', '报名截止', '2027-06-20 18:00'],
  ['cancelDaysBefore', '开班前几天停止取消', '3'],
]

/** A stored class as the form edits it. */
const draftOf = (c: ClassDetail): Draft => ({
  title: c.title,
  year: c.termKey.slice(0, 4),
  season: c.termKey.slice(5) as Season,
  stationId: c.stationId ?? '',
  siteName: c.siteName,
  siteAddress: c.siteAddress,
  lat: String(c.location.lat),
  lng: String(c.location.lng),
  startDate: c.startDate,
  endDate: c.endDate,
  weekdays: c.weekdays.map(String),
  dailyStart: c.dailyStart,
  dailyEnd: c.dailyEnd,
  minAge: String(c.minAge),
  maxAge: String(c.maxAge),
  capacity: String(c.capacity),
  feeYuan: (c.feeFen / 100).toFixed(2),
  opensAt: formatTime(c.opensAt),
  closesAt: formatTime(c.closesAt),
  cancelDaysBefore: String(c.cancelDaysBefore),
})

/** A new class starts from the defaults; an existing one is loaded before its form (and 保存) appears. */
export default function ChildcareEditPage() {
  const classId = useRouter().params.classId
  const cls = useLoad(async () => draftOf(await api.childcare.classDetail({ classId: classId! })), { deps: [classId], when: Boolean(classId) })
  return (
    <PageShell className="childcare-edit">
      {classId ? (
        <Loadable load={cls} rows={10}>
          {(initial) => <ClassForm classId={classId} initial={initial} />}
        </Loadable>
      ) : (
        <ClassForm initial={EMPTY} />
      )}
    </PageShell>
  )
}

function ClassForm({ classId, initial }: { classId?: string; initial: Draft }) {
  const [draft, setDraft] = useState<Draft>(initial)
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }))

  async function save() {
    const saved = await submit((requestId) =>
      api.childcare.upsertClass(
        {
          id: classId,
          title: draft.title,
          year: Number(draft.year),
          season: draft.season,
          stationId: draft.stationId || undefined,
          siteName: draft.siteName,
          siteAddress: draft.siteAddress,
          lat: Number(draft.lat),
          lng: Number(draft.lng),
          startDate: draft.startDate,
          endDate: draft.endDate,
          weekdays: draft.weekdays.map(Number),
          dailyStart: draft.dailyStart,
          dailyEnd: draft.dailyEnd,
          minAge: Number(draft.minAge),
          maxAge: Number(draft.maxAge),
          capacity: Number(draft.capacity),
          feeFen: Math.round(Number(draft.feeYuan) * 100),
          opensAt: parseShanghai(draft.opensAt),
          closesAt: parseShanghai(draft.closesAt),
          cancelDaysBefore: Number(draft.cancelDaysBefore),
        },
        { requestId },
      ),
    )
    if (!saved) return
    Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => Taro.navigateBack(), 600)
  }

  const errorOf = (field: keyof Draft) => fieldErrors[field === 'feeYuan' ? 'feeFen' : field]
  return (
    <View className="section">
      <Text className="field-label">学期</Text>
      <Radio.Group direction="horizontal" value={draft.season} onChange={(v) => set({ season: v as Season })}>
        {SEASONS.map((s) => (
          <Radio key={s} value={s}>
            {SEASON_NAMES[s]}
          </Radio>
        ))}
      </Radio.Group>
      <FieldError message={fieldErrors.season} value={draft.season} />
      {TEXT_FIELDS.map(([field, label, placeholder]) => (
        <View key={field} className={`field-${field}`}>
          <Text className="field-label">{label}</Text>
          <Input value={draft[field] as string} onChange={(value) => set({ [field]: value } as Partial<Draft>)} placeholder={placeholder} />
          <FieldError message={errorOf(field)} value={draft[field]} />
        </View>
      ))}
      <Text className="field-label">上课的星期</Text>
      <Checkbox.Group direction="horizontal" value={draft.weekdays} onChange={(v) => set({ weekdays: v as string[] })}>
        {DAYS.map((d, i) => (
          <Checkbox key={d} shape="button" value={String(i + 1)} label={d} />
        ))}
      </Checkbox.Group>
      <FieldError message={fieldErrors.weekdays} value={draft.weekdays} />
      <Text className="muted">时间按北京时间填写，如 2027-06-01 09:00。</Text>
      <View className="actions">
        <Button type="primary" block loading={busy} className="save-class" onClick={save}>
          保存
        </Button>
      </View>
    </View>
  )
}
