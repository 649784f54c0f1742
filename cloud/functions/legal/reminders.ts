import { caseUrl } from '../../../types/services'
import type { CaseRecord } from '../../core/cases/record'
import type { InboxRecord } from '../../core/records'
import type { ScheduledRuntime } from '../../core/scheduled'
import { addDays, shanghaiDate } from '../../domain/workdays'
import { shanghaiMidnight } from '../../domain/time'
import { COLLECTIONS, type BookingRecord } from './records'
import { appointmentWords, workLink } from './spec'

/**
 * The reminder the day before a mediation-room appointment, to the worker and the lawyer
 * (scheduled work, ARCHITECTURE.md "Work on a clock"). Every appointment of tomorrow not reminded
 * yet — and of today, when the run is late — gets it once: the booking is marked in the same
 * transaction as the two inbox messages, so a second run, or two at once, send nothing more.
 */
export async function remindAppointments(rt: ScheduledRuntime): Promise<number> {
  const now = rt.clock()
  const endOfTomorrow = shanghaiMidnight(addDays(shanghaiDate(now), 2))
  const _ = rt.db.command
  let sent = 0
  for (;;) {
    const { data } = await rt.db
      .collection<BookingRecord>(COLLECTIONS.bookings)
      .where({ status: 'active', reminded: false, startAt: _.and(_.gt(now), _.lt(endOfTomorrow)) })
      .orderBy('startAt', 'asc')
      .limit(100)
      .get()
    for (const booking of data) if (await remindOnce(rt, booking._id, now)) sent++
    if (data.length < 100) return sent
  }
}

async function remindOnce(rt: ScheduledRuntime, bookingId: string, now: number): Promise<boolean> {
  return rt.db.runTransaction(async (tx) => {
    const ref = tx.collection<BookingRecord>(COLLECTIONS.bookings).doc(bookingId)
    const { data: booking } = await ref.get()
    if (!booking || booking.status !== 'active' || booking.reminded) return false
    const { data: record } = await tx.collection<CaseRecord>('cases').doc(booking.caseId).get()
    await ref.update({ data: { reminded: true } })
    const station = (record?.details as { appointment?: { stationName: string } } | undefined)?.appointment?.stationName ?? '调解室'
    const words = appointmentWords({ date: booking.date, start: booking.start, end: booking.end, stationName: station })
    const inbox = tx.collection<InboxRecord>('inbox')
    const title = booking.date === shanghaiDate(now) ? '今天的调解室预约' : '明天的调解室预约'
    await inbox.add({ data: { userId: booking.ownerId, title, body: `提醒：${words}。请带上身份证和相关材料；去不了请提前在案件页取消。`, link: caseUrl('legal', booking.caseId), read: false, createdAt: now } })
    // The lawyer of the case now, should it have been reassigned since the booking.
    await inbox.add({ data: { userId: record?.assigneeId ?? booking.assigneeId, title, body: `提醒：${words}，您负责的一件${record?.title ?? '法律援助案件'}。`, link: workLink(booking.caseId), read: false, createdAt: now } })
    return true
  })
}
