import { Map, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Checkbox, Switch } from '@nutui/nutui-react-taro'
import { useEffect, useRef, useState } from 'react'
import {
  FACILITIES,
  FACILITY_NAMES,
  STATION_TYPES,
  STATION_TYPE_NAMES,
  type Facility,
  type StationSummary,
  type StationType,
} from '@/types/stations'
import { api } from '../../api'
import { PageShell } from '../../components/PageShell'
import { StationCard } from '../../components/StationCard'
import { useSignedIn } from '../../components/useSignedIn'
import { routes } from '../../routes'
import { locate, type Here } from '../../utils/location'
import { showError } from '../../utils/useSubmit'
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
  const [here, setHere] = useState<Here | null>(null)
  const [filters, setFilters] = useState<Filters>({ facilities: [], types: [], openNow: false })
  const [items, setItems] = useState<StationSummary[]>([])
  const [nextCursor, setNextCursor] = useState<string | undefined>()
  const [loading, setLoading] = useState(false)
  const [showFilters, setShowFilters] = useState(false)
  const generation = useRef(0)

  useSignedIn(() => {
    if (here) load(here, filters)
  })

  useEffect(() => {
    locate().then(setHere)
  }, [])

  useEffect(() => {
    if (here) load(here, filters)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [here, filters])

  usePullDownRefresh(async () => {
    const fresh = await locate()
    setHere(fresh)
    Taro.stopPullDownRefresh()
  })

  async function load(at: Here, f: Filters, cursor?: string) {
    const mine = ++generation.current
    setLoading(true)
    try {
      const page = await api.stations.nearby({
        lat: at.lat,
        lng: at.lng,
        facilities: f.facilities,
        types: f.types,
        openNow: f.openNow,
        limit: PAGE_SIZE,
        cursor,
      })
      if (mine !== generation.current) return
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items))
      setNextCursor(page.nextCursor)
    } catch (error) {
      showError(error)
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }

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
        <View className="row">
          <Text className="filter-open-label">只看开放中</Text>
          <Switch
            className="filter-open-now"
            checked={filters.openNow}
            onChange={(on) => setFilters({ ...filters, openNow: on })}
          />
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

      <View className="station-list">
        {items.map((s) => (
          <StationCard key={s._id} station={s} onOpen={() => openStation(s._id)} />
        ))}
        {!loading && items.length === 0 && here && <Text className="empty-note">附近没有符合条件的驿站，试试减少筛选条件</Text>}
        {loading && <Text className="empty-note">正在查找附近驿站…</Text>}
        {!loading && nextCursor && here && (
          <View className="section">
            <Button block className="load-more" onClick={() => load(here, filters, nextCursor)}>
              加载更多
            </Button>
          </View>
        )}
      </View>
    </PageShell>
  )
}
