import { requireConsent } from '../../core/policies'
import type { Enrollment } from '../../../types/childcare'
import type { EnrollInputValue } from '../../domain/childcare/enroll'
import { canCancel, cancellationDeadline, checkAgeOnStart, signUpPhase } from '../../domain/childcare/rules'
import { maskName } from '../../domain/identity/mask'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../../core/context'
import { AppError, failedPrecondition, invalid } from '../../core/errors'
import { mustBeSameIntent } from '../../core/idempotency'
import { writeRequestRow } from '../../core/requests/row'
import { DuplicateKeyError } from '../../db/types'
import { cancelSeat, claimSeat, fillFreeSeats, releaseSeat, tellPromoted } from './placement'
import type { ChildData, EnrollmentRecord } from './records'
import { requestRowOfEnrollment } from './requests'
import { enrollments, enrollmentView, mustGetClass, ownEnrollment } from './views'

/**
 * A guardian signs their child up: the place first (a seat by the conditional update, or the line in
 * the order of arrival), then the sign-up in one write, which also keeps its requestId (its `_id` is
 * the intent's key): a repeat finds it and is answered from it. The UNIQUE index refuses a child
 * already placed this term. On the local runtime sign-ups take turns in the order they arrived
 * (`inArrivalOrder`), so the places follow that order exactly.
 */
export async function enroll(ctx: Ctx, input: EnrollInputValue): Promise<Enrollment> {
  const now = ctx.now()
  const repeat = await earlierAnswer(ctx)
  if (repeat) return repeat
  const cls = await mustGetClass(ctx, input.classId)
  if (cls.status === 'closed') throw failedPrecondition('这个托班已停止报名')
  const phase = signUpPhase(cls.opensAt, cls.closesAt, now)
  if (phase === 'upcoming') throw failedPrecondition(`报名还没开始，将于 ${formatShanghai(cls.opensAt, 'M月D日 HH:mm')} 开始`)
  if (phase === 'closed') throw failedPrecondition('报名已经截止了')
  if (!ctx.user.profile || !ctx.user.pii) throw failedPrecondition('请先在“我的”里完成实名认证，再为孩子报名')
  await requireConsent(ctx, 'child', input.consentVersion)

  const age = checkAgeOnStart(input.child.idNumber, cls.startDate, cls.minAge, cls.maxAge)
  if (!age.ok) {
    const message = `孩子在开班当天${age.age}岁，本班招收${cls.minAge}–${cls.maxAge}岁的孩子`
    throw invalid({ 'child.idNumber': message }, message)
  }
  const childBlind = ctx.pii.blindIndex(input.child.idNumber)
  if (childBlind === ctx.user.pii.idNumberBlind) {
    throw invalid({ 'child.idNumber': '这是您本人的身份证号，请填写孩子的' })
  }

  const child: ChildData = { ...input.child }
  const record: Omit<EnrollmentRecord, '_id' | 'status'> = {
    classId: cls._id,
    classTitle: cls.title,
    termKey: cls.termKey,
    guardianId: ctx.user._id,
    activeKey: `${cls.termKey}:${childBlind}`,
    childBlind,
    childNameMasked: maskName(child.name),
    pii: {
      child: ctx.pii.encrypt(JSON.stringify(child)),
      emergencyContact: ctx.pii.encrypt(JSON.stringify(input.emergencyContact)),
    },
    consent: { version: input.consentVersion, at: now },
    notifyByWeChat: input.notifyByWeChat ?? false,
    createdAt: now,
    ...(ctx.intent ? { _id: ctx.intent.key, intentHash: ctx.intent.payloadHash } : {}),
  }

  // A class full when it was read goes straight to the line: a seat given back since then goes to the
  // first in line just below, which is who arrived first.
  const seated = cls.seatsLeft > 0 && (await claimSeat(ctx, cls._id))
  const placement = seated
    ? { status: 'enrolled' as const, enrolledAt: now }
    : { status: 'waitlisted' as const, waitlistKey: ctx.arrival }
  let placed: EnrollmentRecord
  try {
    // The sign-up and its row of 我的办事 are written together.
    placed = await ctx.transaction(async ({ tx }) => {
      const data = { ...record, ...placement }
      const made = { ...data, _id: (await tx.collection<EnrollmentRecord>('childcare_enrollments').add({ data }))._id }
      await writeRequestRow(tx, requestRowOfEnrollment(made, cls.title))
      return made
    })
  } catch (error) {
    if (seated) {
      await releaseSeat(ctx, cls._id)
      await fillFreeSeats(ctx, cls)
    }
    if (!(error instanceof DuplicateKeyError)) throw error
    // The same intent sent twice at once (CloudBase): the other call wrote it.
    const repeated = await earlierAnswer(ctx)
    if (repeated) return repeated
    const message = '这个孩子本学期已经报过名了，每个孩子每学期只能占一个名额'
    throw new AppError('CONFLICT', message, { 'child.idNumber': message })
  }
  if (!seated) {
    // A seat may have come back while this sign-up was joining the line (its row is written with the promotion).
    if ((await fillFreeSeats(ctx, cls)) > 0) placed = (await enrollments(ctx).doc(placed._id).get()).data ?? placed
  }
  return enrollmentView(ctx, placed, cls)
}

/** The sign-up this requestId already made, as it stands now; CONFLICT when it was sent with another payload. */
async function earlierAnswer(ctx: Ctx): Promise<Enrollment | null> {
  if (!ctx.intent) return null
  const { data } = await enrollments(ctx).doc(ctx.intent.key).get()
  if (!data) return null
  mustBeSameIntent(ctx.intent, data.intentHash)
  return enrollmentView(ctx, data, await mustGetClass(ctx, data.classId))
}

/** A guardian gives their place back before the deadline; a seat goes to the first in line at once. */
export async function cancel(ctx: Ctx, enrollmentId: string, { leaveLineAnyTime = false } = {}): Promise<Enrollment> {
  const now = ctx.now()
  const enrollment = await ownEnrollment(ctx, enrollmentId)
  if (enrollment.status === 'cancelled') throw failedPrecondition('这条报名已经取消了')
  const cls = await mustGetClass(ctx, enrollment.classId)
  const deadline = cancellationDeadline(cls.startDate, cls.cancelDaysBefore)
  // A guardian withdrawing their consent takes the child off the waitlist even past the deadline: it holds no seat.
  if (!canCancel(now, deadline) && !(leaveLineAnyTime && enrollment.status === 'waitlisted')) {
    throw failedPrecondition(
      `开班前${cls.cancelDaysBefore}天起不能取消（截止时间 ${formatShanghai(deadline, 'M月D日 HH:mm')}）。如有特殊情况请联系工会。`,
    )
  }
  let current = enrollment
  if (current.status === 'waitlisted') {
    const { stats } = await enrollments(ctx)
      .where({ _id: current._id, status: 'waitlisted' })
      .update({ data: { status: 'cancelled', cancelledAt: now, activeKey: `released:${current._id}` } })
    // Promoted meanwhile: then it is a seat to give back.
    if (stats.updated === 0) current = await ownEnrollment(ctx, current._id)
  }
  if (current.status === 'enrolled') {
    const promoted = await cancelSeat(ctx, current, now)
    if (promoted) await tellPromoted(ctx, promoted, cls)
  }
  const cancelled = (await enrollments(ctx).doc(enrollment._id).get()).data!
  await writeRequestRow(ctx.db, requestRowOfEnrollment(cancelled, cls.title))
  return enrollmentView(ctx, cancelled, cls)
}
