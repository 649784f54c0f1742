import { ENROLLMENT_STATUS_NAMES, GENDER_NAMES } from '../../../types/childcare'
import type { DataRow } from '../../../types/mydata'
import { canCancel, cancellationDeadline } from '../../domain/childcare/rules'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../../core/context'
import { CLOSED_NAME, latestConsent, type PersonalDataPart } from '../../core/privacy'
import { cancelSeat, tellPromoted } from './placement'
import type { ChildData, ClassRecord, EnrollmentRecord } from './records'
import { cancel } from './signup'
import { classesById, enrollments } from './views'

async function signUpsOf(ctx: Ctx, guardianId: string) {
  const { data } = await enrollments(ctx).where({ guardianId }).orderBy('createdAt', 'desc').limit(1000).get()
  return { signUps: data, classes: await classesById(ctx, data.map((e) => e.classId)) }
}

type Fate = 'withdrawn' | 'blocks' | 'kept'

/**
 * What closing does to a sign-up: one that may still be cancelled is; a seat past the deadline of a
 * class not yet over stops it. Once the class is over, its line is history like its seats: kept as it
 * was, so the figures of that term do not move.
 */
function fateOf(e: EnrollmentRecord, cls: ClassRecord | undefined, now: number): Fate {
  if (e.status === 'cancelled' || !cls) return 'kept'
  const over = formatShanghai(now, 'YYYY-MM-DD') > cls.endDate
  if (e.status === 'waitlisted') return over ? 'kept' : 'withdrawn'
  if (canCancel(now, cancellationDeadline(cls.startDate, cls.cancelDaysBefore))) return 'withdrawn'
  return over ? 'kept' : 'blocks'
}

function childRows(ctx: Ctx, e: EnrollmentRecord, whole: boolean): DataRow[] {
  if (!e.pii || !whole) return [{ label: '孩子', value: e.childNameMasked }]
  const child = JSON.parse(ctx.pii.decrypt(e.pii.child)) as ChildData
  const contact = JSON.parse(ctx.pii.decrypt(e.pii.emergencyContact)) as { name: string; mobile: string }
  return [
    { label: '孩子姓名', value: child.name },
    { label: '身份证号', value: child.idNumber },
    { label: '性别', value: GENDER_NAMES[child.gender] },
    { label: '学校和年级', value: `${child.school} ${child.grade}年级` },
    { label: '健康情况', value: child.healthNotes || '无' },
    { label: '紧急联系人', value: `${contact.name} ${contact.mobile}` },
  ]
}

/** A guardian's sign-ups: their children's data is theirs to see, copy and erase (PIPL art. 31). */
export const childcarePrivacyPart: PersonalDataPart = {
  async collect(ctx, userId, whole) {
    const { signUps, classes } = await signUpsOf(ctx, userId)
    if (signUps.length === 0) return []
    return [
      {
        key: 'childcare',
        title: '爱心托班',
        items: signUps.map((e) => ({
          title: `托班报名：${classes.get(e.classId)?.title ?? e.classTitle ?? '托班'}`,
          at: e.createdAt,
          rows: [
            { label: '状态', value: ENROLLMENT_STATUS_NAMES[e.status] },
            ...childRows(ctx, e, whole),
            { label: '监护人同意', value: `版本 ${e.consent.version}，${formatShanghai(e.consent.at, 'YYYY-MM-DD HH:mm')}` },
          ],
        })),
      },
    ]
  },

  async plan(ctx, userId) {
    const { signUps, classes } = await signUpsOf(ctx, userId)
    if (signUps.length === 0) return { erased: [], kept: [], withdrawn: [], blockers: [] }
    const now = ctx.now()
    const title = (e: EnrollmentRecord) => `托班报名：${classes.get(e.classId)?.title ?? e.classTitle ?? '托班'}（${e.childNameMasked}）`
    return {
      erased: ['孩子的姓名、身份证号、学校、健康情况和紧急联系人'],
      kept: ['托班的报名和出勤人数，不含孩子和您的信息：历年统计需要'],
      withdrawn: signUps.filter((e) => fateOf(e, classes.get(e.classId), now) === 'withdrawn').map(title),
      blockers: signUps
        .filter((e) => fateOf(e, classes.get(e.classId), now) === 'blocks')
        .map((e) => ({ title: title(e), why: `已过取消期限，托班结束（${classes.get(e.classId)!.endDate}）后才能注销。如有特殊情况请联系工会。` })),
    }
  },

  async consentsGiven(ctx, userId) {
    const given = latestConsent((await signUpsOf(ctx, userId)).signUps.map((e) => e.consent))
    return given ? { child: given } : {}
  },

  async withdrawOpen(ctx, userId) {
    const { signUps, classes } = await signUpsOf(ctx, userId)
    const now = ctx.now()
    for (const e of signUps) {
      if (fateOf(e, classes.get(e.classId), now) === 'withdrawn') await cancel(ctx, e._id, { leaveLineAnyTime: true })
    }
  },

  async close(ctx, userId, alias) {
    // As staff they checked children in: the register stays, under the alias.
    for (const collection of ['childcare_sessions', 'childcare_attendance']) await ctx.db.collection(collection).where({ by: userId }).update({ data: { by: alias } })
    const { signUps, classes } = await signUpsOf(ctx, userId)
    const now = ctx.now()
    for (const e of signUps) {
      const cls = classes.get(e.classId)
      const fate = fateOf(e, cls, now)
      if (fate === 'blocks') throw new Error('closing a sign-up past its cancellation deadline')
      if (fate === 'withdrawn' && e.status === 'waitlisted') {
        await enrollments(ctx).where({ _id: e._id, status: 'waitlisted' }).update({ data: { status: 'cancelled', cancelledAt: now } })
      } else if (fate === 'withdrawn' && e.status === 'enrolled') {
        const promoted = await cancelSeat(ctx, e, now)
        if (promoted && cls) await tellPromoted(ctx, promoted, cls)
      }
      const _ = ctx.db.command
      await enrollments(ctx)
        .doc(e._id)
        .update({
          data: {
            guardianId: alias,
            activeKey: `released:${e._id}`,
            childNameMasked: CLOSED_NAME,
            notifyByWeChat: false,
            pii: _.remove(),
            childBlind: _.remove(),
            intentHash: _.remove(),
          },
        })
    }
  },
}
