import type { Appointment, ContactWay, LegalCategory, LegalOutcome, LegalRating } from '../../../types/legal'
import type { Applicant } from '../../core/cases/open'
import type { CaseRecord } from '../../core/cases/record'
import type { CasePromise } from '../../domain/legal/promise'

/** The plain particulars of a legal case (`details` of its case record). */
export interface LegalDetails {
  category: LegalCategory
  employer: string
  amountInDisputeFen?: number
  stillEmployed: boolean
  employmentEndedOn?: string
  learnedOn?: string
  /** The arbitration limit as worked out at filing: its last day when it runs, and the words the worker read. */
  limitDate?: string
  limitText: string
  knownDeadline?: { date: string; what: string }
  contact: ContactWay
  preferredTimes?: string
  migrant: boolean
  household?: { householdSize: number; annualIncomeFen: number; unavoidableSpendingFen: number; suddenEventCostFen?: number }
  means: { exempt: boolean; eligible: boolean; text: string }
  promise: CasePromise
  /** The deadline of the promise still to keep (受理, then 答复); removed once aid is decided. The desk sorts by it. */
  dueAt?: number
  /** The current lawyer's name, as the worker and the desk read it. */
  assigneeName?: string
  /** Everyone ever assigned (user ids): a lawyer who closes their account is taken off each of these cases. */
  assignees?: string[]
  appointment?: Appointment
  outcome?: { outcome: LegalOutcome; note: string; recoveredFen?: number; at: number }
  decline?: { reason: string; referral: string }
  rating?: LegalRating
}

/** What is sealed: who asked, what happened to them, where they come from. */
export interface LegalSealed {
  applicant: Applicant
  story: string
  hometown?: string
}

export const detailsOf = (record: CaseRecord) => record.details as unknown as LegalDetails

/** One appointment at a mediation room. `slotKey` and `caseKey` are UNIQUE while it holds the slot. */
export interface BookingRecord {
  _id: string
  stationId: string
  date: string
  start: string
  end: string
  startAt: number
  caseId: string
  ownerId: string
  assigneeId: string
  /** `<station>:<date>:<start>` while booked; `cancelled:<id>` once cancelled. */
  slotKey: string
  /** The case id while it is the case's appointment; released when cancelled or once a later one is booked. */
  caseKey: string
  status: 'active' | 'cancelled'
  bookedBy: string
  bookedAt: number
  /** Whether the day-before reminder went out. */
  reminded: boolean
  cancelledAt?: number
  cancelledBy?: string
}

/** The messages of a case: how many each side has not read. */
export interface ThreadRecord {
  _id: string
  caseId: string
  ownerUnread: number
  assigneeUnread: number
  count: number
  lastAt: number
}

export interface MessageRecord {
  _id: string
  caseId: string
  from: 'owner' | 'assignee'
  authorId: string
  /** Sealed: what people write on a case is theirs. */
  text: string
  files: string[]
  at: number
}

/** A mediation room's week and closed dates *(admin)*, by station id. */
export interface RoomRecord {
  _id: string
  periods: Array<{ weekdays: number[]; start: string; end: string }>
  slotMinutes: number
  closedDates: string[]
  updatedAt: number
}

export interface PromiseConfigRecord {
  _id: string
  acknowledgeDays: number
  decideDays: number
  updatedAt: number
}

/** A year's holiday notice an admin entered (`calendar_years/<year>`). */
export interface CalendarYearRecord {
  _id: string
  year: number
  holidays: string[]
  workdays: string[]
  updatedAt: number
}

export const COLLECTIONS = {
  bookings: 'legal_bookings',
  threads: 'legal_threads',
  messages: 'legal_messages',
  rooms: 'legal_rooms',
  config: 'legal_config',
  calendar: 'calendar_years',
} as const
