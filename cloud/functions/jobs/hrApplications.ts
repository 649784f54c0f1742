import type * as v from 'valibot'
import { APPLICATION_STATUSES, APPLICATION_STATUS_NAMES, INTERVIEW_MODE_NAMES, type ApplicantsInput, type ApplicationStatus, type InviteFields } from '../../../types/jobs'
import type { ApplicantsPage, HrApplication, HrApplicationSummary, Interview } from '../../../types/jobsViews'
import { maskName } from '../../domain/identity/mask'
import { after, interviewTimeProblem, refusalOf, type ApplicationStep } from '../../domain/jobs/applications'
import { formatShanghai } from '../../domain/time'
import type { Ctx, TransactionStep } from '../../core/context'
import { failedPrecondition, invalid, notFound } from '../../core/errors'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { writeRequestRow } from '../../core/requests/row'
import { statusOf } from '../../domain/jobs/employer'
import { applications, type ApplicationRecord, type EmployerRecord } from './records'
import { hrEmployer } from './hrJobs'
import { applicationLink, requestRowOfApplication } from './requests'
import { ownJob } from './views'

/** The applicants of one of the employer's jobs, masked, with how many stand in each state. */
export async function applicants(ctx: Ctx, input: v.InferOutput<typeof ApplicantsInput>): Promise<ApplicantsPage> {
  const employer = await hrEmployer(ctx)
  const job = await ownJob(ctx, employer._id, input.jobId)
  const limit = input.limit ?? 20
  const offset = decodeCursor(input.cursor)
  const query = input.status ? { jobId: job._id, status: input.status } : { jobId: job._id }
  const [page, ...counted] = await Promise.all([
    applications(ctx).where(query).orderBy('createdAt', 'desc').skip(offset).limit(limit + 1).get(),
    ...APPLICATION_STATUSES.map((status) => applications(ctx).where({ jobId: job._id, status }).count()),
  ])
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s, i) => [s, counted[i].total])) as Record<ApplicationStatus, number>
  return {
    job: { _id: job._id, title: job.title, status: job.status },
    counts,
    items: page.data.slice(0, limit).map((a) => ({
      _id: a._id,
      nameMasked: maskName(a.resume.name),
      age: a.resume.age,
      phoneMasked: a.resume.phoneMasked,
      expectedSalaryFen: a.resume.expectedSalaryFen,
      status: a.status,
      appliedAt: a.createdAt,
      interviewAt: a.status === 'interview' ? a.interview?.at : undefined,
      confirmed: a.status === 'interview' ? Boolean(a.interview?.confirmedAt) : undefined,
    })),
    nextCursor: page.data.length > limit ? encodeCursor(offset + limit) : undefined,
  }
}

/** An application of the HR contact's own employer, read inside a transaction; any other does not exist. */
async function ownInTransaction(t: TransactionStep, employerId: string, id: string) {
  const ref = t.tx.collection<ApplicationRecord>('job_applications').doc(id)
  const { data } = await ref.get()
  if (!data || data.employerId !== employerId) throw notFound('没有找到这份申请')
  return { ref, data }
}

function hrView(a: ApplicationRecord, phone: string | null): HrApplication {
  const { phoneMasked, ...resume } = a.resume
  return {
    _id: a._id,
    jobId: a.jobId,
    jobTitle: a.jobTitle,
    status: a.status,
    resume: { ...resume, phone: phone ?? phoneMasked },
    phoneShown: phone !== null,
    interview: a.interview,
    declineReason: a.declineReason,
    timeline: a.timeline,
    appliedAt: a.createdAt,
  }
}

/**
 * While the union has suspended the employer its HR contact may read and decline, but takes no step
 * that shows a phone or promises work.
 */
function refuseWhileSuspended(employer: EmployerRecord, what: string) {
  if (statusOf(employer) !== 'verified') throw failedPrecondition(`企业已被工会暂停，暂时不能${what}，请联系工会`)
}

/**
 * The phone HR may see: once an invitation showed it to this employer, while the employer is
 * verified and the worker has not closed their account.
 */
const phoneShownTo = (employer: EmployerRecord, a: ApplicationRecord) =>
  a.phoneRevealedAt !== undefined && a.pii !== undefined && statusOf(employer) === 'verified' ? a.pii.phone : undefined

/**
 * HR opens an application: the résumé, the phone masked until an invitation showed it to this
 * employer. The first opening marks it viewed (the worker is told); every opening is recorded, and
 * says a phone was seen only when one is in the answer.
 */
export async function hrApplication(ctx: Ctx, id: string): Promise<HrApplication> {
  const employer = await hrEmployer(ctx)
  const now = ctx.now()
  const _ = ctx.db.command
  const opened = await ctx.transaction(async (t) => {
    const { ref, data } = await ownInTransaction(t, employer._id, id)
    let current = data
    const viewed = after('view', data.status)
    if (viewed) {
      current = { ...data, status: viewed, timeline: [...data.timeline, { status: viewed, at: now }], updatedAt: now }
      await ref.update({ data: { status: viewed, timeline: _.set(current.timeline), updatedAt: now } })
      await t.notify(data.workerId, { title: `${data.jobTitle}：已查看`, body: `${data.employerName}已查看您的简历。`, link: applicationLink(id) }, { viaWeChat: data.notifyByWeChat })
      await writeRequestRow(t.tx, requestRowOfApplication(current))
    }
    const sealed = phoneShownTo(employer, current)
    // Opened before the record is written: a phone that cannot be read fails the call, unrecorded.
    const phone = sealed === undefined ? null : ctx.pii.decrypt(sealed)
    const shown = phone !== null
    await t.audit({ target: id, subjects: [data.workerId], summary: shown ? '查看简历（含手机号）' : '查看简历', fields: shown ? ['resume', 'phone'] : ['resume'] })
    return { current, phone }
  })
  return hrView(opened.current, opened.phone)
}

interface HrStep {
  step: ApplicationStep
  /** What the step is called when a suspended employer may not take it; absent, it may. */
  refusedWhileSuspended?: string
  /** The fields the step sets, beside the status and the timeline. */
  fields(a: ApplicationRecord, now: number): Partial<ApplicationRecord>
  note?: string
  news(a: ApplicationRecord, next: ApplicationRecord): string
  summary(a: ApplicationRecord): string
  /** The names of what the step shows or changes. */
  auditFields?(a: ApplicationRecord): string[]
}

/** One step of HR on an application: the write, its timeline entry, the worker's message and row, and its record. */
async function takeHrStep(ctx: Ctx, id: string, spec: HrStep): Promise<HrApplicationSummary> {
  const employer = await hrEmployer(ctx)
  if (spec.refusedWhileSuspended) refuseWhileSuspended(employer, spec.refusedWhileSuspended)
  const now = ctx.now()
  const _ = ctx.db.command
  const next = await ctx.transaction(async (t) => {
    const { ref, data } = await ownInTransaction(t, employer._id, id)
    const status = after(spec.step, data.status)
    if (!status) throw failedPrecondition(refusalOf(spec.step, data.status))
    const fields = spec.fields(data, now)
    const entry = spec.note ? { status, at: now, note: spec.note } : { status, at: now }
    const next: ApplicationRecord = { ...data, ...fields, status, timeline: [...data.timeline, entry], updatedAt: now }
    const update: Record<string, unknown> = { ...fields, status, timeline: _.set(next.timeline), updatedAt: now }
    if (fields.interview) update.interview = _.set(fields.interview)
    await ref.update({ data: update })
    await t.audit({ target: id, subjects: [data.workerId], summary: spec.summary(data), fields: spec.auditFields?.(data) })
    await t.notify(data.workerId, { title: `${data.jobTitle}：${APPLICATION_STATUS_NAMES[status]}`, body: spec.news(data, next), link: applicationLink(id) }, { viaWeChat: data.notifyByWeChat })
    await writeRequestRow(t.tx, requestRowOfApplication(next))
    return next
  })
  return { _id: next._id, status: next.status, interview: next.interview }
}

const describeInterview = (i: Interview) =>
  `${formatShanghai(i.at, 'M月D日 HH:mm')}，${INTERVIEW_MODE_NAMES[i.mode]}${i.place ? `，地点：${i.place}` : ''}${i.link ? `，链接：${i.link}` : ''}`

/** The invitation: a time, a place or a video link, a note; it shows the worker's phone to this employer. */
export async function invite(ctx: Ctx, input: InviteFields): Promise<HrApplicationSummary> {
  const problem = interviewTimeProblem(input.at, ctx.now())
  if (problem) throw invalid({ at: problem })
  const interview: Interview = {
    at: input.at,
    mode: input.mode,
    ...(input.mode === 'onsite' && input.place ? { place: input.place } : {}),
    ...(input.link ? { link: input.link } : {}),
    ...(input.note ? { note: input.note } : {}),
  }
  return takeHrStep(ctx, input.applicationId, {
    step: 'invite',
    refusedWhileSuspended: '邀请面试',
    fields: (a, now) => ({ interview, phoneRevealedAt: a.phoneRevealedAt ?? now }),
    note: describeInterview(interview),
    news: (a) => `${a.employerName}邀请您参加面试：${describeInterview(interview)}。${interview.note ? `说明：${interview.note}。` : ''}请在“我的求职”里确认参加。`,
    summary: (a) => (a.phoneRevealedAt === undefined ? '邀请面试，向本企业公开手机号' : '修改面试安排'),
    auditFields: () => ['interview', 'phone'],
  })
}

export async function hire(ctx: Ctx, input: { applicationId: string; note?: string }): Promise<HrApplicationSummary> {
  return takeHrStep(ctx, input.applicationId, {
    step: 'hire',
    refusedWhileSuspended: '录用',
    fields: () => ({}),
    note: input.note,
    news: (a) => `恭喜！${a.employerName}决定录用您。${input.note ? `企业说明：${input.note}` : '企业会与您联系入职事宜。'}`,
    summary: () => '录用',
  })
}

export async function decline(ctx: Ctx, input: { applicationId: string; reason?: string }): Promise<HrApplicationSummary> {
  return takeHrStep(ctx, input.applicationId, {
    step: 'decline',
    fields: () => (input.reason ? { declineReason: input.reason } : {}),
    note: input.reason,
    news: (a) => `很遗憾，${a.employerName}认为这个岗位暂时不合适。${input.reason ? `原因：${input.reason}。` : ''}可以看看其他岗位。`,
    summary: () => '答复不合适',
  })
}
