import { STANDARD_FACILITIES, type Facility, type StationType } from '../../../types/stations'
import type { OpeningHours } from '../../domain/stations/hours'
import type { StationRecord } from '../../functions/stations/records'

/** A small deterministic PRNG (mulberry32), so the demo map looks the same on every machine. */
function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Lucheng's streets and towns, each with a rough centre (GCJ-02). */
const AREAS: Array<{ name: string; lat: number; lng: number }> = [
  { name: '五马街道', lat: 28.0189, lng: 120.6568 },
  { name: '松台街道', lat: 28.0121, lng: 120.6468 },
  { name: '大南街道', lat: 28.0085, lng: 120.6612 },
  { name: '南汇街道', lat: 27.9986, lng: 120.6741 },
  { name: '南郊街道', lat: 27.9968, lng: 120.6492 },
  { name: '滨江街道', lat: 28.0132, lng: 120.6922 },
  { name: '广化街道', lat: 28.0142, lng: 120.6318 },
  { name: '丰门街道', lat: 28.0036, lng: 120.6181 },
  { name: '双屿街道', lat: 28.0057, lng: 120.5872 },
  { name: '仰义街道', lat: 28.0454, lng: 120.5713 },
  { name: '蒲鞋市街道', lat: 28.0231, lng: 120.6794 },
  { name: '七都街道', lat: 28.0352, lng: 120.7083 },
  { name: '藤桥镇', lat: 28.0671, lng: 120.4855 },
  { name: '山福镇', lat: 28.1146, lng: 120.4562 },
]

const ROADS = ['人民路', '解放路', '车站大道', '学院路', '飞霞南路', '锦绣路', '划龙桥路', '瓯江路', '黎明西路',
  '江滨路', '大南路', '府前街', '信河街', '鹿城路', '温州大道', '新城大道', '上陡门路', '望江东路']

const PLACES = ['社区服务中心', '邮政网点', '银行网点', '加油站', '物流园', '菜场', '公交首末站', '商务楼', '工业区', '建设工地']

const TYPE_WEIGHTS: Array<[StationType, number]> = [
  ['rest_stop', 0.6],
  ['reading_room', 0.12],
  ['mother_room', 0.1],
  ['workers_home', 0.1],
  ['legal_aid', 0.05],
  ['mediation', 0.03],
]

const TYPE_SUFFIX: Record<StationType, string> = {
  rest_stop: '爱心驿站',
  reading_room: '职工书屋',
  mother_room: '妈咪暖心小屋',
  workers_home: '职工之家',
  legal_aid: '法援工作站',
  mediation: '劳动争议调解室',
}

/** A typical floor area of each type, in square metres; each demo station varies it by its number. */
const TYPICAL_AREA_M2: Record<StationType, number> = {
  rest_stop: 30,
  reading_room: 80,
  mother_room: 15,
  workers_home: 400,
  legal_aid: 40,
  mediation: 35,
}

/** The demo area of station `i`, without drawing from the PRNG (the demo map stays as it was). */
export const demoAreaM2 = (type: StationType, i: number) => Math.round(TYPICAL_AREA_M2[type] * (0.6 + ((i * 7) % 9) / 10))

const EXTRAS: Array<[Facility, number]> = [
  ['toilet', 0.7],
  ['firstaid', 0.6],
  ['wifi', 0.55],
  ['books', 0.35],
  ['nursing', 0.15],
  ['battery_swap', 0.2],
]

const HOURS: OpeningHours[] = [
  { open24h: true, periods: [] },
  { open24h: false, periods: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '07:00', close: '21:00' }] },
  { open24h: false, periods: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }] },
  {
    open24h: false,
    periods: [
      { days: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' },
      { days: [6, 7], open: '09:00', close: '17:00' },
    ],
  },
  { open24h: false, periods: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '06:00', close: '22:00' }] },
]

/** `count` demo stations spread over Lucheng; the same `seed` gives the same stations. */
export function demoStations(count: number, now: number, seed = 20261128): StationRecord[] {
  const rand = prng(seed)
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]
  const weighted = <T>(list: Array<[T, number]>) => {
    let r = rand()
    for (const [value, w] of list) if ((r -= w) < 0) return value
    return list[0][0]
  }
  const result: StationRecord[] = []
  for (let i = 0; i < count; i++) {
    const area = AREAS[i % AREAS.length]
    const type = weighted(TYPE_WEIGHTS)
    const place = pick(PLACES)
    const lat = area.lat + (rand() - 0.5) * 0.024
    const lng = area.lng + (rand() - 0.5) * 0.028
    const facilities: Facility[] = [...STANDARD_FACILITIES]
    if (type === 'rest_stop' && rand() < 0.15) facilities.splice(facilities.indexOf('fridge'), 1)
    for (const [extra, p] of EXTRAS) if (rand() < p) facilities.push(extra)
    if (type === 'reading_room' && !facilities.includes('books')) facilities.push('books')
    if (type === 'mother_room' && !facilities.includes('nursing')) facilities.push('nursing')
    const hours = type === 'rest_stop' ? pick(HOURS) : HOURS[2 + (i % 2)]
    const road = pick(ROADS)
    result.push({
      _id: `demo-station-${String(i + 1).padStart(5, '0')}`,
      name: `${area.name}${road}${place}${TYPE_SUFFIX[type]}`,
      type,
      address: `温州市鹿城区${area.name}${road}${1 + Math.floor(rand() * 400)}号${place}`,
      location: { type: 'Point', coordinates: [Number(lng.toFixed(6)), Number(lat.toFixed(6))] },
      facilities,
      hours,
      phone: `0577-88${String(100000 + Math.floor(rand() * 899999)).slice(0, 6)}`,
      photos: [],
      areaM2: demoAreaM2(type, i),
      status: 'open',
      demo: true,
      createdAt: now,
      updatedAt: now,
    })
  }
  return result
}
