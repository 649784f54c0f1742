import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import type { FieldErrors } from '@/types/envelope'
import { FieldError } from './FieldError'

/** A place as a form types it: the address, and its position as typed (GCJ-02). */
export interface PlaceDraft {
  address: string
  lat: string
  lng: string
}

/** A coordinate as typed: blank is no position (the server asks for it), never 0. */
export const typedCoordinate = (typed: string): number | undefined => (typed.trim() === '' ? undefined : Number(typed))

/**
 * Where a station, an employer, a job or a fair is: the address, then latitude and longitude with
 * their problems (each goes once its field is changed); `pick` adds 地图选点 in WeChat, which fills
 * the position (and the address if it is still empty).
 */
export function PlaceFields(props: {
  label: string
  placeholder?: string
  place: PlaceDraft
  errors: FieldErrors
  onChange(change: Partial<PlaceDraft>): void
  pick?: boolean
}) {
  const { label, placeholder, place, errors, onChange, pick = false } = props

  async function pickOnMap() {
    try {
      const res = await Taro.chooseLocation({})
      onChange({ lat: String(res.latitude), lng: String(res.longitude), address: place.address || res.address })
    } catch {
      Taro.showToast({ title: '未选择位置，可手动填写经纬度', icon: 'none' })
    }
  }

  return (
    <>
      <Text className="field-label">{label}</Text>
      <Input className="field-address" value={place.address} onChange={(address) => onChange({ address })} placeholder={placeholder} />
      <FieldError message={errors.address} value={place.address} />
      <View className="row">
        <Text className="field-label">纬度</Text>
        <Input className="field-lat" value={place.lat} onChange={(lat) => onChange({ lat })} placeholder="如：28.0156" type="digit" />
        <Text className="field-label">经度</Text>
        <Input className="field-lng" value={place.lng} onChange={(lng) => onChange({ lng })} placeholder="如：120.6554" type="digit" />
        {pick && process.env.TARO_ENV === 'weapp' && (
          <Button size="small" onClick={pickOnMap}>
            地图选点
          </Button>
        )}
      </View>
      {process.env.TARO_ENV !== 'weapp' && <Text className="muted place-hint">经纬度可在腾讯地图或高德地图的“坐标拾取”里查到（直接复制，不用换算）。</Text>}
      <FieldError message={errors.lat ?? errors.lng} value={[place.lat, place.lng]} />
    </>
  )
}
