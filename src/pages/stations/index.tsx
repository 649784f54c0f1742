import { Map, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Checkbox } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import {
  FACILITIES,
  FACILITY_NAMES,
  STATION_TYPES,
  STATION_TYPE_NAMES,
  type Facility,
  type StationType,
} from '@/types/stations'
import { api } from '../../api'
import { PagedList } from '../../components/Loadable'
import { PageShell } from '../../components/PageShell'
import { StationCard } from '../../components/StationCard'
import { SwitchRow } from '../../components/SwitchRow'
import { useSignedIn } from '../../components/useSignedIn'
import { routes } from '../../routes'
import { useHere } from '../../utils/useHere'
import { usePaged } from '../../utils/useLoad'
import './index.scss'

const PAGE_SIZE = 20
/** Copied into the package by the build config (`copy`). */
const MARKER_ICON = '/assets/marker.png'

interface Filters {
  facilities: Facility[]
  types: StationType[]
  openNow: boolean
}

export default function StationsPage() {
  const here = useHere()
  const [filters, setFilters] = useState<Filters>({ facilities: [], types: [], openNow: false })
  const [showFilters, setShowFilters] = useState(false)

  useSignedIn()

  // Nearest first from where the worker is; waits for the position, afresh when it or a filter changes.
  const list = usePaged(
    (cursor) =>
      api.stations.nearby({
        lat: here!.lat,
        lng: here!.lng,
        facilities: filters.facilities,
        types: filters.types,
        openNow: filters.openNow,
        limit: PAGE_SIZE,
        cursor,
      }),
    { deps: [here, filters], onShow: true, when: here !== null },
  )
  const items = list.data?.items ?? []

  const openStation = (id: string) => Taro.navigateTo({ url: routes.stationDetail(id) })
  const activeCount = filters.facilities.length + filters.types.length + (filters.openNow ? 1 : 0)

  return (
    <PageShell className="stations">
      {here && !here.located && <Text className="note location-note">未获取到您的位置，按鹿城区中心由近到远排列</Text>}

      {process.env.TARO_ENV === 'weapp' && here && (
        <Map
          className="station-map"
          latitude={here.lat}
          longitude={here.lng}
          scale={14}
          showLocation={here.located}
          markers={items.slice(0, 30).map((s, i) => ({
            id: i,
            latitude: s.location.lat,
            longitude: s.location.lng,
            title: s.name,
            iconPath: MARKER_ICON,
            width: 24,
            height: 24,
          }))}
          onMarkerTap={(e) => {
            const s = items[Number((e.detail as { markerId: number }).markerId)]
            if (s) openStation(s._id)
          }}
          onError={() => undefined}
        />
      )}

      <View className="section filter-bar">
        <View className="row filter-row">
          <SwitchRow className="filter-open-now" label="只看开放中" checked={filters.openNow} onChange={(on) => setFilters({ ...filters, openNow: on })} />
          <Button size="small" className="filter-toggle" onClick={() => setShowFilters(!showFilters)}>
            {showFilters ? '收起筛选' : `筛选${activeCount ? `（${activeCount}）` : ''}`}
          </Button>
        </View>
        {showFilters && (
          <View className="filter-panel">
            <Text className="filter-label">需要的设施（都要有）</Text>
            <Checkbox.Group
              className="filter-facilities"
              direction="horizontal"
              value={filters.facilities}
              onChange={(v) => setFilters({ ...filters, facilities: v as Facility[] })}
            >
              {FACILITIES.map((f) => (
                <Checkbox key={f} className={`facility-${f}`} shape="button" value={f} label={FACILITY_NAMES[f]} />
              ))}
            </Checkbox.Group>
            <Text className="filter-label">阵地类型</Text>
            <Checkbox.Group
              className="filter-types"
              direction="horizontal"
              value={filters.types}
              onChange={(v) => setFilters({ ...filters, types: v as StationType[] })}
            >
              {STATION_TYPES.map((t) => (
                <Checkbox key={t} className={`type-${t}`} shape="button" value={t} label={STATION_TYPE_NAMES[t]} />
              ))}
            </Checkbox.Group>
          </View>
        )}
      </View>

      <PagedList list={list} cards className="station-list" empty="附近没有符合条件的驿站，试试减少筛选条件">
        {(s) => <StationCard key={s._id} station={s} onOpen={() => openStation(s._id)} />}
      </PagedList>
    </PageShell>
  )
}
