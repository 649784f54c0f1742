import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Input, Radio } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DISTRICT_CENTRE } from '@/domain/stations/distance'
import {
  FACILITIES,
  FACILITY_NAMES,
  STANDARD_FACILITIES,
  STATION_TYPES,
  STATION_TYPE_NAMES,
  type Facility,
  type StationDetail,
  type StationType,
} from '@/types/stations'
import type { OpeningPeriod } from '@/domain/stations/hours'
import { api } from '../../../api'
import { choosePhotos, uploadFile } from '../../../api/files'
import { FieldError } from '../../../components/FieldError'
import { SwitchRow } from '../../../components/SwitchRow'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { PlaceFields } from '../../../components/PlaceFields'
import { useLoad } from '../../../utils/useLoad'
import { showError, useSubmit } from '../../../utils/useSubmit'

const DAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

interface Draft {
  name: string
  type: StationType
  address: string
  lat: string
  lng: string
  facilities: Facility[]
  open24h: boolean
  periods: OpeningPeriod[]
  phone: string
  photos: string[]
  /** Square metres as typed; empty when not known. */
  area: string
}

const EMPTY: Draft = {
  name: '',
  type: 'rest_stop',
  address: '',
  lat: String(DISTRICT_CENTRE.lat),
  lng: String(DISTRICT_CENTRE.lng),
  facilities: [...STANDARD_FACILITIES],
  open24h: false,
  periods: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }],
  phone: '',
  photos: [],
  area: '',
}

/** A stored station as the form edits it. */
const draftOf = (s: StationDetail): Draft => ({
  name: s.name,
  type: s.type,
  address: s.address,
  lat: String(s.location.lat),
  lng: String(s.location.lng),
  facilities: s.facilities,
  open24h: s.hours.open24h,
  periods: s.hours.periods.length ? s.hours.periods : EMPTY.periods,
  phone: s.phone ?? '',
  photos: s.photos,
  area: s.areaM2 === undefined ? '' : String(s.areaM2),
})

/**
 * A new station starts from the defaults; an existing one is loaded first, and its form (with 保存)
 * only appears once it is there, so a quick tap never saves empty values over it.
 */
export default function StationEditPage() {
  const id = useRouter().params.id
  const station = useLoad(async () => draftOf(await api.stations.get({ id: id! })), { deps: [id], when: Boolean(id) })
  return (
    <PageShell className="station-edit">
      {id ? (
        <Loadable load={station} rows={10}>
          {(initial) => <StationForm id={id} initial={initial} />}
        </Loadable>
      ) : (
        <StationForm initial={EMPTY} />
      )}
    </PageShell>
  )
}

function StationForm({ id, initial }: { id?: string; initial: Draft }) {
  const [draft, setDraft] = useState<Draft>(initial)
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }))
  const setPeriod = (i: number, change: Partial<OpeningPeriod>) =>
    set({ periods: draft.periods.map((p, j) => (j === i ? { ...p, ...change } : p)) })

  async function addPhotos() {
    try {
      const paths = await choosePhotos(9 - draft.photos.length)
      const urls: string[] = []
      for (const path of paths) urls.push((await uploadFile(path, 'stations')).src)
      set({ photos: [...draft.photos, ...urls] })
    } catch (error) {
      if ((error as { errMsg?: string }).errMsg?.includes('cancel')) return
      showError(error)
    }
  }

  async function save() {
    const saved = await submit((requestId) =>
      api.stations.upsert(
        {
          id,
          name: draft.name,
          type: draft.type,
          address: draft.address,
          lat: Number(draft.lat),
          lng: Number(draft.lng),
          facilities: draft.facilities,
          hours: { open24h: draft.open24h, periods: draft.open24h ? [] : draft.periods },
          phone: draft.phone || undefined,
          photos: draft.photos,
          areaM2: draft.area.trim() ? Number(draft.area.trim()) : undefined,
        },
        { requestId },
      ),
    )
    if (!saved) return
    Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => Taro.navigateBack(), 600)
  }

  const err = (path: string) => fieldErrors[path]
  const periodError = (i: number) =>
    Object.entries(fieldErrors).find(([k]) => k.startsWith(`hours.periods.${i}`))?.[1]

  return (
    <>
      <View className="section">
        <Text className="field-label">名称</Text>
        <Input className="edit-name" value={draft.name} onChange={(name) => set({ name })} placeholder="如：五马街道爱心驿站" />
        <FieldError message={err('name')} value={draft.name} />
        <Text className="field-label">类型</Text>
        <Radio.Group value={draft.type} onChange={(v) => set({ type: v as StationType })} direction="vertical">
          {STATION_TYPES.map((t) => (
            <Radio key={t} value={t}>
              {STATION_TYPE_NAMES[t]}
            </Radio>
          ))}
        </Radio.Group>
        <PlaceFields label="地址" placeholder="街道、门牌号" place={draft} errors={fieldErrors} onChange={set} pick />
        <Text className="field-label">电话（选填）</Text>
        <Input className="edit-phone" value={draft.phone} onChange={(phone) => set({ phone })} placeholder="手机号或 0577-88886666" />
        <FieldError message={err('phone')} value={draft.phone} />
        <Text className="field-label">面积（平方米，选填）</Text>
        <Input className="edit-area" value={draft.area} onChange={(area) => set({ area })} placeholder="如：60" type="number" />
        <FieldError message={err('areaM2')} value={draft.area} />
      </View>

      <View className="section">
        <Text className="section-title">设施</Text>
        <Checkbox.Group
          direction="horizontal"
          value={draft.facilities}
          onChange={(v) => set({ facilities: v as Facility[] })}
        >
          {FACILITIES.map((f) => (
            <Checkbox key={f} shape="button" value={f} label={FACILITY_NAMES[f]} />
          ))}
        </Checkbox.Group>
        <FieldError message={err('facilities')} value={draft.facilities} />
      </View>

      <View className="section">
        <SwitchRow className="edit-open24h" label="24小时开放" checked={draft.open24h} onChange={(open24h) => set({ open24h })} />
        {!draft.open24h &&
          draft.periods.map((p, i) => (
            <View key={i} className="period">
              <Checkbox.Group direction="horizontal" value={p.days.map(String)} onChange={(v) => setPeriod(i, { days: (v as string[]).map(Number) })}>
                {DAYS.map((d, j) => (
                  <Checkbox key={d} shape="button" value={String(j + 1)} label={d} />
                ))}
              </Checkbox.Group>
              <View className="row">
                <Input value={p.open} onChange={(open) => setPeriod(i, { open })} placeholder="开门 08:00" />
                <Input value={p.close} onChange={(close) => setPeriod(i, { close })} placeholder="关门 20:00" />
                {draft.periods.length > 1 && (
                  <Button size="small" onClick={() => set({ periods: draft.periods.filter((_, j) => j !== i) })}>
                    删除
                  </Button>
                )}
              </View>
              <FieldError message={periodError(i)} value={p} />
            </View>
          ))}
        {!draft.open24h && draft.periods.length < 3 && (
          <Button size="small" onClick={() => set({ periods: [...draft.periods, { days: [6, 7], open: '09:00', close: '17:00' }] })}>
            添加时段
          </Button>
        )}
      </View>

      <View className="section">
        <Text className="section-title">照片</Text>
        <View className="row">
          {draft.photos.map((src) => (
            <Image key={src} src={src} style={{ width: '80px', height: '80px' }} mode="aspectFill" />
          ))}
        </View>
        {draft.photos.length < 9 && (
          <Button size="small" onClick={addPhotos}>
            添加照片
          </Button>
        )}
      </View>

      <View className="section">
        <Button type="primary" block loading={busy} className="save-station" onClick={save}>
          保存
        </Button>
      </View>
    </>
  )
}
