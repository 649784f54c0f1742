import type { Facility, OpeningHoursSchema, ReportKind, ReportStatus, StationStatus, StationType } from '../../../types/stations'
import type { InferOutput } from 'valibot'
import type { GeoPoint } from '../../db/types'

export interface StationRecord {
  _id: string
  name: string
  type: StationType
  address: string
  location: GeoPoint
  facilities: Facility[]
  hours: InferOutput<typeof OpeningHoursSchema>
  phone?: string
  photos: string[]
  /** Floor area in square metres, when recorded (the union's figures add them up). */
  areaM2?: number
  status: StationStatus
  /** Seeded demonstration data, not a real station. */
  demo?: boolean
  createdAt: number
  updatedAt: number
}

export interface StationReportRecord {
  _id: string
  stationId: string
  stationName: string
  userId: string
  kind: ReportKind
  text: string
  status: ReportStatus
  reply?: string
  createdAt: number
  resolvedAt?: number
  resolvedBy?: string
}
