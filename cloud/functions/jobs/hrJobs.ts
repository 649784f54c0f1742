import type * as v from 'valibot'
import type { HrJobsInput, JobInput } from '../../../types/jobs'
import type { EmployerView, HrJob } from '../../../types/jobsViews'
import type { Page } from '../../../types/users'
import { isVerified, statusOf } from '../../domain/jobs/employer'
import { closesAtOf, closingDateProblem } from '../../domain/jobs/visibility'
import { latLngOf } from '../../core/geo'
import type { Ctx } from '../../core/context'
import { failedPrecondition, forbidden, invalid, notFound } from '../../core/errors'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { employers, fairs, jobs, type EmployerRecord, type JobRecord } from './records'
import { employerView, hrJobView, ownJob } from './views'

/** The employer the calling HR contact acts for; an HR contact without one may do nothing. */
export async function hrEmployer(ctx: Ctx): Promise<EmployerRecord> {
  const employerId = ctx.user.roles.includes('hr') ? ctx.user.employerId : undefined
  if (!employerId) throw forbidden('您还没有绑定企业，请向工会索取邀请码')
  const { data } = await employers(ctx).doc(employerId).get()
  if (!data) throw forbidden('您绑定的企业不存在，请联系工会')
  return data
}

export async function hrJobs(ctx: Ctx, input: v.InferOutput<typeof HrJobsInput>): Promise<Page<HrJob> & { employer: EmployerView }> {
  const employer = await hrEmployer(ctx)
  const limit = input.limit ?? 20
  const offset = decodeCursor(input.cursor)
  const query = input.status ? { employerId: employer._id, status: input.status } : { employerId: employer._id }
  const { data } = await jobs(ctx).where(query).orderBy('updatedAt', 'desc').skip(offset).limit(limit + 1).get()
  const items = await Promise.all(data.slice(0, limit).map((j) => hrJobView(ctx, j, employer)))
  return { employer: employerView(employer), items, nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined }
}

export async function hrJob(ctx: Ctx, jobId: string): Promise<HrJob> {
  const employer = await hrEmployer(ctx)
  return hrJobView(ctx, await ownJob(ctx, employer._id, jobId), employer)
}

/** A fair a job may be shown at: one that is open and not over. */
async function checkFair(ctx: Ctx, fairId: string | undefined) {
  if (fairId === undefined) return
  const { data } = await fairs(ctx).doc(fairId).get()
  if (!data || data.status !== 'open' || data.endsAt <= ctx.now()) throw invalid({ fairId: '这场招聘会不存在或已经结束' })
}

/**
 * HR writes a job for their employer: a new one is a draft; a draft or a published job may be
 * edited (a published one stays listed while its employer is verified). The place defaults to the
 * employer's.
 */
export async function saveJob(ctx: Ctx, input: JobInput): Promise<HrJob> {
  const employer = await hrEmployer(ctx)
  const now = ctx.now()
  const problem = closingDateProblem(input.closingDate, now)
  if (problem) throw invalid({ closingDate: problem })
  await checkFair(ctx, input.fairId)
  const place = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : latLngOf(employer.location)
  const _ = ctx.db.command
  const fields = {
    employerName: employer.name,
    industry: employer.industry,
    title: input.title,
    headcount: input.headcount,
    salaryMinFen: input.salaryMinFen,
    salaryMaxFen: input.salaryMaxFen,
    requirements: input.requirements,
    benefits: [...new Set(input.benefits)],
    address: input.address ?? employer.address,
    location: ctx.db.Geo.Point(place.lng, place.lat),
    lat: place.lat,
    lng: place.lng,
    closingDate: input.closingDate,
    closesAt: closesAtOf(input.closingDate),
    updatedAt: now,
  }
  const id = await ctx.transaction(async (t) => {
    const ref = t.tx.collection<JobRecord>('jobs')
    if (input.id) {
      const { data } = await ref.doc(input.id).get()
      if (!data || data.employerId !== employer._id) throw notFound('没有找到这个岗位')
      if (data.status === 'closed') throw failedPrecondition('已结束的岗位不能再修改，请发布新岗位')
      await ref.doc(input.id).update({
        data: {
          ...fields,
          benefits: _.set(fields.benefits),
          location: _.set(fields.location),
          fairId: input.fairId ?? _.remove(),
          listed: data.status === 'published' && isVerified(statusOf(employer)),
        },
      })
      await t.audit({ target: input.id, summary: `修改岗位“${input.title}”` })
      return input.id
    }
    const record: Omit<JobRecord, '_id'> = {
      ...fields,
      employerId: employer._id,
      ...(input.fairId ? { fairId: input.fairId } : {}),
      status: 'draft',
      listed: false,
      createdBy: ctx.user._id,
      createdAt: now,
    }
    const { _id } = await ref.add({ data: record })
    await t.audit({ target: _id, summary: `新建岗位“${input.title}”` })
    return _id
  })
  return hrJobView(ctx, await ownJob(ctx, employer._id, id), employer)
}

/** Publishing needs a verified employer and a closing date still ahead. */
export async function publishJob(ctx: Ctx, jobId: string): Promise<HrJob> {
  const employer = await hrEmployer(ctx)
  if (!isVerified(statusOf(employer))) throw failedPrecondition('企业还没有通过工会认证（或已暂停），岗位暂时不能发布')
  const now = ctx.now()
  await ctx.transaction(async (t) => {
    const ref = t.tx.collection<JobRecord>('jobs').doc(jobId)
    const { data } = await ref.get()
    if (!data || data.employerId !== employer._id) throw notFound('没有找到这个岗位')
    if (data.status !== 'draft') throw failedPrecondition(data.status === 'published' ? '这个岗位已经在招聘中' : '已结束的岗位不能再发布，请发布新岗位')
    const problem = closingDateProblem(data.closingDate, now)
    if (problem) throw failedPrecondition(`${problem}（请先修改截止日期）`)
    await ref.update({ data: { status: 'published', listed: true, publishedAt: now, updatedAt: now } })
    await t.audit({ target: jobId, summary: `发布岗位“${data.title}”` })
  })
  return hrJobView(ctx, await ownJob(ctx, employer._id, jobId), employer)
}

export async function closeJob(ctx: Ctx, jobId: string): Promise<HrJob> {
  const employer = await hrEmployer(ctx)
  const now = ctx.now()
  await ctx.transaction(async (t) => {
    const ref = t.tx.collection<JobRecord>('jobs').doc(jobId)
    const { data } = await ref.get()
    if (!data || data.employerId !== employer._id) throw notFound('没有找到这个岗位')
    if (data.status === 'closed') throw failedPrecondition('这个岗位已经结束了')
    await ref.update({ data: { status: 'closed', listed: false, closedAt: now, closedReason: 'hr', updatedAt: now } })
    await t.audit({ target: jobId, summary: `结束岗位“${data.title}”` })
  })
  return hrJobView(ctx, await ownJob(ctx, employer._id, jobId), employer)
}
