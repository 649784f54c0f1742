import type { Ctx } from '../../core/context'
import { pageUrl } from '../../../types/services'
import { failedPrecondition } from '../../core/errors'
import { writeRequestRow } from '../../core/requests/row'
import type { ClassRecord, EnrollmentRecord } from './records'
import { requestRowOfEnrollment } from './requests'

/**
 * Seats and the waitlist. Capacity is held by the database's conditional update on `seatsLeft`;
 * the line is kept in the order sign-ups reached the function (`ctx.arrival`, stored as the
 * sign-up's `waitlistKey`), so joining it needs no counter that thousands would fight over; a seat
 * given back goes to the first in line in the same transaction that gives it back.
 */

const classes = (ctx: Ctx) => ctx.db.collection<ClassRecord>('childcare_classes')
const enrollments = (ctx: Ctx) => ctx.db.collection<EnrollmentRecord>('childcare_enrollments')

/** Takes one seat if one is left; true when it did. */
export async function claimSeat(ctx: Ctx, classId: string): Promise<boolean> {
  const _ = ctx.db.command
  const { stats } = await classes(ctx)
    .where({ _id: classId, seatsLeft: _.gt(0) })
    .update({ data: { seatsLeft: _.inc(-1) } })
  return stats.updated === 1
}

/**
 * The class's free seats as stored now: read before claiming one where, as in a rush, usually none is
 * left, since a read costs less than a write that finds nothing. The claim itself is still the
 * conditional update; a seat given back after this read is given on by whoever gives it back.
 */
async function seatsLeftOf(ctx: Ctx, classId: string): Promise<number> {
  const { data } = await classes(ctx).doc(classId).get()
  return data?.seatsLeft ?? 0
}

export async function releaseSeat(ctx: Ctx, classId: string) {
  await classes(ctx).doc(classId).update({ data: { seatsLeft: ctx.db.command.inc(1) } })
}

export async function firstInLine(ctx: Ctx, classId: string): Promise<EnrollmentRecord | null> {
  const { data } = await enrollments(ctx)
    .where({ classId, status: 'waitlisted' })
    .orderBy('waitlistKey', 'asc')
    .limit(1)
    .get()
  return data[0] ?? null
}

/** 1 for the first in line. */
export async function waitlistPosition(ctx: Ctx, e: Pick<EnrollmentRecord, 'classId' | 'waitlistKey'>): Promise<number> {
  const _ = ctx.db.command
  const { total } = await enrollments(ctx)
    .where({ classId: e.classId, status: 'waitlisted', waitlistKey: _.lte(e.waitlistKey ?? '') })
    .count()
  return total
}

/** How many wait for a class, counted from the sign-ups (no count is kept on the class: see `enroll`). */
export async function lineLength(ctx: Ctx, classId: string): Promise<number> {
  const { total } = await enrollments(ctx).where({ classId, status: 'waitlisted' }).count()
  return total
}

export async function tellPromoted(ctx: Ctx, promoted: EnrollmentRecord, cls: Pick<ClassRecord, 'title'>) {
  await ctx.notify(
    promoted.guardianId,
    {
      title: '候补成功，孩子已获得托班名额',
      body: `${cls.title}：${promoted.childNameMasked} 已从候补转为录取，请按时送孩子到班。`,
      link: pageUrl('childcare', 'mine'),
    },
    { viaWeChat: promoted.notifyByWeChat },
  )
  await writeRequestRow(ctx.db, requestRowOfEnrollment({ ...promoted, status: 'enrolled' }, cls.title))
}

/**
 * While a seat is free and someone waits, the first in line takes it; answers how many did. Closes
 * the gap where a sign-up joined the waitlist just as a seat came back. The seat is claimed first:
 * when none is free, as in a rush, reading the class is the one statement this costs.
 */
export async function fillFreeSeats(ctx: Ctx, cls: ClassRecord): Promise<number> {
  let promoted = 0
  while ((await seatsLeftOf(ctx, cls._id)) > 0 && (await claimSeat(ctx, cls._id))) {
    const candidate = await firstInLine(ctx, cls._id)
    if (!candidate) {
      await releaseSeat(ctx, cls._id)
      return promoted
    }
    const { stats } = await enrollments(ctx)
      .where({ _id: candidate._id, status: 'waitlisted' })
      .update({ data: { status: 'enrolled', promotedAt: ctx.now(), enrolledAt: ctx.now() } })
    if (stats.updated === 0) {
      await releaseSeat(ctx, cls._id)
      continue
    }
    await tellPromoted(ctx, candidate, cls)
    promoted++
  }
  return promoted
}

const MAX_ATTEMPTS = 8

/**
 * Gives a seat back: the enrollment is cancelled and, in the same transaction, the first in line
 * takes the seat (or the class gets it back when nobody waits). Returns who was promoted.
 */
export async function cancelSeat(ctx: Ctx, enrollment: EnrollmentRecord, now: number): Promise<EnrollmentRecord | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const candidate = await firstInLine(ctx, enrollment.classId)
    const outcome = await ctx.db.runTransaction(async (tx) => {
      const people = tx.collection<EnrollmentRecord>('childcare_enrollments')
      const mine = (await people.doc(enrollment._id).get()).data
      if (!mine || mine.status !== 'enrolled') return 'changed' as const
      if (candidate) {
        const next = (await people.doc(candidate._id).get()).data
        if (!next || next.status !== 'waitlisted') return 'retry' as const
        await people.doc(candidate._id).update({ data: { status: 'enrolled', promotedAt: now, enrolledAt: now } })
      } else {
        await tx.collection<ClassRecord>('childcare_classes').doc(enrollment.classId).update({ data: { seatsLeft: ctx.db.command.inc(1) } })
      }
      await people.doc(enrollment._id).update({ data: { status: 'cancelled', cancelledAt: now, activeKey: `released:${enrollment._id}` } })
      return 'done' as const
    })
    if (outcome === 'done') return candidate
    if (outcome === 'changed') throw failedPrecondition('这条报名已经取消了')
  }
  throw new Error('could not settle the waitlist while cancelling')
}
