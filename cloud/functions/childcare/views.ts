import type { ClassDetail, Enrollment } from '../../../types/childcare'
import { cancellationDeadline, signUpPhase, termNameOf } from '../../domain/childcare/rules'
import type { Ctx } from '../../core/context'
import { notFound } from '../../core/errors'
import { latLngOf } from '../../core/geo'
import { lineLength, waitlistPosition } from './placement'
import type { ClassRecord, EnrollmentRecord } from './records'

export const classes = (ctx: Ctx) => ctx.db.collection<ClassRecord>('childcare_classes')
export const enrollments = (ctx: Ctx) => ctx.db.collection<EnrollmentRecord>('childcare_enrollments')

export async function mustGetClass(ctx: Ctx, id: string): Promise<ClassRecord> {
  const { data } = await classes(ctx).doc(id).get()
  if (!data) throw notFound('没有找到这个托班')
  return data
}

/** The classes of these ids, in one query a hundred at a time. */
export async function classesById(ctx: Ctx, ids: string[]): Promise<Map<string, ClassRecord>> {
  const unique = [...new Set(ids)]
  const found = new Map<string, ClassRecord>()
  for (let i = 0; i < unique.length; i += 100) {
    const { data } = await classes(ctx).where({ _id: ctx.db.command.in(unique.slice(i, i + 100)) }).limit(100).get()
    for (const c of data) found.set(c._id, c)
  }
  return found
}

/**
 * A class as workers and staff read it: its own document, and how many wait, counted from the
 * sign-ups for a full class (only a full class has a line: a seat that comes back goes to the first
 * in line at once).
 */
export async function classView(ctx: Ctx, c: ClassRecord): Promise<ClassDetail> {
  return {
    _id: c._id,
    title: c.title,
    termKey: c.termKey,
    termName: termNameOf(c.year, c.season),
    siteName: c.siteName,
    siteAddress: c.siteAddress,
    stationId: c.stationId,
    location: latLngOf(c.location),
    startDate: c.startDate,
    endDate: c.endDate,
    weekdays: c.weekdays,
    dailyStart: c.dailyStart,
    dailyEnd: c.dailyEnd,
    minAge: c.minAge,
    maxAge: c.maxAge,
    capacity: c.capacity,
    feeFen: c.feeFen,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    cancelDaysBefore: c.cancelDaysBefore,
    cancelDeadline: cancellationDeadline(c.startDate, c.cancelDaysBefore),
    status: c.status,
    signUp: c.status === 'closed' ? 'closed' : signUpPhase(c.opensAt, c.closesAt, ctx.now()),
    seatsLeft: Math.max(0, c.seatsLeft),
    waitlistLength: c.seatsLeft > 0 ? 0 : await lineLength(ctx, c._id),
    demo: c.demo,
  }
}

export async function enrollmentView(ctx: Ctx, e: EnrollmentRecord, c: ClassRecord): Promise<Enrollment> {
  return {
    _id: e._id,
    classId: e.classId,
    classTitle: c.title,
    termName: termNameOf(c.year, c.season),
    childName: e.childNameMasked,
    status: e.status,
    waitlistPosition: e.status === 'waitlisted' ? await waitlistPosition(ctx, e) : undefined,
    createdAt: e.createdAt,
    promotedAt: e.promotedAt,
    cancelledAt: e.cancelledAt,
    cancelDeadline: cancellationDeadline(c.startDate, c.cancelDaysBefore),
    startDate: c.startDate,
  }
}

/** A guardian's own sign-up; anyone else's is answered as if it did not exist. */
export async function ownEnrollment(ctx: Ctx, id: string): Promise<EnrollmentRecord> {
  const { data } = await enrollments(ctx).doc(id).get()
  if (!data || data.guardianId !== ctx.user._id) throw notFound('没有找到这条报名')
  return data
}
