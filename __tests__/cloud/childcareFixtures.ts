import { idCheckChar } from '../../cloud/domain/identity/idNumber'
import { maskIdNumber, maskMobile } from '../../cloud/domain/identity/mask'
import { CHILD_DATA_POLICY } from '../../types/childcare'
import { MONDAY_10AM, type Harness } from './harness'

const HOUR = 60 * 60 * 1000

/** A valid ID number of a child born on `yyyymmdd`, distinct per `n` (0…999). */
export function childId(n: number, yyyymmdd = '20180315') {
  const first17 = `330302${yyyymmdd}${String(n % 1000).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

/** Adds real-named workers `parent-<i>` straight into the database. */
export async function addRealNamedParents(h: Harness, count: number, prefix = 'parent') {
  const ids: string[] = []
  await h.db.runTransaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const openid = `${prefix}-${i}`
      const idNumber = childId(i, '19880101')
      await tx.collection('users').add({
        data: {
          _id: openid,
          roles: ['worker'],
          services: [],
          consents: {},
          profile: { name: `家长${i}`, employer: '鹿城区某公司', unionMember: true, mobileMasked: maskMobile('13900000000'), idNumberMasked: maskIdNumber(idNumber) },
          pii: { mobile: h.pii.encrypt('13900000000'), idNumber: h.pii.encrypt(idNumber), idNumberBlind: h.pii.blindIndex(idNumber) },
          createdAt: 0,
          updatedAt: 0,
        },
      })
      ids.push(openid)
    }
  })
  return ids
}

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
  consentVersion: CHILD_DATA_POLICY.version,
  ...over,
})
