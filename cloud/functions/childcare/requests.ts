import { ENROLLMENT_STATUS_NAMES } from '../../../types/childcare'
import { pageUrl } from '../../../types/services'
import { requestRowId, writeRequestRow, type RequestRecord } from '../../core/requests/row'
import type { Db } from '../../db/types'
import type { ClassRecord, EnrollmentRecord } from './records'

/** A sign-up as a row of the guardian's 我的办事 (the waitlist position is on the sign-up page). */
export function requestRowOfEnrollment(e: EnrollmentRecord, classTitle: string): RequestRecord {
  return {
    _id: requestRowId('childcare', e._id),
    userId: e.guardianId,
    service: 'childcare',
    source: { collection: 'childcare_enrollments', id: e._id },
    title: `托班报名：${classTitle}`,
    detail: e.childNameMasked,
    status: e.status,
    statusName: ENROLLMENT_STATUS_NAMES[e.status],
    waitsForWorker: false,
    open: e.status !== 'cancelled',
    link: pageUrl('childcare', 'mine'),
    submittedAt: e.createdAt,
    updatedAt: Math.max(e.createdAt, e.promotedAt ?? 0, e.cancelledAt ?? 0),
  }
}

const PAGE = 100

/** Writes every sign-up's row again, a page at a time: after an upgrade, and safe to repeat. */
export async function rebuildChildcareRequests(db: Db): Promise<number> {
  const classes = db.collection<ClassRecord>('childcare_classes')
  const titles = new Map<string, string>()
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await classes.orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    for (const c of data) {
      titles.set(c._id, c.title)
    }
    if (data.length < PAGE) break
  }
  let written = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await db.collection<EnrollmentRecord>('childcare_enrollments').orderBy('_id', 'asc').skip(skip).limit(PAGE).get()
    for (const e of data) {
      // Sign-ups from before the line was kept by arrival: their old number, after their time.
      const legacy = e as EnrollmentRecord & { waitlistSeq?: number }
      if (e.status === 'waitlisted' && !e.waitlistKey) {
        const waitlistKey = `${String(e.createdAt).padStart(15, '0')}:${String(legacy.waitlistSeq ?? 0).padStart(9, '0')}`
        await db.collection<EnrollmentRecord>('childcare_enrollments').doc(e._id).update({ data: { waitlistKey } })
      }
      await writeRequestRow(db, requestRowOfEnrollment(e, e.classTitle ?? titles.get(e.classId) ?? '托班'))
    }
    written += data.length
    if (data.length < PAGE) return written
  }
}
