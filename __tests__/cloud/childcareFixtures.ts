import { addRealNamedWorkers, benchIdNumber } from '../../bench/fixtures'
import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { MONDAY_10AM, type Harness } from './harness'

const HOUR = 60 * 60 * 1000

/** A valid ID number of a child born on `yyyymmdd`, distinct per `n` (0…999). */
export const childId = (n: number, yyyymmdd = '20180315') => benchIdNumber(n, yyyymmdd)

/** Adds real-named workers `parent-<i>` straight into the database. */
export const addRealNamedParents = (h: Harness, count: number, prefix = 'parent') => addRealNamedWorkers(h.db, h.pii, count, prefix)

export const newClass = (over: Record<string, unknown> = {}) => ({
  title: '测试托班',
  year: 2027,
  season: 'winter',
  siteName: '五马街道职工之家',
  siteAddress: '温州市鹿城区解放路120号',
  lat: 28.0189,
  lng: 120.6568,
  startDate: '2027-01-25',
  endDate: '2027-02-05',
  weekdays: [1, 2, 3, 4, 5],
  dailyStart: '08:30',
  dailyEnd: '17:30',
  minAge: 6,
  maxAge: 12,
  capacity: 30,
  feeFen: 0,
  opensAt: MONDAY_10AM - HOUR,
  closesAt: MONDAY_10AM + 10 * 24 * HOUR,
  cancelDaysBefore: 3,
  ...over,
})

export const signUp = (classId: string, n: number, over: Record<string, unknown> = {}) => ({
  classId,
  child: { name: `孩子${n}号`, idNumber: childId(n), gender: 'female', school: '广场路小学', grade: 2, healthNotes: '花生过敏' },
  emergencyContact: { name: '外婆', mobile: '13811112222' },
  consentVersion: FIRST_VERSION,
  ...over,
})
