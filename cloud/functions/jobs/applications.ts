import type * as v from 'valibot'
import { APPLICATION_STATUS_NAMES, type MyApplicationsInput, type ResumeFields } from '../../../types/jobs'
import type { MyApplication, MyResume, ResumeView } from '../../../types/jobsViews'
import type { Page } from '../../../types/users'
import { ageOn } from '../../domain/childcare/rules'
import { maskMobile, maskName } from '../../domain/identity/mask'
import { birthDateOf } from '../../domain/identity/idNumber'
import { after } from '../../domain/jobs/applications'
import { statusOf } from '../../domain/jobs/employer'
import { isVisibleToWorkers } from '../../domain/jobs/visibility'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../../core/context'
import { AppError, failedPrecondition, notFound } from '../../core/errors'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { writeRequestRow } from '../../core/requests/row'
import { DuplicateKeyError } from '../../db/types'
import type { UserRecord } from '../../core/records'
import { applications, employers, jobs, resumes, type ApplicationRecord, type ResumeRecord } from './records'
import { applicationLink, requestRowOfApplication } from './requests'
import { myApplicationView, ownApplication, withEmployerContact } from './views'

/** The name and age a résumé goes out with: from the real-name profile, the age as of today. */
function realNamed(ctx: Ctx): { name: string; age: number } | null {
  const { profile, pii } = ctx.user
  if (!profile || !pii) return null
  const birth = birthDateOf(ctx.pii.decrypt(pii.idNumber))
  return { name: profile.name, age: birth ? ageOn(birth, formatShanghai(ctx.now(), 'YYYY-MM-DD')) : 0 }
}

const resumeView = (r: ResumeRecord): ResumeView => ({
  phoneMasked: r.phoneMasked,
  experience: r.experience,
  skills: r.skills,
  certificates: r.certificates,
  expectedSalaryFen: r.expectedSalaryFen,
  availability: r.availability,
  updatedAt: r.updatedAt,
})

/** The worker's own résumé, the phone in full (to them only: a read, never remembered). */
export async function myResume(ctx: Ctx): Promise<MyResume> {
  const person = realNamed(ctx)
  const { data } = await resumes(ctx).doc(ctx.user._id).get()
  return {
    name: person?.name ?? null,
    age: person?.age ?? null,
    resume: data ? { ...resumeView(data), phone: ctx.pii.decrypt(data.pii.phone) } : null,
  }
}

/** Kept on the server, the phone sealed; answered with the phone masked. */
export async function saveResume(ctx: Ctx, input: ResumeFields): Promise<ResumeView> {
  const record: Omit<ResumeRecord, '_id'> = {
    phoneMasked: maskMobile(input.phone),
    pii: { phone: ctx.pii.encrypt(input.phone) },
    experience: input.experience,
    skills: input.skills,
    certificates: input.certificates,
    availability: input.availability,
    updatedAt: ctx.now(),
    ...(input.expectedSalaryFen !== undefined ? { expectedSalaryFen: input.expectedSalaryFen } : {}),
  }
  await resumes(ctx).doc(ctx.user._id).set({ data: { ...record, _id: ctx.user._id } })
  return resumeView({ ...record, _id: ctx.user._id })
}

/**
 * A real-named worker applies to a job workers can see, with a snapshot of their résumé: one
 * application per job and worker, which the UNIQUE `applyKey` holds however many taps arrive at once.
 */
export async function apply(ctx: Ctx, input: { jobId: string; notifyByWeChat?: boolean }): Promise<MyApplication> {
  const now = ctx.now()
  const { data: job } = await jobs(ctx).doc(input.jobId).get()
  if (!job) throw notFound('没有找到这个岗位')
  const { data: employer } = await employers(ctx).doc(job.employerId).get()
  if (!isVisibleToWorkers(job, employer ? statusOf(employer) : undefined, now)) throw failedPrecondition('这个岗位已经停止招聘')
  const person = realNamed(ctx)
  if (!person) throw failedPrecondition('请先在“我的”里完成实名认证，再投递简历')
  const { data: resume } = await resumes(ctx).doc(ctx.user._id).get()
  if (!resume) throw failedPrecondition('请先填写“我的简历”，再投递')

  const record: Omit<ApplicationRecord, '_id'> = {
    jobId: job._id,
    employerId: job.employerId,
    workerId: ctx.user._id,
    applyKey: `${job._id}:${ctx.user._id}`,
    jobTitle: job.title,
    employerName: job.employerName,
    status: 'submitted',
    resume: {
      name: person.name,
      age: person.age,
      phoneMasked: resume.phoneMasked,
      experience: resume.experience,
      skills: resume.skills,
      certificates: resume.certificates,
      availability: resume.availability,
      ...(resume.expectedSalaryFen !== undefined ? { expectedSalaryFen: resume.expectedSalaryFen } : {}),
    },
    pii: { phone: resume.pii.phone },
    timeline: [{ status: 'submitted', at: now }],
    notifyByWeChat: input.notifyByWeChat ?? false,
    createdAt: now,
    updatedAt: now,
  }
  try {
    const stored = await ctx.transaction(async (t) => {
      const { _id } = await t.tx.collection<ApplicationRecord>('job_applications').add({ data: record })
      const placed: ApplicationRecord = { ...record, _id }
      await t.notify(ctx.user._id, { title: `${job.title}：已投递`, body: `您的简历已投递给${job.employerName}，企业查看和回复后会通知您。`, link: applicationLink(_id) })
      await writeRequestRow(t.tx, requestRowOfApplication(placed))
      return placed
    })
    return myApplicationView(stored)
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    throw new AppError('CONFLICT', '您已经投递过这个岗位，可以在“我的求职”查看进展')
  }
}

export async function myApplications(ctx: Ctx, input: v.InferOutput<typeof MyApplicationsInput>): Promise<Page<MyApplication>> {
  const limit = input.limit ?? 20
  const offset = decodeCursor(input.cursor)
  const { data } = await applications(ctx).where({ workerId: ctx.user._id }).orderBy('createdAt', 'desc').skip(offset).limit(limit + 1).get()
  return { items: data.slice(0, limit).map(myApplicationView), nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined }
}

export async function myApplication(ctx: Ctx, id: string): Promise<MyApplication> {
  const a = await ownApplication(ctx, id)
  return withEmployerContact(ctx, a, myApplicationView(a))
}

/** The worker's own step on their application, in one transaction with its message and row. */
async function ownStep(ctx: Ctx, id: string, change: (a: ApplicationRecord) => Partial<ApplicationRecord> & { news: string; headline?: string }): Promise<MyApplication> {
  const now = ctx.now()
  return myApplicationView(
    await ctx.transaction(async (t) => {
      const ref = t.tx.collection<ApplicationRecord>('job_applications').doc(id)
      const { data } = await ref.get()
      if (!data || data.workerId !== ctx.user._id) throw notFound('没有找到这份申请')
      const { news, headline, ...fields } = change(data)
      const next: ApplicationRecord = { ...data, ...fields, updatedAt: now }
      const _ = ctx.db.command
      await ref.update({ data: { ...fields, ...(fields.timeline ? { timeline: _.set(fields.timeline) } : {}), ...(fields.interview ? { interview: _.set(fields.interview) } : {}), updatedAt: now } })
      await t.notify(ctx.user._id, { title: `${data.jobTitle}：${headline ?? APPLICATION_STATUS_NAMES[next.status]}`, body: news, link: applicationLink(id) })
      await writeRequestRow(t.tx, requestRowOfApplication(next))
      return next
    }),
  )
}

/** Withdrawn while nothing is decided; the worker may then apply to the job again. */
export async function withdrawApplication(ctx: Ctx, id: string): Promise<MyApplication> {
  const now = ctx.now()
  return ownStep(ctx, id, (a) => {
    const status = after('withdraw', a.status)
    if (!status) throw failedPrecondition(a.status === 'withdrawn' ? '这份申请已经撤回了' : '企业已经给出结果，不能再撤回')
    return { status, applyKey: `withdrawn:${a._id}`, timeline: [...a.timeline, { status, at: now }], news: `您已撤回对${a.employerName}的申请。` }
  })
}

/**
 * The worker says they will come to the interview: it no longer waits for them, the step is on the
 * timeline both sides read, and the employer's HR contacts are told.
 */
export async function confirmInterview(ctx: Ctx, id: string): Promise<MyApplication> {
  const now = ctx.now()
  let confirmed: ApplicationRecord | undefined
  const view = await ownStep(ctx, id, (a) => {
    if (a.status !== 'interview' || !a.interview) throw failedPrecondition('现在没有待确认的面试邀请')
    if (a.interview.confirmedAt) throw failedPrecondition('您已经确认过参加面试了')
    if (a.interview.at <= now) throw failedPrecondition('面试时间已过，如需改期请联系企业')
    confirmed = a
    return {
      interview: { ...a.interview, confirmedAt: now },
      timeline: [...a.timeline, { status: 'interview', at: now, confirmed: true }],
      headline: '已确认面试',
      news: `您已确认参加${a.employerName}的面试（${formatShanghai(a.interview.at, 'M月D日 HH:mm')}）。`,
    }
  })
  if (confirmed?.interview) {
    const { data: contacts } = await ctx.db.collection<UserRecord>('users').where({ employerId: confirmed.employerId, roles: ctx.db.command.all(['hr']) }).limit(20).get()
    const when = formatShanghai(confirmed.interview.at, 'M月D日 HH:mm')
    for (const hr of contacts) {
      await ctx.notify(hr._id, { title: `${confirmed.jobTitle}：求职者已确认面试`, body: `${maskName(confirmed.resume.name)}确认参加${when}的面试。` })
    }
    return withEmployerContact(ctx, confirmed, view)
  }
  return view
}
