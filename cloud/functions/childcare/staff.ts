import type { AttendanceEntry, ClassDetail, RosterEntry } from '../../../types/childcare'
import type { ClassUpsertInput, CheckInInput } from '../../../types/childcare'
import type * as v from 'valibot'
import { attendanceRate, checkAgeOnStart, losesPriority, termKeyOf } from '../../domain/childcare/rules'
import { maskIdNumber, maskMobile } from '../../domain/identity/mask'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../../core/context'
import { failedPrecondition, invalid, notFound } from '../../core/errors'
import { CLOSED_NAME } from '../../core/privacy'
import type { UserRecord } from '../../core/records'
import { fillFreeSeats } from './placement'
import type { AttendanceRecord, ChildData, ClassRecord, EnrollmentRecord, SessionRecord } from './records'
import { classView, enrollments, mustGetClass } from './views'

/** An admin creates a class or changes one; the seats change by the difference, never below those taken. */
export async function upsertClass(ctx: Ctx, input: v.InferOutput<typeof ClassUpsertInput>): Promise<ClassDetail> {
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
  const classId = await ctx.transaction(async (t) => {
    const classesTx = t.tx.collection<ClassRecord>('childcare_classes')
    if (!id) {
      const record = { ...fields, status: 'open' as const, seatsLeft: input.capacity, createdAt: now }
      const { _id } = await classesTx.add({ data: record })
      await t.audit({ target: _id, summary: `新建托班“${input.title}”` })
      return _id
    }
    const { data: existing } = await classesTx.doc(id).get()
    if (!existing) throw notFound('没有找到这个托班')
    const delta = input.capacity - existing.capacity
    if (existing.seatsLeft + delta < 0) throw invalid({ capacity: '名额不能少于已录取的人数' })
    await classesTx.doc(id).update({
      data: { ...fields, location: _.set(fields.location), weekdays: _.set(fields.weekdays), stationId: input.stationId ?? _.remove(), seatsLeft: _.inc(delta) },
    })
    await t.audit({ target: id, summary: `修改托班“${input.title}”（名额${existing.capacity}→${input.capacity}）` })
    return id
  })
  const stored = await mustGetClass(ctx, classId)
  if (id && stored.seatsLeft > 0) await fillFreeSeats(ctx, stored)
  return classView(ctx, await mustGetClass(ctx, classId))
}

export async function setClassStatus(ctx: Ctx, classId: string, status: 'open' | 'closed'): Promise<ClassDetail> {
  await ctx.transaction(async (t) => {
    const ref = t.tx.collection<ClassRecord>('childcare_classes').doc(classId)
    const { data } = await ref.get()
    if (!data) throw notFound('没有找到这个托班')
    await ref.update({ data: { status, updatedAt: ctx.now() } })
    await t.audit({ target: classId, summary: `${status === 'open' ? '恢复报名' : '停止报名'}：托班“${data.title}”` })
  })
  return classView(ctx, await mustGetClass(ctx, classId))
}

/** The guardians of these sign-ups, in one query a hundred at a time. */
async function guardiansOf(ctx: Ctx, ids: string[]): Promise<Map<string, UserRecord>> {
  const unique = [...new Set(ids)]
  const found = new Map<string, UserRecord>()
  for (let i = 0; i < unique.length; i += 100) {
    const { data } = await ctx.db.collection<UserRecord>('users').where({ _id: ctx.db.command.in(unique.slice(i, i + 100)) }).limit(100).get()
    for (const u of data) found.set(u._id, u)
  }
  return found
}

/** A sign-up whose guardian closed their account: a place on the list, nobody's data. */
function closedEntry(e: EnrollmentRecord, waitlistPosition: number | undefined): RosterEntry {
  return {
    enrollmentId: e._id,
    status: e.status,
    waitlistPosition,
    childName: CLOSED_NAME,
    gender: 'male',
    age: 0,
    school: '',
    grade: 0,
    healthNotes: '',
    idNumberMasked: '',
    guardianName: CLOSED_NAME,
    guardianMobileMasked: '',
    emergencyContact: { name: '', mobileMasked: '' },
  }
}

/** The class's children, seated first then in line, with what staff need on the day. Recorded as a look at children's data. */
export async function roster(ctx: Ctx, classId: string): Promise<{ class: ClassDetail; entries: RosterEntry[] }> {
  const cls = await mustGetClass(ctx, classId)
  const _ = ctx.db.command
  const { data } = await enrollments(ctx)
    .where({ classId: cls._id, status: _.in(['enrolled', 'waitlisted']) })
    .orderBy('createdAt', 'asc')
    .limit(1000)
    .get()
  data.sort((a, b) => (a.status === b.status ? (a.waitlistKey ?? '').localeCompare(b.waitlistKey ?? '') : a.status === 'enrolled' ? -1 : 1))
  const guardians = await guardiansOf(ctx, data.map((e) => e.guardianId))
  let position = 0
  const entries: RosterEntry[] = data.map((e) => {
    const guardian = guardians.get(e.guardianId)
    if (!e.pii) return closedEntry(e, e.status === 'waitlisted' ? ++position : undefined)
    const child = JSON.parse(ctx.pii.decrypt(e.pii.child)) as ChildData
    const contact = JSON.parse(ctx.pii.decrypt(e.pii.emergencyContact)) as { name: string; mobile: string }
    const age = checkAgeOnStart(child.idNumber, cls.startDate, 0, 99)
    return {
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
    }
  })
  await ctx.audit({
    target: cls._id,
    subjects: data.filter((e) => e.pii).map((e) => e.guardianId),
    records: data.map((e) => e._id),
    summary: `查看托班“${cls.title}”花名册（${entries.length}名孩子）`,
  })
  return { class: await classView(ctx, cls), entries }
}

export async function revealIdNumber(ctx: Ctx, enrollmentId: string): Promise<{ idNumber: string }> {
  const { data } = await enrollments(ctx).doc(enrollmentId).get()
  if (!data) throw notFound('没有找到这条报名')
  if (!data.pii) throw failedPrecondition(`监护人${CLOSED_NAME}，孩子的信息已删除`)
  const child = JSON.parse(ctx.pii.decrypt(data.pii.child)) as ChildData
  await ctx.audit({ target: data._id, subjects: [data.guardianId], records: [data._id], summary: '查看孩子的身份证号', fields: ['child.idNumber'] })
  return { idNumber: child.idNumber }
}

/** A day's check-in: keyed by child and day, so checking in the same day again corrects it. */
export async function checkIn(ctx: Ctx, input: v.InferOutput<typeof CheckInInput>): Promise<{ date: string; present: number }> {
  const cls = await mustGetClass(ctx, input.classId)
  const today = formatShanghai(ctx.now(), 'YYYY-MM-DD')
  if (input.date < cls.startDate || input.date > cls.endDate) throw invalid({ date: '这一天不在托班的日期内' })
  if (input.date > today) throw invalid({ date: '不能为以后的日子签到' })
  const { data } = await enrollments(ctx).where({ classId: cls._id, status: 'enrolled' }).limit(1000).get()
  const enrolled = new Set(data.map((e) => e._id))
  if (input.presentEnrollmentIds.some((id) => !enrolled.has(id))) throw invalid({ presentEnrollmentIds: '有孩子不在这个班的录取名单里' })
  const present = new Set(input.presentEnrollmentIds)
  const at = ctx.now()
  await ctx.transaction(async (t) => {
    await t.tx
      .collection<SessionRecord>('childcare_sessions')
      .doc(`${cls._id}:${input.date}`)
      .set({ data: { classId: cls._id, date: input.date, by: ctx.user._id, at } as SessionRecord })
    for (const id of enrolled) {
      await t.tx
        .collection<AttendanceRecord>('childcare_attendance')
        .doc(`${id}:${input.date}`)
        .set({ data: { classId: cls._id, enrollmentId: id, date: input.date, present: present.has(id), by: ctx.user._id, at } as AttendanceRecord })
    }
    await t.audit({
      target: cls._id,
      subjects: data.map((e) => e.guardianId),
      records: data.map((e) => e._id),
      summary: `签到 ${input.date}：到班${present.size}人，共${enrolled.size}人`,
    })
  })
  return { date: input.date, present: present.size }
}

export async function attendance(ctx: Ctx, classId: string): Promise<{ sessions: string[]; entries: AttendanceEntry[] }> {
  const cls = await mustGetClass(ctx, classId)
  const sessions = (await ctx.db.collection<SessionRecord>('childcare_sessions').where({ classId: cls._id }).orderBy('date', 'asc').limit(1000).get()).data.map((s) => s.date)
  const { data: enrolled } = await enrollments(ctx).where({ classId: cls._id, status: 'enrolled' }).limit(1000).get()
  const { data: marks } = await ctx.db.collection<AttendanceRecord>('childcare_attendance').where({ classId: cls._id, present: true }).limit(1000).get()
  const attendedBy = new Map<string, number>()
  for (const m of marks) attendedBy.set(m.enrollmentId, (attendedBy.get(m.enrollmentId) ?? 0) + 1)
  const entries: AttendanceEntry[] = enrolled.map((e) => {
    const attendedDays = attendedBy.get(e._id) ?? 0
    const rate = attendanceRate(attendedDays, sessions.length)
    return { enrollmentId: e._id, childName: e.childNameMasked, attendedDays, sessions: sessions.length, rate, losesPriority: losesPriority(rate) }
  })
  return { sessions, entries }
}
