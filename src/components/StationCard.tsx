import { Text, View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import { FACILITY_NAMES, STATION_TYPE_NAMES, type StationSummary } from '@/types/stations'
import { formatDistance } from '../utils/format'
import './StationCard.scss'

export function stationStateTag(s: Pick<StationSummary, 'status' | 'openNow'>) {
  if (s.status === 'closed') return <Tag type="danger" className="state-closed">暂停开放</Tag>
  return s.openNow ? <Tag type="success" className="state-open">开放中</Tag> : <Tag type="default" className="state-resting">休息中</Tag>
}

/** One station in a list: what a worker at a red light needs — name, how far, open or not, what it has. */
export function StationCard({ station, onOpen }: { station: StationSummary; onOpen(): void }) {
  return (
    <View className="list-card station-card" onClick={onOpen}>
      <View className="list-card-head">
        <Text className="station-name">{station.name}</Text>
        {stationStateTag(station)}
      </View>
      <Text className="station-meta">
        {formatDistance(station.distanceM)} · {STATION_TYPE_NAMES[station.type]}
        {station.demo ? ' · 演示数据' : ''}
      </Text>
      <Text className="station-address">{station.address}</Text>
      <Text className="station-facilities">{station.facilities.map((f) => FACILITY_NAMES[f]).join(' · ')}</Text>
    </View>
  )
}
