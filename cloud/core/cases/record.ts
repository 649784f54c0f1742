import type { CaseAttachment, CaseService, CaseStatus, TimelineEntry } from '../../../types/cases'

/**
 * A document of `cases`: one request of a worker on the case workflow, whatever the service.
 * The service's own particulars are in `details` (plain) and `sealed` (personal data, encrypted).
 */
export interface CaseRecord<D = Record<string, unknown>> {
  _id: string
  service: CaseService
  /** The service's sort of case: the aid programme, the medical category. */
  kind: string
  year: number
  title: string
  ownerId: string
  /** `张*明`: how the desk lists the applicant. */
  applicantMasked: string
  /**
   * `<service>:<kind>:<year>:<owner>` while the case counts against "one open application per
   * programme per worker per year"; `closed:<id>` once rejected or withdrawn. UNIQUE.
   */
  openKey: string
  status: CaseStatus
  assigneeId?: string
  submittedAt: number
  /** The union's first answer (受理: claimed on the desk, acknowledged, or decided at once). */
  acknowledgedAt?: number
  /** The decision: approved or rejected, aid granted or declined. */
  decidedAt?: number
  /** The payment recorded. These three stay when the owner closes the account: the figures count by them. */
  paidAt?: number
  updatedAt: number
  /** When the case entered its present state: the desk's queues sort and filter by it. */
  waitingSince: number
  notifyByWeChat: boolean
  details: D
  /**
   * AES-GCM sealed JSON of the personal particulars (bank account, household, what happened); gone
   * once the owner closed their account (the case stays for what was paid, with no personal data).
   */
  sealed?: string
  /** The owner closed their account: `ownerId` is an alias, the particulars are erased. */
  closed?: boolean
  /** Masked forms of the sealed fields the desk may reveal, by field name. */
  masked: Record<string, string>
  materials: string[]
  attachments: CaseAttachment[]
  suggestedFen?: number
  maxFen?: number
  amountFen?: number
  paymentRef?: string
  askedFor?: string
  rejectReason?: string
  consent: { version: string; at: number }
  timeline: TimelineEntry[]
}

export const openKeyOf = (service: CaseService, kind: string, year: number, ownerId: string) => `${service}:${kind}:${year}:${ownerId}`
