/**
 * A mediation room's appointment slots: its weekly template *(admin)*, cut into slots of a fixed
 * length, on the days the working-day calendar keeps open and the admin has not closed.
 */

export interface WeeklyPeriod {
  /** 1 Monday … 7 Sunday. */
  weekdays: readonly number[]
  start: string
  end: string
}

export interface RoomTemplate {
  periods: readonly WeeklyPeriod[]
  slotMinutes: number
}

/** DOMAIN.md's example week, until an admin sets a room: 周二、周四 14:00–17:00, 30 minutes. */
export const DEFAULT_ROOM_TEMPLATE: RoomTemplate = { periods: [{ weekdays: [2, 4], start: '14:00', end: '17:00' }], slotMinutes: 30 }

export interface Slot {
  date: string
  start: string
  end: string
  /** Epoch ms of the start, Asia/Shanghai. */
  startAt: number
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5))
const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** Why a template cannot be used, by field; null when it can. */
export function checkTemplate(template: RoomTemplate): Record<string, string> | null {
  for (const [i, p] of template.periods.entries()) {
    if (minutesOf(p.end) - minutesOf(p.start) < template.slotMinutes) {
      return { [`periods.${i}.end`]: `结束时间应比开始时间至少晚${template.slotMinutes}分钟` }
    }
  }
  return null
}

/** The slots of one date: the template's periods of its weekday, cut into slots; none on a closed day. */
export function slotsOn(template: RoomTemplate, date: string, weekday: number): Slot[] {
  const slots: Slot[] = []
  for (const period of template.periods) {
    if (!period.weekdays.includes(weekday)) continue
    for (let m = minutesOf(period.start); m + template.slotMinutes <= minutesOf(period.end); m += template.slotMinutes) {
      const start = clockOf(m)
      slots.push({ date, start, end: clockOf(m + template.slotMinutes), startAt: Date.parse(`${date}T${start}:00+08:00`) })
    }
  }
  return slots.sort((a, b) => a.startAt - b.startAt)
}

export interface OpenDays {
  /** The weekday of a date, 1 Monday … 7 Sunday. */
  weekdayOf(date: string): number
  /** A statutory holiday: the room is closed, whatever its week says. */
  isHoliday(date: string): boolean
  closed: ReadonlySet<string>
}

/** The slots of `dates` that start after `now`: skipping statutory holidays and the days the admin closed. */
export function roomSlots(template: RoomTemplate, dates: readonly string[], days: OpenDays, now: number): Slot[] {
  return dates
    .filter((date) => !days.isHoliday(date) && !days.closed.has(date))
    .flatMap((date) => slotsOn(template, date, days.weekdayOf(date)))
    .filter((slot) => slot.startAt > now)
}

/** The UNIQUE key of a slot while it is booked: one booking per slot, held by the database. */
export const slotKeyOf = (stationId: string, date: string, start: string) => `${stationId}:${date}:${start}`
