import { termKeyOf } from '../../domain/childcare/rules'
import { formatShanghai, shanghaiMidnight } from '../../domain/time'
import type { ClassRecord } from '../../functions/childcare/records'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Two demo classes dated from the day the demo data is first seeded: one taking sign-ups now,
 * one whose sign-up opens at 9:00 three days later (to show the countdown).
 */
export function demoClasses(now: number): ClassRecord[] {
  const day = (offset: number) => formatShanghai(now + offset * DAY_MS, 'YYYY-MM-DD')
  const nineAm = (offset: number) => shanghaiMidnight(day(offset)) + 9 * 60 * 60 * 1000
  const make = (
    _id: string,
    title: string,
    site: { name: string; address: string; lat: number; lng: number; stationId?: string },
    opensAt: number,
    closesInDays: number,
    startsInDays: number,
  ): ClassRecord => {
    const startDate = day(startsInDays)
    const month = Number(startDate.slice(5, 7))
    const season = month >= 6 && month <= 9 ? 'summer' : 'winter'
    const year = Number(startDate.slice(0, 4))
    return {
      _id,
      title,
      year,
      season,
      termKey: termKeyOf(year, season),
      stationId: site.stationId,
      siteName: site.name,
      siteAddress: site.address,
      location: { type: 'Point', coordinates: [site.lng, site.lat] },
      startDate,
      endDate: day(startsInDays + 11),
      weekdays: [1, 2, 3, 4, 5],
      dailyStart: '08:30',
      dailyEnd: '17:30',
      minAge: 6,
      maxAge: 12,
      capacity: 30,
      feeFen: 0,
      opensAt,
      closesAt: nineAm(closesInDays),
      cancelDaysBefore: 3,
      status: 'open',
      seatsLeft: 30,
      demo: true,
      createdAt: now,
      updatedAt: now,
    }
  }
  return [
    make(
      'demo-class-1',
      '五马街道职工子女爱心托班（一班）',
      { name: '五马街道职工之家', address: '温州市鹿城区五马街道解放路120号', lat: 28.0189, lng: 120.6568 },
      nineAm(-1),
      25,
      40,
    ),
    make(
      'demo-class-2',
      '南汇街道职工子女爱心托班（二班）',
      { name: '南汇街道职工服务中心', address: '温州市鹿城区南汇街道锦绣路88号', lat: 27.9986, lng: 120.6741 },
      nineAm(3),
      25,
      45,
    ),
  ]
}
