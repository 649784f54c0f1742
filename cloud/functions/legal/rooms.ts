import { BOOKING_DAYS, CANCEL_BEFORE_MS, type Appointment, type LegalContract, type RoomWithSlots } from '../../../types/legal'
import { caseSummary } from '../../core/cases/views'
import { takeStep } from '../../core/cases/workflow'
import type { StepEffects } from '../../core/cases/workflow'
import type { CaseRecord } from '../../core/cases/record'
import type { Ctx, TransactionStep } from '../../core/context'
import { AppError, failedPrecondition, invalid } from '../../core/errors'
import { openStationsOfType, stationPlace, type StationPlace } from '../../core/stations'
import { DuplicateKeyError } from '../../db/types'
import { roomSlots, slotKeyOf, type Slot } from '../../domain/legal/slots'
import { addDays, shanghaiDate, weekdayOf, type WorkCalendar } from '../../domain/workdays'
import { calendarFrom, roomOf } from './config'
import { COLLECTIONS, detailsOf, type BookingRecord } from './records'
import { appointmentWords, releaseBooking, withStep, workLink } from './spec'

const TAKEN = '这个时段刚刚被预约了，请选择其他时段'

/** The coming days a room's slots are offered on: from today, `BOOKING_DAYS` of them. */
const comingDates = (now: number) => Array.from({ length: BOOKING_DAYS }, (_, i) => addDays(shanghaiDate(now), i))

async function slotsOf(ctx: Ctx, stationId: string, calendar: WorkCalendar, dates: readonly string[]): Promise<Slot[]> {
  const room = await roomOf(ctx, stationId)
  return roomSlots(room.template, dates, { weekdayOf, isHoliday: (d) => calendar.isHoliday(d), closed: new Set(room.closedDates) }, ctx.now())
}

/** The mediation rooms and their free slots of the coming days (booked ones left out). */
export async function roomsWithSlots(ctx: Ctx): Promise<{ rooms: RoomWithSlots[] }> {
  const now = ctx.now()
  const dates = comingDates(now)
  const [places, calendar] = await Promise.all([openStationsOfType(ctx.db, 'mediation'), calendarFrom(ctx, now)])
  const rooms = await Promise.all(
    places.map(async (place) => {
      const [slots, { data: booked }] = await Promise.all([
        slotsOf(ctx, place._id, calendar, dates),
        ctx.db
          .collection<BookingRecord>(COLLECTIONS.bookings)
          .where({ stationId: place._id, status: 'active', date: ctx.db.command.gte(dates[0]) })
          .limit(1000)
          .get(),
      ])
      const taken = new Set(booked.map((b) => b.slotKey))
      return {
        stationId: place._id,
        name: place.name,
        address: place.address,
        location: place.location,
        slots: slots.filter((s) => !taken.has(slotKeyOf(place._id, s.date, s.start))).map(({ date, start, end, startAt }) => ({ date, start, end, startAt })),
      }
    }),
  )
  return { rooms }
}

/** The room and the slot asked for, if the room is a mediation room open for it and the slot is still to come. */
async function slotAskedFor(ctx: Ctx, input: LegalContract['book']['input']): Promise<{ place: StationPlace; slot: Slot }> {
  const place = await stationPlace(ctx.db, input.stationId)
  if (!place || place.type !== 'mediation') throw invalid({ stationId: '没有这个调解室' })
  if (place.status !== 'open') throw failedPrecondition('这个调解室暂停开放，请选择其他调解室')
  const now = ctx.now()
  if (input.date < shanghaiDate(now) || input.date > addDays(shanghaiDate(now), BOOKING_DAYS - 1)) {
    throw invalid({ date: `只能预约今天起${BOOKING_DAYS}天内的时段` })
  }
  const slot = (await slotsOf(ctx, place._id, await calendarFrom(ctx, now), [input.date])).find((s) => s.start === input.start)
  if (!slot) throw invalid({ start: '这个时段不开放预约，请重新选择' })
  return { place, slot }
}

/**
 * Books a slot for a case, as the worker or the lawyer assigned: the booking is added in the step's
 * transaction with two UNIQUE keys — the slot, and the case — so of many bookings of one slot at once
 * exactly one is written, and a case holds one appointment at a time.
 */
export async function book(ctx: Ctx, input: LegalContract['book']['input']) {
  const { place, slot } = await slotAskedFor(ctx, input)
  const slotKey = slotKeyOf(place._id, slot.date, slot.start)
  const spec = withStep(async (ctx, t: TransactionStep, record: CaseRecord): Promise<StepEffects> => {
    const previous = detailsOf(record).appointment
    // An appointment that has taken place stays on the case as history; its case key makes room for this one.
    if (previous) await releaseBooking(t, previous, ctx.now(), ctx.user._id)
    const booking: Omit<BookingRecord, '_id'> = {
      stationId: place._id,
      date: slot.date,
      start: slot.start,
      end: slot.end,
      startAt: slot.startAt,
      caseId: record._id,
      ownerId: record.ownerId,
      assigneeId: record.assigneeId!,
      slotKey,
      caseKey: record._id,
      status: 'active',
      bookedBy: ctx.user._id,
      bookedAt: ctx.now(),
      reminded: false,
    }
    const { _id } = await t.tx.collection<BookingRecord>(COLLECTIONS.bookings).add({ data: booking })
    const appointment: Appointment = { bookingId: _id, stationId: place._id, stationName: place.name, address: place.address, location: place.location, date: slot.date, start: slot.start, end: slot.end, startAt: slot.startAt }
    const words = appointmentWords(appointment)
    const notices = ctx.user._id === record.ownerId
      ? [{ userId: record.assigneeId!, notice: { title: '申请人预约了调解室', body: `您负责的一件${record.title}：${words}。`, link: workLink(record._id) } }]
      : []
    return { details: { appointment }, entry: { appointment: words }, notices }
  })
  try {
    return caseSummary(await takeStep(ctx, spec, input.caseId, 'book', {}, ['owner', 'assignee']))
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    const { total } = await ctx.db.collection<BookingRecord>(COLLECTIONS.bookings).where({ slotKey }).count()
    if (total > 0) throw new AppError('CONFLICT', TAKEN, { start: TAKEN })
    throw new AppError('CONFLICT', '这件事刚刚预约了调解室，请刷新后查看')
  }
}

/**
 * Cancels a case's appointment and frees its slot: the worker or the lawyer up to two hours before,
 * the legal desk at any time with a reason the worker reads.
 */
export async function cancelAppointment(ctx: Ctx, caseId: string, byDesk: { note: string } | null): Promise<CaseRecord> {
  const spec = withStep(async (ctx, t, record) => {
    const appointment = detailsOf(record).appointment!
    if (!byDesk && appointment.startAt - ctx.now() < CANCEL_BEFORE_MS) {
      throw failedPrecondition('预约开始前2小时内不能取消，请直接联系律师或工会')
    }
    await releaseBooking(t, appointment, ctx.now(), ctx.user._id)
    const words = appointmentWords(appointment)
    // The worker hears of it from the step itself; the lawyer, unless they cancelled it.
    const others = [record.assigneeId].filter((id): id is string => Boolean(id) && id !== ctx.user._id)
    return {
      details: { appointment: undefined },
      entry: { appointment: words },
      notices: others.map((userId) => ({ userId, notice: { title: '调解室预约已取消', body: `您负责的一件${record.title}：${words}的预约已取消。`, link: workLink(record._id) } })),
    }
  })
  return takeStep(ctx, spec, caseId, 'cancelBooking', byDesk ? { note: byDesk.note } : {}, byDesk ? ['staff'] : ['owner', 'assignee'])
}
