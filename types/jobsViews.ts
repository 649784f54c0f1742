import type * as v from 'valibot'
import type {
  ApplicantsInput,
  ApplicationIdInput,
  ApplicationStatus,
  JobApplyInput,
  Availability,
  Benefit,
  DeclineInput,
  EmployerIdInput,
  EmployersInput,
  EmployerStatus,
  FairIdInput,
  FairKind,
  FairsInput,
  FairUpsertInput,
  HireInput,
  HrJobsInput,
  Industry,
  InterviewMode,
  InvitationIdInput,
  InviteInput,
  JobIdInput,
  JobSearchInput,
  JobStatus,
  JobUpsertInput,
  JoinEmployerInput,
  MyApplicationsInput,
  ResumeInput,
  SetEmployerStatusInput,
  employerSchema,
} from './jobs'
import type { RebuildRequestsContract } from './requests'
import type { LatLngView } from './stations'
import type { Page } from './users'

/** What the jobs function answers (`types/jobs.ts` holds the inputs). */

export interface EmployerView {
  _id: string
  name: string
  creditCode: string
  industry: Industry
  address: string
  location: LatLngView
  contactName: string
  contactPhone: string
  status: EmployerStatus
  suspendedReason?: string
  verifiedAt?: number
  demo?: boolean
  updatedAt: number
}

/** An employer as a worker meets it: the name, the trade, whether the union verified it. */
export interface EmployerBrief {
  _id: string
  name: string
  industry: Industry
  verified: boolean
}

export interface HrContact {
  userId: string
  name?: string
}

export interface InvitationView {
  _id: string
  /** The last two characters of the code, to tell invitations apart. */
  codeHint: string
  status: 'open' | 'used' | 'revoked'
  expiresAt: number
  createdAt: number
  usedAt?: number
}

export interface EmployerDetail extends EmployerView {
  hrContacts: HrContact[]
  invitations: InvitationView[]
}

/** The code, shown once to the admin who made it: it is kept only as a keyed hash. */
export interface NewInvitation extends InvitationView {
  code: string
}

export interface FairBrief {
  _id: string
  title: string
  kind: FairKind
  startsAt: number
}

/**
 * A job as a list shows it: only what its card reads. A worker's page of twenty is a third smaller
 * than in full, on a slow phone and in the server's answer alike.
 */
export interface JobListItem {
  _id: string
  title: string
  /** As the employer is named now. */
  employerName: string
  headcount: number
  salaryMinFen: number
  salaryMaxFen: number
  benefits: Benefit[]
  address: string
  /** From where the worker searched. */
  distanceM?: number
  fair?: { _id: string; title: string }
  demo?: boolean
}

/** A job in full, as its own page and the HR console show it. */
export interface JobSummary {
  _id: string
  title: string
  employer: EmployerBrief
  headcount: number
  salaryMinFen: number
  salaryMaxFen: number
  benefits: Benefit[]
  address: string
  fair?: FairBrief
  publishedAt: number
  closingDate: string
  demo?: boolean
}

export interface JobDetail extends JobSummary {
  requirements: string
  location: LatLngView
  /** Still taking applications. */
  open: boolean
  /** The caller's application to it, if any. */
  myApplication?: { _id: string; status: ApplicationStatus }
}

/** A job as its employer's HR contact keeps it. */
export interface HrJob extends Omit<JobDetail, 'myApplication' | 'open' | 'publishedAt'> {
  status: JobStatus
  fairId?: string
  publishedAt?: number
  closedAt?: number
  /** Applications in all, and those not yet answered (submitted or viewed). */
  applicants: { total: number; waiting: number }
  updatedAt: number
}

export interface ApplicationStep {
  status: ApplicationStatus
  at: number
  note?: string
  /** The worker said they will come to the interview (the status stays 邀请面试). */
  confirmed?: true
}

export interface Interview {
  at: number
  mode: InterviewMode
  place?: string
  link?: string
  note?: string
  /** When the worker said they will come. */
  confirmedAt?: number
}

/** What the worker sent: the résumé as it was, the name and age from the real-name profile. */
export interface ResumeSnapshot {
  name: string
  age: number
  experience: string
  skills: string
  certificates: string
  expectedSalaryFen?: number
  availability: Availability
}

export interface ApplicantRow {
  _id: string
  nameMasked: string
  age: number
  phoneMasked: string
  expectedSalaryFen?: number
  status: ApplicationStatus
  appliedAt: number
  interviewAt?: number
  confirmed?: boolean
}

export interface ApplicantsPage extends Page<ApplicantRow> {
  job: { _id: string; title: string; status: JobStatus }
  counts: Record<ApplicationStatus, number>
}

/** An application as the employer's HR contact opens it: the phone masked until the invitation. */
export interface HrApplication {
  _id: string
  jobId: string
  jobTitle: string
  status: ApplicationStatus
  resume: ResumeSnapshot & { phone: string }
  /** Whether `resume.phone` is the number itself (after the invitation) or masked. */
  phoneShown: boolean
  interview?: Interview
  declineReason?: string
  timeline: ApplicationStep[]
  appliedAt: number
}

/** A step's answer to HR: where the application stands, never the phone. */
export interface HrApplicationSummary {
  _id: string
  status: ApplicationStatus
  interview?: Interview
}

export interface MyApplication {
  _id: string
  job: { _id: string; title: string; employerName: string }
  status: ApplicationStatus
  interview?: Interview
  declineReason?: string
  timeline: ApplicationStep[]
  appliedAt: number
  updatedAt: number
  canWithdraw: boolean
  /** An invitation the worker has not yet said they will come to. */
  waitsForMe: boolean
  /** Whom to call at the employer: once invited, and after being hired. */
  employerContact?: { name: string; phone: string }
}

export interface ResumeView extends Omit<ResumeSnapshot, 'name' | 'age'> {
  phoneMasked: string
  updatedAt: number
}

/** The worker's own résumé with the name and age it will be sent with; the phone in full, to them only. */
export interface MyResume {
  name: string | null
  age: number | null
  resume: (ResumeView & { phone: string }) | null
}

export interface FairSummary extends FairBrief {
  endsAt: number
  kindName: string
  organiser: string
  venue?: string
  address?: string
  location?: LatLngView
  link?: string
  capacity?: number
  seatsLeft?: number
  signedUp: number
  status: 'open' | 'cancelled'
  demo?: boolean
}

export interface FairDetail extends FairSummary {
  description: string
  employers: EmployerBrief[]
  jobs: JobListItem[]
  /** The caller's sign-up. */
  mySignUp?: { status: 'signed' | 'cancelled'; at: number }
  /** Sign-ups close, and cancelling stops, when the fair starts. */
  started: boolean
}

export interface FairSignUpView {
  fairId: string
  status: 'signed' | 'cancelled'
  seatsLeft?: number
  signedUp: number
}

type In<S extends v.GenericSchema> = v.InferInput<S>

export interface JobsContract extends RebuildRequestsContract {
  // Workers.
  search: { input: In<typeof JobSearchInput>; output: Page<JobListItem> }
  job: { input: In<typeof JobIdInput>; output: JobDetail }
  myResume: { input: Record<string, never>; output: MyResume }
  saveResume: { input: In<typeof ResumeInput>; output: ResumeView }
  apply: { input: In<typeof JobApplyInput>; output: MyApplication }
  myApplications: { input: In<typeof MyApplicationsInput>; output: Page<MyApplication> }
  myApplication: { input: In<typeof ApplicationIdInput>; output: MyApplication }
  withdrawApplication: { input: In<typeof ApplicationIdInput>; output: MyApplication }
  confirmInterview: { input: In<typeof ApplicationIdInput>; output: MyApplication }
  fairs: { input: In<typeof FairsInput>; output: Page<FairSummary> }
  fair: { input: In<typeof FairIdInput>; output: FairDetail }
  signUpFair: { input: In<typeof FairIdInput>; output: FairSignUpView }
  cancelFairSignUp: { input: In<typeof FairIdInput>; output: FairSignUpView }
  joinEmployer: { input: In<typeof JoinEmployerInput>; output: EmployerBrief }
  // The HR contact of a verified employer, for that employer only.
  hrJobs: { input: In<typeof HrJobsInput>; output: Page<HrJob> & { employer: EmployerView } }
  hrJob: { input: In<typeof JobIdInput>; output: HrJob }
  saveJob: { input: In<typeof JobUpsertInput>; output: HrJob }
  publishJob: { input: In<typeof JobIdInput>; output: HrJob }
  closeJob: { input: In<typeof JobIdInput>; output: HrJob }
  applicants: { input: In<typeof ApplicantsInput>; output: ApplicantsPage }
  hrApplication: { input: In<typeof ApplicationIdInput>; output: HrApplication }
  invite: { input: In<typeof InviteInput>; output: HrApplicationSummary }
  hire: { input: In<typeof HireInput>; output: HrApplicationSummary }
  decline: { input: In<typeof DeclineInput>; output: HrApplicationSummary }
  // Admins.
  employers: { input: In<typeof EmployersInput>; output: Page<EmployerView> }
  employer: { input: In<typeof EmployerIdInput>; output: EmployerDetail }
  saveEmployer: { input: In<ReturnType<typeof employerSchema>>; output: EmployerView }
  setEmployerStatus: { input: In<typeof SetEmployerStatusInput>; output: EmployerView }
  createInvitation: { input: In<typeof EmployerIdInput>; output: NewInvitation }
  revokeInvitation: { input: In<typeof InvitationIdInput>; output: InvitationView }
  allFairs: { input: In<typeof FairsInput>; output: Page<FairSummary> }
  saveFair: { input: In<typeof FairUpsertInput>; output: FairSummary }
}
