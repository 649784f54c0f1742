import type { RoomSettings } from '../../../types/legal'
import type { Ctx } from '../../core/context'
import type { StationPlace } from '../../core/stations'
import { DEFAULT_LOW_INCOME_LINE_FEN } from '../../domain/aid/tier'
import { DEFAULT_PROMISE, type PromiseConfig } from '../../domain/legal/promise'
import { DEFAULT_ROOM_TEMPLATE, type RoomTemplate } from '../../domain/legal/slots'
import { shanghaiDate, workCalendar, type WorkCalendar } from '../../domain/workdays'
import { COLLECTIONS, type CalendarYearRecord, type PromiseConfigRecord, type RoomRecord } from './records'

export const CONFIG_ID = 'current'

/** The promise's two numbers *(config)*, DOMAIN.md's 1 and 7 until an admin sets them. */
export async function promiseConfig(ctx: Ctx): Promise<PromiseConfig> {
  const { data } = await ctx.db.collection<PromiseConfigRecord>(COLLECTIONS.config).doc(CONFIG_ID).get()
  return data ? { acknowledgeDays: data.acknowledgeDays, decideDays: data.decideDays } : DEFAULT_PROMISE
}

/** The working-day calendar for dates from `fromMs` on: the package, and what an admin entered for this year and the next. */
export async function calendarFrom(ctx: Ctx, fromMs: number): Promise<WorkCalendar> {
  const year = Number(shanghaiDate(fromMs).slice(0, 4))
  const notices = await Promise.all(
    [year, year + 1].map(async (y) => (await ctx.db.collection<CalendarYearRecord>(COLLECTIONS.calendar).doc(String(y)).get()).data),
  )
  return workCalendar(notices.filter((n): n is CalendarYearRecord => n !== null))
}

/**
 * The union's one 低保 line, which the means test shares with hardship aid: set on the aid settings
 * page (`aid_config`), the default until then.
 */
export async function lowIncomeLine(ctx: Ctx): Promise<number> {
  const { data } = await ctx.db.collection<{ lowIncomeLineFen: number }>('aid_config').doc('current').get()
  return data?.lowIncomeLineFen ?? DEFAULT_LOW_INCOME_LINE_FEN
}

/** A room's week (DOMAIN.md's example until an admin sets it) and its closed dates. */
export async function roomOf(ctx: Ctx, stationId: string): Promise<{ template: RoomTemplate; closedDates: string[]; isDefault: boolean }> {
  const { data } = await ctx.db.collection<RoomRecord>(COLLECTIONS.rooms).doc(stationId).get()
  if (!data) return { template: DEFAULT_ROOM_TEMPLATE, closedDates: [], isDefault: true }
  return { template: { periods: data.periods, slotMinutes: data.slotMinutes }, closedDates: data.closedDates, isDefault: false }
}

export function roomSettings(place: StationPlace, room: Awaited<ReturnType<typeof roomOf>>): RoomSettings {
  return {
    stationId: place._id,
    name: place.name,
    address: place.address,
    periods: room.template.periods.map((p) => ({ weekdays: [...p.weekdays], start: p.start, end: p.end })),
    slotMinutes: room.template.slotMinutes,
    isDefault: room.isDefault,
    closedDates: room.closedDates,
  }
}
