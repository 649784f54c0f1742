import type { InferOutput } from 'valibot'
import type { ClassUpsertInput, EnrollmentStatus } from '../../../types/childcare'
import type { GeoPoint } from '../../db/types'

/** What the admin sets for a class (`ClassUpsertInput`), stored with its place as a `Geo.Point`. */
type ClassFields = Omit<InferOutput<typeof ClassUpsertInput>, 'id' | 'lat' | 'lng'>

export interface ClassRecord extends ClassFields {
  _id: string
  termKey: string
  location: GeoPoint
  status: 'open' | 'closed'
  /** Seats not taken: claimed by the conditional update `seatsLeft > 0 → seatsLeft − 1`. */
  seatsLeft: number
  demo?: boolean
  createdAt: number
  updatedAt: number
}

export interface ChildData {
  name: string
  idNumber: string
  gender: 'male' | 'female'
  school: string
  grade: number
  healthNotes: string
}

export interface EnrollmentRecord {
  _id: string
  classId: string
  /** The class's title when the sign-up was made, for the guardian's 我的办事. */
  classTitle?: string
  termKey: string
  guardianId: string
  /**
   * `<term>:<child blind index>` while the sign-up stands: a UNIQUE index keeps one place per
   * child per term. Released to `released:<id>` on cancellation so the child may sign up again.
   */
  activeKey: string
  /** Gone, with `pii`, once the guardian closed their account. */
  childBlind?: string
  childNameMasked: string
  /** Everything about the child and the emergency contact, encrypted (PIPL: children under 14). */
  pii?: { child: string; emergencyContact: string }
  status: EnrollmentStatus
  /** Where a waitlisted sign-up stands: the order it reached the function (`ctx.arrival`). */
  waitlistKey?: string
  /**
   * Made with a requestId, the sign-up keeps its intent: its `_id` is the intent's key, and this the
   * hash of the payload it was sent with, so a repeat is answered from it (and another payload refused).
   */
  intentHash?: string
  consent: { version: string; at: number }
  notifyByWeChat: boolean
  createdAt: number
  enrolledAt?: number
  promotedAt?: number
  cancelledAt?: number
}

export interface AttendanceRecord {
  _id: string
  classId: string
  enrollmentId: string
  date: string
  present: boolean
  by: string
  at: number
}

export interface SessionRecord {
  _id: string
  classId: string
  date: string
  by: string
  at: number
}
