import type { Assignable, LegalContract, LegalSettings, RoomSettings } from '../../../types/legal'
import { cases } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { invalid } from '../../core/errors'
import type { UserRecord } from '../../core/records'
import { openStationsOfType, stationPlace } from '../../core/stations'
import { checkTemplate } from '../../domain/legal/slots'
import { checkYearNotice, PACKAGE_YEARS } from '../../domain/workdays'
import { CONFIG_ID, promiseConfig, roomOf, roomSettings } from './config'
import { COLLECTIONS, type CalendarYearRecord, type PromiseConfigRecord, type RoomRecord } from './records'

type In<A extends keyof LegalContract> = LegalContract[A]['input']

/** The settings page: the promise, the calendar's years, every mediation room's week and closed dates. */
export async function settings(ctx: Ctx): Promise<LegalSettings> {
  const [promise, { data: notices }, places] = await Promise.all([
    promiseConfig(ctx),
    ctx.db.collection<CalendarYearRecord>(COLLECTIONS.calendar).orderBy('year', 'asc').limit(100).get(),
    openStationsOfType(ctx.db, 'mediation'),
  ])
  const rooms = await Promise.all(places.map(async (place) => roomSettings(place, await roomOf(ctx, place._id))))
  return {
    promise,
    packageYears: [...PACKAGE_YEARS],
    notices: notices.map((n) => ({ year: n.year, holidays: n.holidays, workdays: n.workdays })),
    rooms,
  }
}

export async function setPromise(ctx: Ctx, input: In<'setPromise'>) {
  if (input.decideDays < input.acknowledgeDays) throw invalid({ decideDays: '答复时限不能短于受理时限' })
  await ctx.transaction(async (t) => {
    await t.tx.collection<Omit<PromiseConfigRecord, '_id'>>(COLLECTIONS.config).doc(CONFIG_ID).set({ data: { ...input, updatedAt: ctx.now() } })
    await t.audit({ target: CONFIG_ID, summary: `法律援助承诺设为${input.acknowledgeDays}个工作日受理、${input.decideDays}个工作日答复`, fields: ['acknowledgeDays', 'decideDays'] })
  })
  return { acknowledgeDays: input.acknowledgeDays, decideDays: input.decideDays }
}

/** A year's holiday notice the package does not carry yet; cases filed from now on count with it. */
export async function setCalendarYear(ctx: Ctx, input: In<'setCalendarYear'>) {
  const notice = { year: input.year, holidays: [...new Set(input.holidays)].sort(), workdays: [...new Set(input.workdays)].sort() }
  const problems = checkYearNotice(notice)
  if (problems) throw invalid(problems)
  await ctx.transaction(async (t) => {
    await t.tx.collection<Omit<CalendarYearRecord, '_id'>>(COLLECTIONS.calendar).doc(String(input.year)).set({ data: { ...notice, updatedAt: ctx.now() } })
    await t.audit({ target: String(input.year), summary: `录入${input.year}年放假安排：放假${notice.holidays.length}天，补班${notice.workdays.length}天` })
  })
  return { year: input.year }
}

async function mediationRoom(ctx: Ctx, stationId: string) {
  const place = await stationPlace(ctx.db, stationId)
  if (!place || place.type !== 'mediation') throw invalid({ stationId: '没有这个调解室' })
  return place
}

async function writeRoom(ctx: Ctx, stationId: string, change: Omit<RoomRecord, '_id' | 'updatedAt'>, summary: string): Promise<RoomSettings> {
  const place = await mediationRoom(ctx, stationId)
  await ctx.transaction(async (t) => {
    await t.tx.collection<Omit<RoomRecord, '_id'>>(COLLECTIONS.rooms).doc(stationId).set({ data: { ...change, updatedAt: ctx.now() } })
    await t.audit({ target: stationId, summary })
  })
  return roomSettings(place, { template: { periods: change.periods, slotMinutes: change.slotMinutes }, closedDates: change.closedDates, isDefault: false })
}

/** A room's week. Appointments booked already stay as they are. */
export async function setRoomTemplate(ctx: Ctx, input: In<'setRoomTemplate'>) {
  const template = { periods: input.periods.map((p) => ({ weekdays: [...new Set(p.weekdays)].sort(), start: p.start, end: p.end })), slotMinutes: input.slotMinutes }
  const problems = checkTemplate(template)
  if (problems) throw invalid(problems)
  const { closedDates } = await roomOf(ctx, (await mediationRoom(ctx, input.stationId))._id)
  return writeRoom(ctx, input.stationId, { ...template, closedDates }, `设置调解室预约时段（${template.periods.length}段，每次${template.slotMinutes}分钟）`)
}

/** The dates a room is closed, besides the statutory holidays. */
export async function setClosedDates(ctx: Ctx, input: In<'setClosedDates'>) {
  const { template } = await roomOf(ctx, (await mediationRoom(ctx, input.stationId))._id)
  const closedDates = [...new Set(input.dates)].sort()
  return writeRoom(ctx, input.stationId, { periods: [...template.periods].map((p) => ({ ...p, weekdays: [...p.weekdays] })), slotMinutes: template.slotMinutes, closedDates }, `设置调解室闭室日期${closedDates.length}天`)
}

/** Whom the desk may assign a case to: the lawyers of the panel and the volunteers of legal help, with how many open cases each has. */
export async function assignables(ctx: Ctx): Promise<{ items: Assignable[] }> {
  const _ = ctx.db.command
  const users = ctx.db.collection<UserRecord>('users')
  const [{ data: lawyers }, { data: volunteers }] = await Promise.all([
    users.where({ roles: _.all(['lawyer']) }).limit(200).get(),
    users.where({ roles: _.all(['volunteer']), services: _.all(['legal']) }).limit(200).get(),
  ])
  const people = new Map<string, { user: UserRecord; kind: Assignable['kind'] }>()
  for (const user of volunteers) people.set(user._id, { user, kind: 'volunteer' })
  for (const user of lawyers) people.set(user._id, { user, kind: 'lawyer' })
  const named = [...people.values()].filter(({ user }) => user.profile)
  const open = await Promise.all(
    named.map(({ user }) => cases(ctx).where({ service: 'legal', assigneeId: user._id, status: _.in(['acknowledged', 'granted']) }).count()),
  )
  const items = named.map(({ user, kind }, i) => ({ userId: user._id, name: user.profile!.name, kind, open: open[i].total }))
  // Lawyers first, then the least busy.
  items.sort((a, b) => (a.kind === b.kind ? a.open - b.open : a.kind === 'lawyer' ? -1 : 1))
  return { items }
}
