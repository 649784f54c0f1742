import { FAIR_KIND_NAMES } from '../../../types/jobs'
import type { EmployerBrief, EmployerView, FairBrief, FairSummary, HrJob, JobListItem, JobSummary, MyApplication } from '../../../types/jobsViews'
import { isDecided, waitsForWorker } from '../../domain/jobs/applications'
import { industryOf, statusOf } from '../../domain/jobs/employer'
import type { Ctx } from '../../core/context'
import { notFound } from '../../core/errors'
import { latLngOf } from '../../core/geo'
import { applications, employers, fairs, jobs, type ApplicationRecord, type EmployerRecord, type FairRecord, type JobRecord } from './records'

export function employerView(e: EmployerRecord): EmployerView {
  return {
    _id: e._id,
    name: e.name,
    creditCode: e.creditCode ?? '',
    industry: industryOf(e.industry) ?? 'L',
    address: e.address ?? '',
    location: e.location ? latLngOf(e.location) : { lat: 0, lng: 0 },
    contactName: e.contactName ?? '',
    contactPhone: e.contactPhone ?? '',
    status: statusOf(e),
    suspendedReason: e.suspendedReason,
    verifiedAt: e.verifiedAt,
    demo: e.demo,
    updatedAt: e.updatedAt ?? e.createdAt,
  }
}

export const employerBrief = (e: EmployerRecord): EmployerBrief => ({
  _id: e._id,
  name: e.name,
  industry: industryOf(e.industry) ?? 'L',
  verified: statusOf(e) === 'verified',
})

export async function mustGetEmployer(ctx: Ctx, id: string): Promise<EmployerRecord> {
  const { data } = await employers(ctx).doc(id).get()
  if (!data) throw notFound('没有找到这家企业')
  return data
}

/** Documents of these ids, in one query per hundred. */
async function byIds<T extends { _id: string }>(ctx: Ctx, collection: { where(q: object): { limit(n: number): { get(): Promise<{ data: T[] }> } } }, ids: string[]) {
  const unique = [...new Set(ids)]
  const found = new Map<string, T>()
  for (let i = 0; i < unique.length; i += 100) {
    const { data } = await collection.where({ _id: ctx.db.command.in(unique.slice(i, i + 100)) }).limit(100).get()
    for (const d of data) found.set(d._id, d)
  }
  return found
}

export const employersById = (ctx: Ctx, ids: string[]) => byIds<EmployerRecord & { _id: string }>(ctx, employers(ctx), ids)
export const fairsById = (ctx: Ctx, ids: string[]) => byIds<FairRecord & { _id: string }>(ctx, fairs(ctx), ids)

export const fairBrief = (f: FairRecord): FairBrief => ({ _id: f._id, title: f.title, kind: f.kind, startsAt: f.startsAt })

export function fairSummary(f: FairRecord): FairSummary {
  return {
    ...fairBrief(f),
    endsAt: f.endsAt,
    kindName: FAIR_KIND_NAMES[f.kind],
    organiser: f.organiser,
    venue: f.venue,
    address: f.address,
    location: f.location ? latLngOf(f.location) : undefined,
    link: f.link,
    capacity: f.capacity,
    seatsLeft: f.capacity === undefined ? undefined : Math.max(0, f.seatsLeft ?? 0),
    signedUp: Math.max(0, f.signedUp),
    status: f.status,
    demo: f.demo,
  }
}

/** A job as a worker's list shows it, named as its employer is now. */
export function jobListItem(j: JobRecord, employer: EmployerRecord | undefined, fair: FairRecord | undefined, distanceM?: number): JobListItem {
  return {
    _id: j._id,
    title: j.title,
    employerName: employer?.name ?? j.employerName,
    headcount: j.headcount,
    salaryMinFen: j.salaryMinFen,
    salaryMaxFen: j.salaryMaxFen,
    benefits: j.benefits,
    address: j.address,
    distanceM: distanceM === undefined ? undefined : Math.round(distanceM),
    fair: fair ? { _id: fair._id, title: fair.title } : undefined,
    demo: j.demo,
  }
}

/** A job in full, with its employer as it stands now. */
export function jobSummary(j: JobRecord, employer: EmployerRecord | undefined, fair: FairRecord | undefined): JobSummary {
  return {
    _id: j._id,
    title: j.title,
    employer: employer ? employerBrief(employer) : { _id: j.employerId, name: j.employerName, industry: j.industry, verified: false },
    headcount: j.headcount,
    salaryMinFen: j.salaryMinFen,
    salaryMaxFen: j.salaryMaxFen,
    benefits: j.benefits,
    address: j.address,
    fair: fair ? fairBrief(fair) : undefined,
    publishedAt: j.publishedAt ?? j.createdAt,
    closingDate: j.closingDate,
    demo: j.demo,
  }
}

/** Applications to a job in all, and those HR has not answered yet. */
export async function applicantCounts(ctx: Ctx, jobId: string) {
  const _ = ctx.db.command
  const [total, waiting] = await Promise.all([
    applications(ctx).where({ jobId, status: _.neq('withdrawn') }).count(),
    applications(ctx).where({ jobId, status: _.in(['submitted', 'viewed']) }).count(),
  ])
  return { total: total.total, waiting: waiting.total }
}

export async function hrJobView(ctx: Ctx, j: JobRecord, employer: EmployerRecord): Promise<HrJob> {
  const fair = j.fairId ? (await fairs(ctx).doc(j.fairId).get()).data ?? undefined : undefined
  const { publishedAt: _published, ...summary } = jobSummary(j, employer, fair)
  return {
    ...summary,
    requirements: j.requirements,
    location: latLngOf(j.location),
    status: j.status,
    fairId: j.fairId,
    publishedAt: j.publishedAt,
    closedAt: j.closedAt,
    applicants: await applicantCounts(ctx, j._id),
    updatedAt: j.updatedAt,
  }
}

/** A job of the HR contact's own employer; any other is answered as if it did not exist. */
export async function ownJob(ctx: Ctx, employerId: string, jobId: string): Promise<JobRecord> {
  const { data } = await jobs(ctx).doc(jobId).get()
  if (!data || data.employerId !== employerId) throw notFound('没有找到这个岗位')
  return data
}

export function myApplicationView(a: ApplicationRecord): MyApplication {
  return {
    _id: a._id,
    job: { _id: a.jobId, title: a.jobTitle, employerName: a.employerName },
    status: a.status,
    interview: a.interview,
    declineReason: a.declineReason,
    timeline: a.timeline,
    appliedAt: a.createdAt,
    updatedAt: a.updatedAt,
    canWithdraw: !isDecided(a.status),
    waitsForMe: waitsForWorker(a.status, a.interview),
  }
}

/**
 * Whom an invited or hired worker calls at the employer: its contact as registered with the union
 * now, read when the worker looks (not copied onto the application).
 */
export async function withEmployerContact(ctx: Ctx, a: ApplicationRecord, view: MyApplication): Promise<MyApplication> {
  if (a.status !== 'interview' && a.status !== 'hired') return view
  const { data: employer } = await employers(ctx).doc(a.employerId).get()
  return employer ? { ...view, employerContact: { name: employer.contactName, phone: employer.contactPhone } } : view
}

/** The worker's own application; anyone else's is answered as if it did not exist. */
export async function ownApplication(ctx: Ctx, id: string): Promise<ApplicationRecord> {
  const { data } = await applications(ctx).doc(id).get()
  if (!data || data.workerId !== ctx.user._id) throw notFound('没有找到这份申请')
  return data
}
