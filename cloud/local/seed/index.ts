import { FIRST_VERSION } from '../../domain/policies/texts'
import type { Db } from '../../db/types'
import { DuplicateKeyError } from '../../db/types'
import type { Pii } from '../../core/pii'
import type { UserRecord } from '../../core/records'
import { maskIdNumber, maskMobile, maskName } from '../../domain/identity/mask'
import { formatShanghai } from '../../domain/time'
import { memberKeyOf, type MemberRecord } from '../../functions/medical/plans'
import { demoClasses } from './demoClasses'
import { demoStations } from './demoStations'
import { completeDemoEmployers, demoEmployers, demoFair, demoJobs } from './demoJobs'
import { PERSONAS } from './personas'

export const DEMO_STATION_COUNT = 64

/** Inserts a document unless one with its `_id` exists: seeding twice neither duplicates nor wipes. */
async function insertIfMissing<T extends { _id: string }>(db: Db, collection: string, doc: T): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc })
    return true
  } catch (error) {
    if (error instanceof DuplicateKeyError) return false
    throw error
  }
}

/**
 * The demo data: stations, classes, employers with jobs and a fair, and — in dev mode only — the dev personas with
 * 张建国's medical cover. Production never gets the personas (their `dev-` ids are refused there).
 */
export async function seedDemoData(db: Db, pii: Pii, now: number, options: { personas?: boolean } = {}): Promise<{ inserted: number }> {
  let inserted = 0
  const count = async (p: Promise<boolean>) => {
    if (await p) inserted++
  }
  for (const p of options.personas === false ? [] : PERSONAS) {
    const user: UserRecord = {
      _id: p.openid,
      roles: p.roles,
      services: p.services,
      employerId: p.employerId,
      consents: {},
      createdAt: now,
      updatedAt: now,
    }
    if (p.profile) {
      const { name, employer, unionMember, mobile, idNumber } = p.profile
      user.profile = { name, employer, unionMember, mobileMasked: maskMobile(mobile), idNumberMasked: maskIdNumber(idNumber) }
      user.pii = { mobile: pii.encrypt(mobile), idNumber: pii.encrypt(idNumber), idNumberBlind: pii.blindIndex(idNumber) }
      // They agreed to the real-name notice in force when they were real-named.
      user.consents = { realname: { version: FIRST_VERSION, at: now } }
    }
    await count(insertIfMissing(db, 'users', user))
    if (user.pii) await insertIfMissing(db, 'realname_claims', { _id: user.pii.idNumberBlind, userId: user._id, at: now })
    if (p.profile?.unionMember) {
      // Their union enrolled them in this year's medical mutual-aid plan.
      const year = Number(formatShanghai(now, 'YYYY'))
      const memberKey = memberKeyOf(year, pii.blindIndex(p.profile.idNumber))
      const member: MemberRecord = { _id: `demo-${memberKey}`, year, memberKey, nameMasked: maskName(p.profile.name), employer: p.profile.employer, importedAt: now, importedBy: 'seed' }
      await count(insertIfMissing(db, 'medical_members', member))
    }
  }
  // Employers (and what an older data folder's demo employer lacks), six jobs, one fair.
  for (const employer of demoEmployers(now)) await count(insertIfMissing(db, 'employers', employer))
  inserted += await completeDemoEmployers(db, now)
  for (const job of demoJobs(now)) await count(insertIfMissing(db, 'jobs', job))
  await count(insertIfMissing(db, 'fairs', demoFair(now)))
  for (const station of demoStations(DEMO_STATION_COUNT, now)) {
    await count(insertIfMissing(db, 'stations', station))
    // A demo station of an older data folder gets the area the demo data now has.
    await db.collection('stations').where({ _id: station._id, demo: true, areaM2: db.command.exists(false) }).update({ data: { areaM2: station.areaM2 } })
  }
  for (const childcareClass of demoClasses(now)) await count(insertIfMissing(db, 'childcare_classes', childcareClass))
  return { inserted }
}
