import type { PolicyKey } from '../../../types/policies'
import { requireConsent } from '../policies'
import type { CaseAttachment, CaseDetailRow, CaseSummary } from '../../../types/cases'
import { step } from '../../domain/cases/workflow'
import { maskName } from '../../domain/identity/mask'
import { DuplicateKeyError } from '../../db/types'
import type { Ctx } from '../context'
import { AppError, failedPrecondition } from '../errors'
import { attachFiles } from '../files'
import type { CaseRecord } from './record'
import { caseSummary } from './views'
import { writeRequestRow } from '../requests/row'
import { requestRowOfCase } from './requestRow'
import { noticeOf, type CaseServiceSpec } from './workflow'

/** Who applied, as real-named: sealed into the case so the desk sees the person who asked. */
export interface Applicant {
  name: string
  idNumber: string
  mobile: string
}

/** The caller as real-named, or a refusal that says what to do first. */
export function applicantOf(ctx: Ctx, toDoWhat: string): Applicant {
  const { profile, pii } = ctx.user
  if (!profile || !pii) throw failedPrecondition(`请先在“我的”里完成实名认证，再${toDoWhat}`)
  return { name: profile.name, idNumber: ctx.pii.decrypt(pii.idNumber), mobile: ctx.pii.decrypt(pii.mobile) }
}

/** The applicant's lines of a case: masked with a reveal on the desk, in full for the owner. */
export function applicantRows(record: CaseRecord, applicant: Applicant, forDesk: boolean): CaseDetailRow[] {
  if (!forDesk) return [{ label: '申请人', value: applicant.name }]
  return [
    { label: '申请人', value: maskName(applicant.name), revealable: 'applicantName' },
    { label: '手机号', value: record.masked.mobile, revealable: 'mobile' },
    { label: '身份证号', value: record.masked.idNumber, revealable: 'idNumber' },
  ]
}

export const APPLICANT_REVEALABLE: CaseServiceSpec<{ applicant: Applicant }>['revealable'] = {
  applicantName: { label: '申请人姓名', value: (_r, s) => s.applicant.name },
  mobile: { label: '手机号', value: (_r, s) => s.applicant.mobile },
  idNumber: { label: '身份证号', value: (_r, s) => s.applicant.idNumber },
}

export interface NewCase<S> {
  kind: string
  year: number
  title: string
  /** UNIQUE: what "one open at a time" means for this service. */
  openKey: string
  details: object
  sealed: S & { applicant: Applicant }
  materials: string[]
  attachments: CaseAttachment[]
  suggestedFen?: number
  maxFen?: number
  /** The policy the worker agreed to on the form, and the version they agreed to (the one in force). */
  consentPolicy: PolicyKey
  consentVersion: string
  notifyByWeChat?: boolean
  /** What the worker is told when `openKey` is taken, and on which field. */
  conflict: { field: string; message: string }
  /** What the worker's inbox message says instead of the workflow's words (legal: the promise in dates). */
  news?: string
}

/**
 * Stores a submitted case (the workflow's draft → submitted, taken by its owner) with its first
 * timeline step, the worker's inbox message and their row of 我的办事, in one transaction. A taken
 * `openKey` is a CONFLICT that writes nothing.
 */
export async function openCase<S>(ctx: Ctx, spec: CaseServiceSpec<S>, c: NewCase<S>): Promise<CaseSummary> {
  const { user } = ctx
  const decision = step({ service: spec.service, status: 'draft', ownerId: user._id }, 'submit', { id: user._id, kind: 'owner' })
  if (!decision.ok) throw new AppError(decision.code, decision.message)
  await requireConsent(ctx, c.consentPolicy, c.consentVersion)
  const now = ctx.now()
  const record: Omit<CaseRecord, '_id'> = {
    service: spec.service,
    kind: c.kind,
    year: c.year,
    title: c.title,
    ownerId: user._id,
    applicantMasked: maskName(c.sealed.applicant.name),
    openKey: c.openKey,
    status: decision.status,
    submittedAt: now,
    updatedAt: now,
    waitingSince: now,
    notifyByWeChat: c.notifyByWeChat ?? false,
    details: c.details as Record<string, unknown>,
    sealed: ctx.pii.encrypt(JSON.stringify(c.sealed)),
    masked: { mobile: user.profile?.mobileMasked ?? '', idNumber: user.profile?.idNumberMasked ?? '' },
    materials: c.materials,
    attachments: c.attachments,
    suggestedFen: c.suggestedFen,
    maxFen: c.maxFen,
    consent: { version: c.consentVersion, at: now },
    timeline: [{ at: now, action: 'submit', status: decision.status, by: 'owner', files: c.attachments.length }],
  }
  try {
    const stored = await ctx.transaction(async (t) => {
      const stored: CaseRecord = { ...record, _id: (await t.tx.collection<CaseRecord>('cases').add({ data: record }))._id }
      await attachFiles(t.tx, stored.attachments.map((a) => a.fileId), { collection: 'cases', id: stored._id })
      await t.notify(stored.ownerId, ...noticeOf(spec, stored, stored.timeline[0], c.news))
      await writeRequestRow(t.tx, requestRowOfCase(stored, spec.caseLink(stored._id)))
      return stored
    })
    return caseSummary(stored)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    throw new AppError('CONFLICT', c.conflict.message, { [c.conflict.field]: c.conflict.message })
  }
}
