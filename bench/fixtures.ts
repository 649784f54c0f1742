import type { CaseStatus } from '../types/cases'
import type { Db } from '../cloud/db/types'
import type { Pii } from '../cloud/core/pii'
import { idCheckChar } from '../cloud/domain/identity/idNumber'
import { maskIdNumber, maskMobile } from '../cloud/domain/identity/mask'
import { formatShanghai } from '../cloud/domain/time'
import { FIRST_VERSION } from '../cloud/domain/policies/texts'
import { demoStations } from '../cloud/local/seed/demoStations'
import type { Facility } from '../types/stations'

/** Adds `count` stations spread over Lucheng (ids `bench-station-*`), in one transaction. */
export async function addBenchStations(db: Db, count: number) {
  const stations = demoStations(count, Date.now(), 42)
  await db.runTransaction(async (tx) => {
    for (const s of stations) await tx.collection('stations').add({ data: { ...s, _id: s._id.replace('demo', 'bench'), demo: false } })
  })
}

/** A deterministic stream of "a worker somewhere in Lucheng asks for stations with X". */
export function nearbyQueries(n: number) {
  const filters: Facility[][] = [['microwave'], ['charging'], ['microwave', 'toilet'], ['water', 'wifi'], ['nursing']]
  let seed = 7
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
  return Array.from({ length: n }, (_, i) => ({
    lat: 27.99 + rand() * 0.07,
    lng: 120.58 + rand() * 0.14,
    facilities: filters[i % filters.length],
    limit: 20,
  }))
}

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

const DAY = 24 * 60 * 60 * 1000

/** A valid ID number for person `n` born on `yyyymmdd` (distinct for n < 1000 per birth date). */
export function benchIdNumber(n: number, yyyymmdd: string) {
  const first17 = `330302${yyyymmdd}${String(n % 1000).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

/** Workers `<prefix>-<i>`, real-named (so each can sign a child up); answers their openids. */
export async function addRealNamedWorkers(db: Db, pii: Pii, count: number, prefix: string): Promise<string[]> {
  const openids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  await db.runTransaction(async (tx) => {
    for (const [i, openid] of openids.entries()) {
      const idNumber = benchIdNumber(i, `1985${String(1 + Math.floor(i / 1000)).padStart(2, '0')}01`)
      await tx.collection('users').add({
        data: {
          _id: openid,
          roles: ['worker'],
          services: [],
          consents: {},
          profile: { name: `家长${i}`, employer: '鹿城区快递网点', unionMember: true, mobileMasked: maskMobile('13900000000'), idNumberMasked: maskIdNumber(idNumber) },
          pii: { mobile: pii.encrypt('13900000000'), idNumber: pii.encrypt(idNumber), idNumberBlind: pii.blindIndex(idNumber) },
          createdAt: 0,
          updatedAt: 0,
        },
      })
      await tx.collection('realname_claims').add({ data: { _id: pii.blindIndex(idNumber), userId: openid, at: 0 } })
    }
  })
  return openids
}

/** `bench-class`: `capacity` seats, sign-up open from a minute ago. */
export async function addRushClass(db: Db, capacity: number) {
  const now = Date.now()
  await db.collection('childcare_classes').add({
    data: {
      _id: 'bench-class',
      title: '压测托班',
      year: 2027,
      season: 'summer',
      termKey: '2027-summer',
      siteName: '五马街道职工之家',
      siteAddress: '温州市鹿城区解放路120号',
      location: { type: 'Point', coordinates: [120.6568, 28.0189] },
      startDate: formatShanghai(now + 60 * DAY, 'YYYY-MM-DD'),
      endDate: formatShanghai(now + 70 * DAY, 'YYYY-MM-DD'),
      weekdays: [1, 2, 3, 4, 5],
      dailyStart: '08:30',
      dailyEnd: '17:30',
      minAge: 6,
      maxAge: 12,
      capacity,
      feeFen: 0,
      opensAt: now - 60_000,
      closesAt: now + 10 * DAY,
      cancelDaysBefore: 3,
      status: 'open',
      seatsLeft: capacity,
      createdAt: now,
      updatedAt: now,
    },
  })
}

/** The sign-up of worker `i`'s child. */
export function rushSignUp(i: number) {
  return {
    classId: 'bench-class',
    child: {
      name: `孩子${i}`,
      idNumber: benchIdNumber(i, `2018${String(1 + Math.floor(i / 1000)).padStart(2, '0')}15`),
      gender: i % 2 ? 'male' : 'female',
      school: '广场路小学',
      grade: 2,
      healthNotes: '',
    },
    emergencyContact: { name: '外婆', mobile: '13811112222' },
    consentVersion: FIRST_VERSION,
  }
}

/** The spread of a desk's history: most cases finished, the rest in each open state. */
const CASE_MIX: Array<[CaseStatus, number]> = [
  ['paid', 50],
  ['rejected', 10],
  ['withdrawn', 5],
  ['submitted', 10],
  ['resubmitted', 3],
  ['in_review', 8],
  ['needs_info', 6],
  ['approved', 8],
]

/**
 * What every bench case holds as the case store writes it, whatever its service and state: the
 * sealed application (sealed once, shared by all), its masks, materials, consent and first step.
 */
export function benchCaseFiling(pii: Pii) {
  const sealed = pii.encrypt(JSON.stringify({ applicant: { name: '张建国', idNumber: benchIdNumber(1, '19850101'), mobile: '13900000000' }, members: [], story: '基准测试用的申请说明，共二十个字以上。' }))
  return (submittedAt: number) => ({
    applicantMasked: '张*国',
    notifyByWeChat: false,
    sealed,
    masked: { mobile: '139****0000', idNumber: '3303**********0011' },
    materials: ['id_card'],
    attachments: [],
    consent: { version: '2026.11', at: submittedAt },
    timeline: [{ at: submittedAt, action: 'submit', status: 'submitted', by: 'owner' }],
  })
}

/**
 * `count` cases of the aid, medical and legal desks (60 / 30 / 10 %), submitted over the last year,
 * written straight into the database in the shape the case store writes.
 */
export async function addBenchCases(db: Db, pii: Pii, count: number, now: number) {
  const filing = benchCaseFiling(pii)
  const statuses = CASE_MIX.flatMap(([status, weight]) => Array<CaseStatus>(weight).fill(status))
  const YEAR = 365 * 24 * 60 * 60 * 1000
  await db.runTransaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const service = i % 10 < 6 ? 'aid' : i % 10 < 9 ? 'medical' : 'legal'
      const status = statuses[(i * 7919) % statuses.length]
      const submittedAt = now - Math.floor(((i * 104_729) % 1000) / 1000 * YEAR)
      await tx.collection('cases').add({
        data: {
          service,
          kind: 'winter_warmth',
          year: 2026,
          title: '2026年冬送温暖',
          ownerId: `bench-owner-${i}`,
          openKey: `bench:${i}`,
          status,
          assigneeId: ['in_review', 'needs_info', 'approved', 'paid', 'rejected'].includes(status) ? `bench-volunteer-${i % 7}` : undefined,
          submittedAt,
          updatedAt: submittedAt,
          waitingSince: submittedAt + (i % 5) * 60_000,
          details: { programme: 'winter_warmth', householdSize: 3, tiers: ['deep'] },
          ...filing(submittedAt),
        },
      })
    }
  })
}
