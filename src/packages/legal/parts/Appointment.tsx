import { Map, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Radio } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { monthDay } from '@/domain/legal/promiseText'
import type { Appointment, RoomWithSlots } from '@/types/legal'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { openMap } from '../../../utils/openMap'

const MARKER_ICON = '/assets/marker.png'
const WEEKDAYS = '日一二三四五六'

/** `12月1日（周二）`. */
export const dayWords = (date: string) => `${monthDay(date)}（周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`

const navigate = (a: Appointment) =>
  openMap({ lat: a.location.lat, lng: a.location.lng, name: a.stationName, address: a.address }).catch(() =>
    Taro.showToast({ title: '无法打开地图', icon: 'none' }),
  )

/** The appointment at a mediation room: the place on a map, the time, the way there; cancel while allowed. */
export function AppointmentCard({ appointment, past, onCancel, cancelNote }: { appointment: Appointment; past: boolean; onCancel?(): void; cancelNote?: string }) {
  const a = appointment
  return (
    <View className="section appointment">
      <Text className="section-title">{past ? '调解室面谈（已过）' : '调解室预约'}</Text>
      <Cell className="appointment-time" title="时间" description={`${dayWords(a.date)} ${a.start}–${a.end}`} />
      <Cell className="appointment-place" title="地点" description={`${a.stationName}\n${a.address}`} />
      {process.env.TARO_ENV === 'weapp' && (
        <Map
          className="appointment-map"
          latitude={a.location.lat}
          longitude={a.location.lng}
          scale={16}
          markers={[{ id: 0, latitude: a.location.lat, longitude: a.location.lng, title: a.stationName, iconPath: MARKER_ICON, width: 28, height: 28 }]}
          onError={() => undefined}
        />
      )}
      <View className="actions">
        <Button type="primary" className="navigate" onClick={() => navigate(a)}>
          导航前往
        </Button>
        {onCancel && (
          <Button className="cancel-booking" onClick={onCancel}>
            取消预约
          </Button>
        )}
      </View>
      {cancelNote && <Text className="muted">{cancelNote}</Text>}
    </View>
  )
}

/**
 * Books a slot at a mediation room for the case: the rooms with their free slots of the coming two
 * weeks, one chosen, booked. A slot taken meanwhile is said plainly and the list is fetched again.
 */
export function RoomPicker({ caseId, onBooked }: { caseId: string; onBooked(): void }) {
  const rooms = useLoad(() => api.legal.rooms({}))
  const [stationId, setStationId] = useState('')
  const { submit, busy } = useSubmit()

  async function book(room: RoomWithSlots, slot: RoomWithSlots['slots'][number]) {
    const { confirm } = await Taro.showModal({ title: '预约调解室', content: `${room.name}\n${dayWords(slot.date)} ${slot.start}–${slot.end}` })
    if (!confirm) return
    const done = await submit((requestId) => api.legal.book({ caseId, stationId: room.stationId, date: slot.date, start: slot.start }, { requestId }))
    if (done) {
      Taro.showToast({ title: '已预约', icon: 'success' })
      onBooked()
    } else {
      rooms.reload()
    }
  }

  return (
    <View className="section room-picker">
      <Text className="section-title">预约调解室面谈</Text>
      <Loadable load={rooms} part="调解室" isEmpty={(r) => r.rooms.length === 0} empty="暂时没有开放预约的调解室">
        {({ rooms: list }) => {
          const room = list.find((r) => r.stationId === stationId) ?? list[0]
          const days = [...new Set(room.slots.map((s) => s.date))]
          return (
            <>
              {list.length > 1 && (
                <Radio.Group className="room-choice" direction="vertical" value={room.stationId} onChange={(v) => setStationId(String(v))}>
                  {list.map((r) => (
                    <Radio key={r.stationId} value={r.stationId}>
                      {r.name}
                    </Radio>
                  ))}
                </Radio.Group>
              )}
              <Text className="muted">{room.address}</Text>
              {days.length === 0 && <Text className="muted">这个调解室两周内没有空余时段，请选择其他调解室。</Text>}
              {days.map((date) => (
                <View key={date}>
                  <Text className="slot-day">{dayWords(date)}</Text>
                  <View className="row">
                    {room.slots
                      .filter((s) => s.date === date)
                      .map((s) => (
                        <Button key={s.start} size="small" className={`slot slot-${date}-${s.start.replace(':', '')}`} loading={busy} onClick={() => book(room, s)}>
                          {s.start}
                        </Button>
                      ))}
                  </View>
                </View>
              ))}
            </>
          )
        }}
      </Loadable>
    </View>
  )
}
