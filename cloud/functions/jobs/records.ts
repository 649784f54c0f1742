import type { ApplicationStep, Interview, ResumeSnapshot } from '../../../types/jobsViews'
import type { ApplicationStatus, Availability, Benefit, EmployerStatus, FairKind, Industry, JobStatus } from '../../../types/jobs'
import type { Ctx } from '../../core/context'
import type { Db, GeoPoint } from '../../db/types'

/** An employer the union knows: an admin creates and verifies it; its HR contacts are users with its id. */
export interface EmployerRecord {
  _id: string
  name: string
  /** UNIQUE: one employer per unified social credit code. */
  creditCode: string
  industry: Industry
  address: string
  location: GeoPoint
  contactName: string
  contactPhone: string
  status: EmployerStatus
  suspendedReason?: string
  verifiedAt?: number
  demo?: boolean
  createdAt: number
  updatedAt: number
}

/** A one-time code that makes a real-named worker the HR contact of an employer. */
export interface InvitationRecord {
  /** A keyed hash of the code (`Pii.blindIndex`): the code itself is never stored. */
  _id: string
  employerId: string
  codeHint: string
  status: 'open' | 'used' | 'revoked'
  expiresAt: number
  createdBy: string
  createdAt: number
  usedBy?: string
  usedAt?: number
  revokedAt?: number
}

export interface JobRecord {
  _id: string
  employerId: string
  /** The employer's name and trade, kept on the job so a search reads one collection. */
  employerName: string
  industry: Industry
  title: string
  headcount: number
  salaryMinFen: number
  salaryMaxFen: number
  requirements: string
  benefits: Benefit[]
  address: string
  location: GeoPoint
  /** The place again as numbers, for the box a radius search sorted by time or pay starts from. */
  lat: number
  lng: number
  fairId?: string
  closingDate: string
  /** The end of the closing date: workers see the job only before it. */
  closesAt: number
  status: JobStatus
  /** Published and its employer verified: what a search asks for (a live check follows on each page). */
  listed: boolean
  publishedAt?: number
  closedAt?: number
  closedReason?: 'hr' | 'expired'
  createdBy: string
  demo?: boolean
  createdAt: number
  updatedAt: number
}

export interface ResumeRecord {
  /** The worker's user id: one résumé each. */
  _id: string
  phoneMasked: string
  pii: { phone: string }
  experience: string
  skills: string
  certificates: string
  expectedSalaryFen?: number
  availability: Availability
  updatedAt: number
}

export interface ApplicationRecord {
  _id: string
  jobId: string
  employerId: string
  workerId: string
  /**
   * `<job>:<worker>` while the application stands: a UNIQUE index keeps one per job and worker;
   * released to `withdrawn:<id>` when the worker withdraws, so they may apply again.
   */
  applyKey: string
  jobTitle: string
  employerName: string
  status: ApplicationStatus
  /** What the worker sent; the phone only masked here, sealed in `pii`. */
  resume: ResumeSnapshot & { phoneMasked: string }
  /** Gone once the worker closed their account. */
  pii?: { phone: string }
  interview?: Interview
  declineReason?: string
  /** When the first invitation showed this employer the phone. */
  phoneRevealedAt?: number
  timeline: ApplicationStep[]
  notifyByWeChat: boolean
  createdAt: number
  updatedAt: number
}

export interface FairRecord {
  _id: string
  title: string
  kind: FairKind
  startsAt: number
  endsAt: number
  organiser: string
  description: string
  venue?: string
  address?: string
  location?: GeoPoint
  link?: string
  capacity?: number
  /** Places not taken: claimed by the conditional update `seatsLeft > 0 → seatsLeft − 1`. */
  seatsLeft?: number
  signedUp: number
  employerIds: string[]
  status: 'open' | 'cancelled'
  /** Set by the scheduled work once the fair is over and its sign-ups' rows say so. */
  ended?: boolean
  demo?: boolean
  createdBy: string
  createdAt: number
  updatedAt: number
}

export interface FairSignUpRecord {
  /** `<fair>:<worker>`: one sign-up per worker and fair. */
  _id: string
  fairId: string
  userId: string
  fairTitle: string
  fairStartsAt: number
  fairPlace?: string
  status: 'signed' | 'cancelled'
  /** The reminder of the day before was sent (once). */
  remindedAt?: number
  /** The fair is over. */
  fairEnded?: boolean
  createdAt: number
  cancelledAt?: number
  updatedAt: number
}

type Source = Ctx | Db
const dbOf = (source: Source): Db => ('db' in source ? source.db : source)

export const employers = (s: Source) => dbOf(s).collection<EmployerRecord>('employers')
export const invitations = (s: Source) => dbOf(s).collection<InvitationRecord>('employer_invitations')
export const jobs = (s: Source) => dbOf(s).collection<JobRecord>('jobs')
export const resumes = (s: Source) => dbOf(s).collection<ResumeRecord>('resumes')
export const applications = (s: Source) => dbOf(s).collection<ApplicationRecord>('job_applications')
export const fairs = (s: Source) => dbOf(s).collection<FairRecord>('fairs')
export const fairSignUps = (s: Source) => dbOf(s).collection<FairSignUpRecord>('fair_signups')
