import { APPLICATION_STATUS_NAMES } from '../../../types/jobs'
import { pageUrl } from '../../../types/services'
import { isDecided, waitsForWorker } from '../../domain/jobs/applications'
import { formatShanghai } from '../../domain/time'
import { requestRowId, writeRequestRow, type RequestRecord } from '../../core/requests/row'
import type { Db } from '../../db/types'
import { applications, fairSignUps, fairs, type ApplicationRecord, type FairSignUpRecord } from './records'

export const applicationLink = (applicationId: string) => pageUrl('jobs', 'application', { id: applicationId })
export const fairLink = (fairId: string) => pageUrl('jobs', 'fair', { id: fairId })

/** An application as a row of 我的办事: it waits for the worker while an invitation is not answered. */
export function requestRowOfApplication(a: ApplicationRecord): RequestRecord {
  const interview = a.status === 'interview' && a.interview ? ` · 面试 ${formatShanghai(a.interview.at, 'M月D日 HH:mm')}` : ''
  return {
    _id: requestRowId('jobs', a._id),
    userId: a.workerId,
    service: 'jobs',
    source: { collection: 'job_applications', id: a._id },
    title: `应聘：${a.jobTitle}`,
    detail: `${a.employerName}${interview}`,
    status: a.status,
    statusName: APPLICATION_STATUS_NAMES[a.status],
    waitsForWorker: waitsForWorker(a.status, a.interview),
    open: !isDecided(a.status),
    link: applicationLink(a._id),
    submittedAt: a.createdAt,
    updatedAt: a.updatedAt,
  }
}

const SIGN_UP_STATUS_NAMES = { signed: '已报名', cancelled: '已取消', ended: '已结束' } as const

/** A fair sign-up as a row of 我的办事: open until the fair is over or the worker cancels. */
export function requestRowOfFairSignUp(s: FairSignUpRecord): RequestRecord {
  const state = s.status === 'signed' && s.fairEnded ? 'ended' : s.status
  const when = formatShanghai(s.fairStartsAt, 'M月D日 HH:mm')
  return {
    _id: requestRowId('jobs', s._id),
    userId: s.userId,
    service: 'jobs',
    source: { collection: 'fair_signups', id: s._id },
    title: `招聘会：${s.fairTitle}`,
    detail: s.fairPlace ? `${when} · ${s.fairPlace}` : when,
    status: state,
    statusName: SIGN_UP_STATUS_NAMES[state],
    waitsForWorker: false,
    open: state === 'signed',
    link: fairLink(s.fairId),
    submittedAt: s.createdAt,
    updatedAt: s.updatedAt,
  }
}

const PAGE = 100

/**
 * Every application's and fair sign-up's row written again, and each fair's count of sign-ups and
 * places left recounted from its sign-ups: after an upgrade, and safe to repeat.
 */
export async function rebuildJobsRequests(db: Db): Promise<number> {
  let written = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await applications(db).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    for (const a of data) await writeRequestRow(db, requestRowOfApplication(a))
    written += data.length
    if (data.length < PAGE) break
  }
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await fairSignUps(db).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    for (const s of data) await writeRequestRow(db, requestRowOfFairSignUp(s))
    written += data.length
    if (data.length < PAGE) break
  }
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await fairs(db).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    for (const f of data) {
      const { total } = await fairSignUps(db).where({ fairId: f._id, status: 'signed' }).count()
      const recount = f.capacity === undefined ? { signedUp: total } : { signedUp: total, seatsLeft: Math.max(0, f.capacity - total) }
      await fairs(db).doc(f._id).update({ data: recount })
    }
    if (data.length < PAGE) return written
  }
}
