import * as v from 'valibot'
import { clockTime, codeText, freeText, latitude, list, longitude, nameText, pageCursor, pageLimit, recordId, wholeNumber, yesNo } from './fields'
import type { RebuildRequestsContract } from './requests'
import type { Page } from './users'

export const FACILITIES = [
  'ac',
  'fridge',
  'microwave',
  'water',
  'charging',
  'seating',
  'toilet',
  'firstaid',
  'wifi',
  'books',
  'nursing',
  'battery_swap',
] as const
export type Facility = (typeof FACILITIES)[number]

export const FACILITY_NAMES: Record<Facility, string> = {
  ac: '空调',
  fridge: '冰箱',
  microwave: '微波炉',
  water: '饮用水',
  charging: '手机充电',
  seating: '桌椅',
  toilet: '卫生间',
  firstaid: '急救箱',
  wifi: 'WiFi',
  books: '图书',
  nursing: '母婴室',
  battery_swap: '换电柜',
}

/** The "6" of Lucheng's "6+N" standard: every station is meant to have these. */
export const STANDARD_FACILITIES: Facility[] = ['ac', 'fridge', 'microwave', 'water', 'charging', 'seating']

export const STATION_TYPES = ['rest_stop', 'reading_room', 'mother_room', 'workers_home', 'legal_aid', 'mediation'] as const
export type StationType = (typeof STATION_TYPES)[number]

export const STATION_TYPE_NAMES: Record<StationType, string> = {
  rest_stop: '爱心驿站·劳动者港湾',
  reading_room: '职工书屋',
  mother_room: '妈咪暖心小屋',
  workers_home: '职工之家',
  legal_aid: '法援工作站',
  mediation: '调解室',
}

/** A 职工之家 with its hall is a few thousand square metres; more is a typing mistake. */
export const MAX_STATION_AREA_M2 = 50_000

export const STATION_STATUSES = ['open', 'closed'] as const
export type StationStatus = (typeof STATION_STATUSES)[number]

export const REPORT_KINDS = ['broken', 'closed_unexpectedly', 'wrong_info', 'other'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_KIND_NAMES: Record<ReportKind, string> = {
  broken: '设施损坏',
  closed_unexpectedly: '开放时间却关门',
  wrong_info: '信息有误',
  other: '其他问题',
}

export type ReportStatus = 'open' | 'resolved'
export const REPORT_STATUS_NAMES: Record<ReportStatus, string> = { open: '处理中', resolved: '已处理' }

const id = recordId()

export const OpeningHoursSchema = v.object({
  open24h: yesNo('是否24小时开放'),
  periods: v.pipe(
    v.array(
      v.object({
        days: v.pipe(
          v.array(wholeNumber('星期', 1, 7), '请选择开放的星期'),
          v.minLength(1, '请选择开放的星期'),
          v.maxLength(7, '星期最多7天'),
        ),
        open: clockTime('开门时间'),
        close: clockTime('关门时间'),
      }),
      '开放时间格式不正确',
    ),
    v.maxLength(7, '开放时段最多7个'),
  ),
})

export const NearbyInput = v.object({
  lat: latitude,
  lng: longitude,
  facilities: v.optional(list(v.picklist(FACILITIES, '没有这种设施'), '设施', { max: FACILITIES.length })),
  types: v.optional(list(v.picklist(STATION_TYPES, '没有这种阵地类型'), '阵地类型', { max: STATION_TYPES.length })),
  openNow: v.optional(v.boolean('“正在开放”应为是或否')),
  limit: pageLimit(50),
  cursor: pageCursor,
})

export const StationIdInput = v.object({ id })

export const ReportInput = v.object({
  stationId: id,
  kind: v.picklist(REPORT_KINDS, '请选择问题类型'),
  text: freeText('问题描述', { min: 4, max: 300, required: '请描述问题，至少4个字' }),
})

export const StationUpsertInput = v.object({
  id: v.optional(id),
  name: nameText('名称', { min: 2, max: 40 }),
  type: v.picklist(STATION_TYPES, '请选择阵地类型'),
  address: nameText('地址', { min: 4, max: 100 }),
  lat: latitude,
  lng: longitude,
  facilities: list(v.picklist(FACILITIES, '没有这种设施'), '设施', { max: FACILITIES.length }),
  hours: OpeningHoursSchema,
  phone: v.optional(codeText('电话', /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '电话应为手机号或区号加座机号', 13)),
  photos: v.optional(list(v.pipe(v.string('照片不正确'), v.maxLength(300, '照片不正确')), '照片', { max: 9 })),
  /** The floor area in square metres, when known: the union reports its positions' area. */
  areaM2: v.optional(wholeNumber('面积', 1, MAX_STATION_AREA_M2, '平方米')),
})

export const SetStatusInput = v.object({ id, status: v.picklist(STATION_STATUSES, '状态不正确') })

export const ReportsInput = v.object({
  status: v.optional(v.picklist(['open', 'resolved'] as const, '状态不正确')),
  limit: pageLimit(50),
  cursor: pageCursor,
})

export const ResolveReportInput = v.object({
  id,
  reply: freeText('处理说明', { min: 2, max: 200 }),
})

export interface LatLngView {
  lat: number
  lng: number
}

export interface StationSummary {
  _id: string
  name: string
  type: StationType
  address: string
  location: LatLngView
  facilities: Facility[]
  status: StationStatus
  openNow: boolean
  distanceM: number
  demo?: boolean
}

export interface StationDetail extends Omit<StationSummary, 'distanceM'> {
  hours: v.InferOutput<typeof OpeningHoursSchema>
  hoursText: string
  phone?: string
  photos: string[]
  /** Floor area in square metres, when the union recorded it. */
  areaM2?: number
  updatedAt: number
}

export interface StationReport {
  _id: string
  stationId: string
  stationName: string
  kind: ReportKind
  text: string
  status: ReportStatus
  reply?: string
  createdAt: number
  resolvedAt?: number
}

export interface StationsContract extends RebuildRequestsContract {
  nearby: { input: v.InferInput<typeof NearbyInput>; output: Page<StationSummary> }
  get: { input: v.InferInput<typeof StationIdInput>; output: StationDetail }
  report: { input: v.InferInput<typeof ReportInput>; output: StationReport }
  myReports: { input: Record<string, never>; output: Page<StationReport> }
  upsert: { input: v.InferInput<typeof StationUpsertInput>; output: StationDetail }
  setStatus: { input: v.InferInput<typeof SetStatusInput>; output: StationDetail }
  reports: { input: v.InferInput<typeof ReportsInput>; output: Page<StationReport> }
  resolveReport: { input: v.InferInput<typeof ResolveReportInput>; output: StationReport }
}
