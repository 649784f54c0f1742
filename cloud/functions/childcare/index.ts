import {
  CheckInInput,
  ClassIdInput,
  ClassUpsertInput,
  EnrollmentIdInput,
  RevealInput,
  SetClassStatusInput,
  type AttendanceEntry,
  type ChildcareContract,
  type ClassDetail,
  type Enrollment,
  type RosterEntry,
} from '../../../types/childcare'
import { Empty } from '../../../types/users'
import { EnrollInput } from '../../domain/childcare/enroll'
import {
  attendanceRate,
  canCancel,
  cancellationDeadline,
  checkAgeOnStart,
  losesPriority,
  signUpPhase,
  termKeyOf,
  termNameOf,
} from '../../domain/childcare/rules'
import { maskIdNumber, maskMobile, maskName } from '../../domain/identity/mask'
import type { Ctx } from '../../core/context'
import { defineFunction } from '../../core/defineFunction'
import { AppError, failedPrecondition, invalid, notFound } from '../../core/errors'
import { formatShanghai } from '../../domain/time'
import type { UserRecord } from '../../core/records'
import { DuplicateKeyError } from '../../db/types'
import { latLngOf } from '../stations/records'
import {
  cancelSeat,
  claimSeat,
  fillFreeSeats,
  nextWaitlistNumber,
  releaseSeat,
  tellPromoted,
  waitlistLength,
  waitlistPosition,
} from './placement'
import type { AttendanceRecord, ChildData, ClassRecord, EnrollmentRecord, SessionRecord } from './records'

const STAFF = ['volunteer:childcare', 'admin'] as const

const classes = (ctx: Ctx) => ctx.db.collection<ClassRecord>('childcare_classes')
const enrollments = (ctx: Ctx) => ctx.db.collection<EnrollmentRecord>('childcare_enrollments')

async function mustGetClass(ctx: Ctx, id: string): Promise<ClassRecord> {
  const { data } = await classes(ctx).doc(id).get()
  if (!data) throw notFound('没有找到这个托班')
  return data
}

async function classView(ctx: Ctx, c: ClassRecord): Promise<ClassDetail> {
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
    waitlistLength: await waitlistLength(ctx, c._id),
    demo: c.demo,
  }
}

async function enrollmentView(ctx: Ctx, e: EnrollmentRecord, c: ClassRecord): Promise<Enrollment> {
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
async function ownEnrollment(ctx: Ctx, id: string): Promise<EnrollmentRecord> {
  const { data } = await enrollments(ctx).doc(id).get()
  if (!data || data.guardianId !== ctx.user._id) throw notFound('没有找到这条报名')
  return data
}

export const childcareFunction = defineFunction<ChildcareContract>('childcare', {
  classes: {
    roles: ['worker'],
    input: Empty,
    readOnly: true,
    async run(ctx) {
      const today = formatShanghai(ctx.now(), 'YYYY-MM-DD')
      const _ = ctx.db.command
      const { data } = await classes(ctx)
        .where({ status: 'open', endDate: _.gte(today) })
        .orderBy('opensAt', 'asc')
        .limit(100)
        .get()
      return { items: await Promise.all(data.map((c) => classView(ctx, c))) }
    },
  },

  classDetail: {
    roles: ['worker'],
    input: ClassIdInput,
    readOnly: true,
    run: async (ctx, input) => classView(ctx, await mustGetClass(ctx, input.classId)),
  },

  enroll: {
    roles: ['worker'],
    input: EnrollInput,
    async run(ctx, input) {
      const now = ctx.now()
      const cls = await mustGetClass(ctx, input.classId)
      if (cls.status === 'closed') throw failedPrecondition('这个托班已停止报名')
      const phase = signUpPhase(cls.opensAt, cls.closesAt, now)
      if (phase === 'upcoming') throw failedPrecondition(`报名还没开始，将于 ${formatShanghai(cls.opensAt, 'M月D日 HH:mm')} 开始`)
      if (phase === 'closed') throw failedPrecondition('报名已经截止了')
      if (!ctx.user.profile || !ctx.user.pii) throw failedPrecondition('请先在“我的”里完成实名认证，再为孩子报名')

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
      }

      // The place first (a seat by the conditional update, or the next waitlist number), then the
      // sign-up in one write; the UNIQUE index refuses a child already placed this term.
      const seated = await claimSeat(ctx, cls._id)
      const placement = seated
        ? { status: 'enrolled' as const, enrolledAt: now }
        : { status: 'waitlisted' as const, waitlistSeq: await nextWaitlistNumber(ctx, cls._id) }
      let placed: EnrollmentRecord
      try {
        const data = { ...record, ...placement }
        placed = { ...data, _id: (await enrollments(ctx).add({ data }))._id }
      } catch (error) {
        if (seated) {
          await releaseSeat(ctx, cls._id)
          await fillFreeSeats(ctx, cls)
        }
        if (!(error instanceof DuplicateKeyError)) throw error
        const message = '这个孩子本学期已经报过名了，每个孩子每学期只能占一个名额'
        throw new AppError('CONFLICT', message, { 'child.idNumber': message })
      }
      if (!seated) {
        // A seat may have come back while this sign-up was joining the line.
        await fillFreeSeats(ctx, cls)
        placed = (await enrollments(ctx).doc(placed._id).get()).data ?? placed
      }
      return enrollmentView(ctx, placed, cls)
    },
  },

  cancel: {
    roles: ['worker'],
    input: EnrollmentIdInput,
    async run(ctx, input) {
      const now = ctx.now()
      const enrollment = await ownEnrollment(ctx, input.enrollmentId)
      if (enrollment.status === 'cancelled') throw failedPrecondition('这条报名已经取消了')
      const cls = await mustGetClass(ctx, enrollment.classId)
      const deadline = cancellationDeadline(cls.startDate, cls.cancelDaysBefore)
      if (!canCancel(now, deadline)) {
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
      return enrollmentView(ctx, (await enrollments(ctx).doc(enrollment._id).get()).data!, cls)
    },
  },

  mine: {
    roles: ['worker'],
    input: Empty,
    readOnly: true,
    async run(ctx) {
      const { data } = await enrollments(ctx)
        .where({ guardianId: ctx.user._id })
        .orderBy('createdAt', 'desc')
        .limit(50)
        .get()
      const classById = new Map<string, ClassRecord>()
      for (const e of data) if (!classById.has(e.classId)) classById.set(e.classId, await mustGetClass(ctx, e.classId))
      return { items: await Promise.all(data.map((e) => enrollmentView(ctx, e, classById.get(e.classId)!))) }
    },
  },

  allClasses: {
    roles: STAFF,
    input: Empty,
    readOnly: true,
    async run(ctx) {
      const { data } = await classes(ctx).where({}).orderBy('startDate', 'desc').limit(200).get()
      return { items: await Promise.all(data.map((c) => classView(ctx, c))) }
    },
  },

  upsertClass: {
    roles: ['admin'],
    input: ClassUpsertInput,
    async run(ctx, input) {
      const _ = ctx.db.command
      const now = ctx.now()
      const { id, lat, lng, ...rest } = input
      const fields = {
        ...rest,
        termKey: termKeyOf(input.year, input.season),
        location: ctx.db.Geo.Point(lng, lat),
        weekdays: [...new Set(input.weekdays)].sort(),
        updatedAt: now,
      }
      if (!id) {
        const record = { ...fields, status: 'open' as const, seatsLeft: input.capacity, waitlistSeq: 0, createdAt: now }
        const { _id } = await classes(ctx).add({ data: record })
        return classView(ctx, { ...record, _id })
      }
      const existing = await mustGetClass(ctx, id)
      const delta = input.capacity - existing.capacity
      // Seats change by the difference, atomically, and never below the seats already taken.
      const { stats } = await classes(ctx)
        .where({ _id: id, seatsLeft: _.gte(-delta) })
        .update({ data: { ...fields, location: _.set(fields.location), stationId: input.stationId ?? _.remove(), seatsLeft: _.inc(delta) } })
      if (stats.updated === 0) {
        throw invalid({ capacity: '名额不能少于已录取的人数' })
      }
      const updated = await mustGetClass(ctx, id)
      if (delta > 0) await fillFreeSeats(ctx, updated)
      return classView(ctx, await mustGetClass(ctx, id))
    },
  },

  setClassStatus: {
    roles: ['admin'],
    input: SetClassStatusInput,
    async run(ctx, input) {
      const { stats } = await classes(ctx).doc(input.classId).update({ data: { status: input.status, updatedAt: ctx.now() } })
      if (stats.updated === 0) throw notFound('没有找到这个托班')
      return classView(ctx, await mustGetClass(ctx, input.classId))
    },
  },

  roster: {
    roles: STAFF,
    input: ClassIdInput,
    readOnly: true,
    async run(ctx, input) {
      const cls = await mustGetClass(ctx, input.classId)
      const _ = ctx.db.command
      const { data } = await enrollments(ctx)
        .where({ classId: cls._id, status: _.in(['enrolled', 'waitlisted']) })
        .orderBy('createdAt', 'asc')
        .limit(1000)
        .get()
      data.sort((a, b) => (a.status === b.status ? (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0) : a.status === 'enrolled' ? -1 : 1))
      const guardians = new Map<string, UserRecord | null>()
      let position = 0
      const entries: RosterEntry[] = []
      for (const e of data) {
        if (!guardians.has(e.guardianId)) guardians.set(e.guardianId, (await ctx.db.collection<UserRecord>('users').doc(e.guardianId).get()).data)
        const guardian = guardians.get(e.guardianId)
        const child = JSON.parse(ctx.pii.decrypt(e.pii.child)) as ChildData
        const contact = JSON.parse(ctx.pii.decrypt(e.pii.emergencyContact)) as { name: string; mobile: string }
        const age = checkAgeOnStart(child.idNumber, cls.startDate, 0, 99)
        entries.push({
          enrollmentId: e._id,
          status: e.status,
          waitlistPosition: e.status === 'waitlisted' ? ++position : undefined,
          childName: child.name,
          gender: child.gender,
          age: age.age ?? 0,
          school: child.school,
          grade: child.grade,
          healthNotes: child.healthNotes,
          idNumberMasked: maskIdNumber(child.idNumber),
          guardianName: guardian?.profile?.name ?? '',
          guardianMobileMasked: guardian?.profile?.mobileMasked ?? '',
          emergencyContact: { name: contact.name, mobileMasked: maskMobile(contact.mobile) },
        })
      }
      // Children's data was shown: that is recorded, like any reveal of personal data.
      await ctx.audit('roster', cls._id, { children: entries.length })
      return { class: await classView(ctx, cls), entries }
    },
  },

  revealIdNumber: {
    roles: STAFF,
    input: RevealInput,
    async run(ctx, input) {
      const { data } = await enrollments(ctx).doc(input.enrollmentId).get()
      if (!data) throw notFound('没有找到这条报名')
      const child = JSON.parse(ctx.pii.decrypt(data.pii.child)) as ChildData
      await ctx.audit('revealIdNumber', data._id, { classId: data.classId })
      return { idNumber: child.idNumber }
    },
  },

  checkIn: {
    roles: STAFF,
    input: CheckInInput,
    async run(ctx, input) {
      const cls = await mustGetClass(ctx, input.classId)
      const today = formatShanghai(ctx.now(), 'YYYY-MM-DD')
      if (input.date < cls.startDate || input.date > cls.endDate) throw invalid({ date: '这一天不在托班的日期内' })
      if (input.date > today) throw invalid({ date: '不能为以后的日子签到' })
      const { data } = await enrollments(ctx).where({ classId: cls._id, status: 'enrolled' }).limit(1000).get()
      const enrolled = new Set(data.map((e) => e._id))
      const strangers = input.presentEnrollmentIds.filter((id) => !enrolled.has(id))
      if (strangers.length) throw invalid({ presentEnrollmentIds: '有孩子不在这个班的录取名单里' })
      const present = new Set(input.presentEnrollmentIds)
      const at = ctx.now()
      // Keyed by child and day: checking in the same day again corrects it rather than adding to it.
      await ctx.db.runTransaction(async (tx) => {
        await tx
          .collection<SessionRecord>('childcare_sessions')
          .doc(`${cls._id}:${input.date}`)
          .set({ data: { classId: cls._id, date: input.date, by: ctx.user._id, at } as SessionRecord })
        for (const id of enrolled) {
          await tx
            .collection<AttendanceRecord>('childcare_attendance')
            .doc(`${id}:${input.date}`)
            .set({ data: { classId: cls._id, enrollmentId: id, date: input.date, present: present.has(id), by: ctx.user._id, at } as AttendanceRecord })
        }
      })
      return { date: input.date, present: present.size }
    },
  },

  attendance: {
    roles: STAFF,
    input: ClassIdInput,
    readOnly: true,
    async run(ctx, input) {
      const cls = await mustGetClass(ctx, input.classId)
      const sessions = (await ctx.db.collection<SessionRecord>('childcare_sessions').where({ classId: cls._id }).orderBy('date', 'asc').limit(1000).get()).data.map((s) => s.date)
      const { data: enrolled } = await enrollments(ctx).where({ classId: cls._id, status: 'enrolled' }).limit(1000).get()
      const { data: marks } = await ctx.db
        .collection<AttendanceRecord>('childcare_attendance')
        .where({ classId: cls._id, present: true })
        .limit(1000)
        .get()
      const attendedBy = new Map<string, number>()
      for (const m of marks) attendedBy.set(m.enrollmentId, (attendedBy.get(m.enrollmentId) ?? 0) + 1)
      const entries: AttendanceEntry[] = enrolled.map((e) => {
        const attendedDays = attendedBy.get(e._id) ?? 0
        const rate = attendanceRate(attendedDays, sessions.length)
        return { enrollmentId: e._id, childName: e.childNameMasked, attendedDays, sessions: sessions.length, rate, losesPriority: losesPriority(rate) }
      })
      return { sessions, entries }
    },
  },
})
