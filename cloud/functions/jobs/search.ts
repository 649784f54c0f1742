import { DEFAULT_RADIUS_KM, type JobSearch } from '../../../types/jobs'
import type { JobDetail, JobListItem } from '../../../types/jobsViews'
import type { Page } from '../../../types/users'
import { statusOf } from '../../domain/jobs/employer'
import { keywordPatterns } from '../../domain/jobs/keywords'
import { isVisibleToWorkers } from '../../domain/jobs/visibility'
import { boundingBox, distanceM } from '../../domain/stations/distance'
import type { Ctx } from '../../core/context'
import { notFound } from '../../core/errors'
import { latLngOf } from '../../core/geo'
import { decodeCursor, encodeCursor } from '../../core/paging'
import type { Query } from '../../db/types'
import { applications, jobs, type JobRecord } from './records'
import { employersById, fairsById, jobListItem, jobSummary } from './views'

/**
 * How many rows a search sorted by time or pay reads at first while it drops the box's corners: a
 * circle fills π/4 of its box, so a page and a bit more; each further batch is twice the last.
 */
const firstBatch = (limit: number) => Math.ceil((limit + 1) * 1.4) + 2
const MAX_BATCH = 1000

/**
 * The conditions a worker's search puts on jobs: listed (published, employer verified), before the
 * end of the closing day, and the filters — each keyword found (literally, any case) in the title,
 * the employer's name or the requirements.
 */
function conditionsOf(ctx: Ctx, input: JobSearch): { fields: Record<string, unknown>; keywords: Query[] } {
  const _ = ctx.db.command
  const fields: Record<string, unknown> = { listed: true, closesAt: _.gt(ctx.now()) }
  if (input.industry) fields.industry = input.industry
  if (input.minSalaryFen !== undefined) fields.salaryMaxFen = _.gte(input.minSalaryFen)
  if (input.benefits?.length) fields.benefits = _.all([...new Set(input.benefits)])
  const keywords = keywordPatterns(input.keyword).map((regexp) => {
    const word = ctx.db.RegExp({ regexp, options: 'i' })
    return _.or([{ title: word }, { employerName: word }, { requirements: word }])
  })
  return { fields, keywords }
}

/**
 * A worker's search: within the radius of where they are (or the district centre), nearest first,
 * newest first or best paid first, a page at a time. Every page keeps only jobs whose employer is
 * still verified, whatever the list says.
 */
export async function searchJobs(ctx: Ctx, input: JobSearch): Promise<Page<JobListItem>> {
  const here = { lat: input.lat, lng: input.lng }
  const radiusM = (input.withinKm ?? DEFAULT_RADIUS_KM) * 1000
  const limit = input.limit ?? 20
  const offset = decodeCursor(input.cursor)
  const { fields, keywords } = conditionsOf(ctx, input)
  const _ = ctx.db.command
  const sort = input.sort ?? 'distance'

  let picked: JobRecord[]
  let nextCursor: string | undefined
  if (sort === 'distance') {
    fields.location = _.geoNear({ geometry: ctx.db.Geo.Point(here.lng, here.lat), maxDistance: radiusM })
    let query = jobs(ctx).where(fields)
    for (const keyword of keywords) query = query.where(keyword)
    const { data } = await query.skip(offset).limit(limit + 1).get()
    picked = data.slice(0, limit)
    nextCursor = data.length > limit ? encodeCursor(offset + limit) : undefined
  } else {
    // The box around the circle narrows the query; the corners are dropped here, walking on in the
    // chosen order until the page is full. The cursor counts rows of the box.
    const box = boundingBox(here, radiusM)
    fields.lat = _.gte(box.minLat).and(_.lte(box.maxLat))
    fields.lng = _.gte(box.minLng).and(_.lte(box.maxLng))
    let query = jobs(ctx).where(fields)
    for (const keyword of keywords) query = query.where(keyword)
    // Publication times are milliseconds apart; salaries often tie, so the id keeps their pages stable.
    query = sort === 'newest' ? query.orderBy('publishedAt', 'desc') : query.orderBy('salaryMaxFen', 'desc').orderBy('salaryMinFen', 'desc').orderBy('_id', 'asc')
    picked = []
    let raw = offset
    let batch = firstBatch(limit)
    for (;;) {
      const { data } = await query.skip(raw).limit(batch).get()
      for (const j of data) {
        if (distanceM(here, { lat: j.lat, lng: j.lng }) <= radiusM) {
          if (picked.length === limit) {
            nextCursor = encodeCursor(raw)
            break
          }
          picked.push(j)
        }
        raw++
      }
      if (nextCursor || data.length < batch) break
      batch = Math.min(batch * 2, MAX_BATCH)
    }
  }

  const [owners, fairsOf] = await Promise.all([
    employersById(ctx, picked.map((j) => j.employerId)),
    fairsById(ctx, picked.map((j) => j.fairId).filter((id): id is string => Boolean(id))),
  ])
  const items = picked
    .filter((j) => statusOf(owners.get(j.employerId) ?? {}) === 'verified')
    .map((j) => jobListItem(j, owners.get(j.employerId), j.fairId ? fairsOf.get(j.fairId) : undefined, distanceM(here, { lat: j.lat, lng: j.lng })))
  return { items, nextCursor }
}

/**
 * A job as a worker opens it: while it is visible to workers, or — closed or not — when the worker
 * applied to it, so their application still leads somewhere.
 */
export async function jobDetail(ctx: Ctx, jobId: string): Promise<JobDetail> {
  const { data: job } = await jobs(ctx).doc(jobId).get()
  if (!job) throw notFound('没有找到这个岗位')
  const [owners, fairsOf, mine] = await Promise.all([
    employersById(ctx, [job.employerId]),
    fairsById(ctx, job.fairId ? [job.fairId] : []),
    applications(ctx).where({ workerId: ctx.user._id, jobId }).orderBy('createdAt', 'desc').limit(1).get(),
  ])
  const employer = owners.get(job.employerId)
  const open = isVisibleToWorkers(job, employer ? statusOf(employer) : undefined, ctx.now())
  const myApplication = mine.data[0]
  if (!open && !myApplication) throw notFound('这个岗位已经停止招聘')
  return {
    ...jobSummary(job, employer, job.fairId ? fairsOf.get(job.fairId) : undefined),
    requirements: job.requirements,
    location: latLngOf(job.location),
    open,
    myApplication: myApplication ? { _id: myApplication._id, status: myApplication.status } : undefined,
  }
}
