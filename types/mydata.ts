import * as v from 'valibot'
import { nameText, recordId } from './fields'
import { POLICY_KEYS, type PolicyKey } from './policies'
import type { Service } from './roles'

/**
 * 我的数据 (PIPL arts. 45, 47, 15): what the union holds about a worker, a copy of it, and closing the
 * account. Each service gives its part (`cloud/functions/mydata/parts.ts`).
 */

/** One labelled value of a record, as the worker reads it. */
export interface DataRow {
  label: string
  value: string
}

/** One record of a service: a sign-up, a case, a report, a message. */
export interface DataItem {
  title: string
  at?: number
  rows: DataRow[]
}

/** What one service (or the account itself) holds about the worker. */
export interface DataSection {
  key: Service | 'account' | 'messages' | 'files' | 'consents'
  title: string
  items: DataItem[]
}

/** A time someone on the union's side opened the worker's personal data: their role, never who. */
export interface AccessEntry {
  at: number
  role: string
  what: string
}

/** One policy as the worker stands to it: agreed (to which version, when), withdrawn, or never asked. */
export interface ConsentStatus {
  policy: PolicyKey
  title: string
  /** The version last agreed to and when; absent when never agreed. */
  version?: string
  at?: number
  withdrawnAt?: number
}

export interface MyDataView {
  sections: DataSection[]
  /** The privacy and real-name consents, and each service's as recorded on its requests. */
  consents: ConsentStatus[]
  /** Who on the union's side opened this person's data, newest first (the audit, 3 years). */
  accesses: AccessEntry[]
}

export interface ExportedFile {
  fileId: string
  url: string
  expiresAt: number
  name: string
}

/** A request that stops the account from closing by itself, and what to do about it. */
export interface ClosingBlocker {
  title: string
  why: string
}

export interface ClosingPlan {
  /** What closing erases or irreversibly anonymises. */
  erased: string[]
  /** What stays, and why (DOMAIN.md, "Across all services"). */
  kept: string[]
  /** Requests that will be withdrawn first. */
  withdrawn: string[]
  blockers: ClosingBlocker[]
  /** A request to the union to close it once the blockers end, when one was made. */
  requestedAt?: number
}

/** What withdrawing a consent does, said before it is done, and what it did. */
export interface ConsentWithdrawal {
  policy: PolicyKey
  title: string
  /** In a plain sentence: what stops, and how to take it up again. */
  stops: string
  /** Open requests withdrawn (or to be) because the rules let the worker withdraw them. */
  withdrawn: string[]
  /** Open requests that go on to their end: past the point the worker may withdraw them. */
  continuing: string[]
}

export const ConsentPolicyInput = v.object({ policy: v.picklist(POLICY_KEYS, '没有这项协议') })

export const CLOSE_CONFIRMATION = '确认注销'

export const CloseAccountInput = v.object({
  /** The worker types the words, so no tap closes an account by mistake. */
  confirm: v.literal(CLOSE_CONFIRMATION, `请输入“${CLOSE_CONFIRMATION}”四个字`),
})

export const RevealMineInput = v.object({ field: v.picklist(['mobile', 'idNumber'] as const, '请选择要查看的信息') })

export const ClosingRequestInput = v.object({ userId: recordId('用户编号') })

export interface ClosingRequestView {
  userId: string
  nameMasked: string
  requestedAt: number
  blockers: ClosingBlocker[]
}

export const ClosingReasonInput = v.object({ reason: v.optional(nameText('原因', { max: 200 })) })

export interface MydataContract {
  /** Everything held about the caller, service by service, and who opened it. */
  view: { input: Record<string, never>; output: MyDataView }
  /** One of the caller's own real-name values in full (asked to confirm on the phone). */
  revealMine: { input: v.InferInput<typeof RevealMineInput>; output: { field: string; value: string } }
  /** A readable PDF summary and the complete data as JSON, each reachable for 24 hours. */
  exportMine: { input: Record<string, never>; output: { pdf: ExportedFile; json: ExportedFile } }
  /** What withdrawing a consent would stop and withdraw. */
  withdrawalPlan: { input: v.InferInput<typeof ConsentPolicyInput>; output: ConsentWithdrawal }
  /** Withdraws a consent (PIPL art. 15): its services stop, their open requests are withdrawn where the rules allow. */
  withdrawConsent: { input: v.InferInput<typeof ConsentPolicyInput>; output: ConsentWithdrawal }
  /** What closing would do, and what stops it. */
  closingPlan: { input: Record<string, never>; output: ClosingPlan }
  closeAccount: { input: v.InferInput<typeof CloseAccountInput>; output: { closed: true } }
  /** Asks the union to close the account once what stops it has ended. */
  requestClosing: { input: v.InferInput<typeof ClosingReasonInput>; output: ClosingPlan }
  /** Takes back the request to the union to close the account. */
  withdrawClosingRequest: { input: Record<string, never>; output: ClosingPlan }
  /** Admins: the closings that wait for a person, with what stops each one now. */
  closingRequests: { input: Record<string, never>; output: { items: ClosingRequestView[] } }
  /** Admins: close an account whose blockers have ended. */
  closeFor: { input: v.InferInput<typeof ClosingRequestInput>; output: { closed: true } }
}
