import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Envelope } from '../../types/envelope'
import type { Runtime } from '../../cloud/core/context'
import type { FileRecord } from '../../cloud/core/files'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { FUNCTIONS } from '../../cloud/functions/registry'
import { addRealNamedWorkers, benchIdNumber } from '../../bench/fixtures'
import { addUpload, applyForWinter } from '../cloud/aidFixtures'
import { newClass, signUp } from '../cloud/childcareFixtures'
import { inpatientClaim } from '../cloud/medicalFixtures'
import { ROOM, unpaidWages } from '../cloud/legalFixtures'
import { createHarness, MONDAY_10AM, type Harness } from '../cloud/harness'
import { buildJobsWorld, type JobsWorldIds } from './jobsWorld'

/**
 * The world every security test probes: the dev personas, two volunteers of one service each,
 * another real-named worker, and for both workers the records each service keeps (a station
 * report, two sign-ups, aid and medical cases in each state the desk acts on, uploads). Built once
 * per test file; every probe runs on its own copy, so that what one probe changes no other sees.
 */

/** Who calls: the identities of the authorization matrix. */
export const PEOPLE = {
  nobody: null,
  worker: 'dev-worker',
  otherWorker: 'sec-other-0',
  unnamedWorker: 'dev-worker2',
  stationsVolunteer: 'sec-volunteer-stations',
  aidVolunteer: 'sec-volunteer-aid',
  volunteer: 'dev-volunteer',
  hr: 'dev-hr',
  admin: 'dev-admin',
} as const
export type Identity = keyof typeof PEOPLE
export const IDENTITIES = Object.keys(PEOPLE) as Identity[]
/** Everyone who is signed in. */
export const CALLERS = IDENTITIES.filter((i) => PEOPLE[i] !== null) as Array<Exclude<Identity, 'nobody'>>

/** Whose record a probe aims at. */
export type Owner = 'worker' | 'otherWorker'
export const OWNERS: Owner[] = ['worker', 'otherWorker']

export const NOW = MONDAY_10AM
const DAY = 24 * 60 * 60 * 1000

/** A 1×1 PNG, what the stand-in of CloudBase storage hands back for any file. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

interface CaseIds {
  submitted: string
  inReview: string
  needsInfo: string
  approved: string
  /** What the rules suggest approving for the case in review. */
  inReviewSuggestedFen: number
}

/** Legal cases in each state the desk, the lawyer and the worker act on; the lawyer assigned is `dev-volunteer`. */
interface LegalIds {
  submitted: string
  /** Acknowledged and assigned. */
  assigned: string
  granted: string
  closed: string
  /** Granted, with a mediation-room appointment tomorrow afternoon. */
  booked: string
}

export interface WorldIds {
  station: string
  report: Record<Owner, string>
  futureClass: string
  runningClass: string
  /** A sign-up of a class that has not started: its guardian may still cancel it. */
  enrollment: Record<Owner, string>
  /** A sign-up of the running class: checked in, revealed. */
  runningEnrollment: Record<Owner, string>
  aid: Record<Owner, CaseIds>
  medical: Record<Owner, CaseIds>
  /** An upload attached to the owner's submitted aid case. */
  attachedUpload: Record<Owner, string>
  /** A message in the owner's inbox. */
  inbox: Record<Owner, string>
  /** Fresh uploads of each signed-in identity, per service. */
  uploads: Record<Exclude<Identity, 'nobody'>, { aid: string; medical: string; legal: string }>
  legal: Record<Owner, LegalIds>
  /** A free slot of a mediation room. */
  legalSlot: { stationId: string; date: string; start: string }
  /** Jobs, applications, fairs, employers and invitations (jobsWorld.ts). */
  jobs: JobsWorldIds
}

export interface World {
  ids: WorldIds
  /** The database once the world was built, serialized: what every probe starts from. */
  image: Buffer
  pii: Harness['pii']
}

/** The openid of an owner. */
export const ownerId = (owner: Owner) => PEOPLE[owner]

/** The identity of the other worker's ID number, for tests that need it. */
export const OTHER_WORKER_ID_NUMBER = benchIdNumber(0, '19850101')

async function addVolunteer(h: Harness, openid: string, services: string[]) {
  await h.db.collection('users').add({ data: { _id: openid, roles: ['worker', 'volunteer'], services, consents: {}, createdAt: 0, updatedAt: 0 } })
}

/** Copies a stored case under a new open key: the same application, another case to walk elsewhere. */
async function copyCase(h: Harness, caseId: string, key: string): Promise<string> {
  const { data } = await h.db.collection('cases').doc(caseId).get()
  const { _id, ...rest } = data as Record<string, unknown>
  void _id
  return (await h.db.collection('cases').add({ data: { ...rest, openKey: `sec:${key}` } }))._id
}

async function walkCases(h: Harness, service: 'aid' | 'medical', ids: string[], approveFen: (caseId: string) => Promise<number>): Promise<CaseIds> {
  const [submitted, inReview, needsInfo, approved] = ids
  for (const id of [inReview, needsInfo, approved]) await h.ok(PEOPLE.volunteer, service, 'claim', { caseId: id })
  await h.ok(PEOPLE.volunteer, service, 'askInfo', { caseId: needsInfo, note: '请补充户口本照片' })
  await h.ok(PEOPLE.volunteer, service, 'approve', { caseId: approved, amountFen: await approveFen(approved) })
  return { submitted, inReview, needsInfo, approved, inReviewSuggestedFen: await approveFen(inReview) }
}

export async function buildWorld(): Promise<World> {
  // On the sqlite driver: the world is copied as a database file for each probe.
  const h = await createHarness({ driver: () => new SqliteDb({ filename: ':memory:' }) })
  try {
    await addVolunteer(h, PEOPLE.stationsVolunteer, ['stations'])
    await addVolunteer(h, PEOPLE.aidVolunteer, ['aid'])
    await addRealNamedWorkers(h.db, h.pii, 1, 'sec-other')
    // The other worker's union enrolled them in this year's medical plan too.
    await h.db.collection('medical_members').add({
      data: { year: 2026, memberKey: `2026:${h.pii.blindIndex(OTHER_WORKER_ID_NUMBER)}`, nameMasked: '家*0', employer: '鹿城区快递网点', importedAt: 0, importedBy: 'seed' },
    })

    const station = 'demo-station-00001'
    const report = {} as Record<Owner, string>
    for (const owner of OWNERS) {
      report[owner] = (await h.ok(ownerId(owner), 'stations', 'report', { stationId: station, kind: 'broken', text: '微波炉坏了，加热没有反应' }))._id
    }

    const futureClass = (await h.ok(PEOPLE.admin, 'childcare', 'upsertClass', newClass({ title: '安全测试托班' })))._id
    const runningClass = (
      await h.ok(
        PEOPLE.admin,
        'childcare',
        'upsertClass',
        newClass({ title: '正在上课的托班', year: 2026, startDate: '2026-11-23', endDate: '2026-12-31', opensAt: NOW - 30 * DAY, closesAt: NOW + 10 * DAY }),
      )
    )._id
    const enrollment = {} as Record<Owner, string>
    const runningEnrollment = {} as Record<Owner, string>
    for (const [i, owner] of OWNERS.entries()) {
      enrollment[owner] = (await h.ok(ownerId(owner), 'childcare', 'enroll', signUp(futureClass, 10 + i)))._id
      runningEnrollment[owner] = (await h.ok(ownerId(owner), 'childcare', 'enroll', signUp(runningClass, 20 + i)))._id
    }

    const aid = {} as Record<Owner, CaseIds>
    const medical = {} as Record<Owner, CaseIds>
    const attachedUpload = {} as Record<Owner, string>
    for (const owner of OWNERS) {
      const first = await applyForWinter(h, ownerId(owner))
      const copies = [first]
      for (const state of ['review', 'info', 'approved']) copies.push(await copyCase(h, first, `${owner}-${state}`))
      aid[owner] = await walkCases(h, 'aid', copies, async () => 200_000)
      const { data } = await h.db.collection<{ attachments: Array<{ fileId: string }> }>('cases').doc(first).get()
      attachedUpload[owner] = data!.attachments[0].fileId

      const claims: string[] = []
      for (let i = 0; i < 4; i++) {
        const fileId = await addUpload(h, ownerId(owner), 'medical')
        claims.push((await h.ok(ownerId(owner), 'medical', 'submitClaim', inpatientClaim(fileId)))._id)
      }
      const suggested = async (caseId: string) => (await h.ok(PEOPLE.volunteer, 'medical', 'deskCase', { caseId })).suggestedFen as number
      medical[owner] = await walkCases(h, 'medical', claims, suggested)
    }

    const inbox = {} as Record<Owner, string>
    for (const owner of OWNERS) inbox[owner] = (await h.ok(ownerId(owner), 'users', 'inbox', {})).items[0]._id

    const uploads = {} as WorldIds['uploads']
    for (const who of CALLERS) {
      uploads[who] = { aid: await addUpload(h, PEOPLE[who], 'aid'), medical: await addUpload(h, PEOPLE[who], 'medical'), legal: await addUpload(h, PEOPLE[who], 'legal') }
    }

    // Both workers have an approved case not yet paid, which stops closing: each asked the union to close it.
    for (const owner of OWNERS) await h.ok(ownerId(owner), 'mydata', 'requestClosing', {})
    // And one whose reason to wait has ended since: the union may close it now.
    await h.db.collection('closing_requests').add({ data: { _id: PEOPLE.unnamedWorker, userId: PEOPLE.unnamedWorker, nameMasked: '未实名用户', requestedAt: NOW - DAY, blockers: [] } })

    const jobs = await buildJobsWorld(h, { worker: PEOPLE.worker, otherWorker: PEOPLE.otherWorker }, NOW)

    const legal = await buildLegalCases(h)
    const legalSlot = { stationId: ROOM, date: '2026-12-03', start: '14:00' }

    const ids: WorldIds = { station, report, futureClass, runningClass, enrollment, runningEnrollment, aid, medical, attachedUpload, inbox, uploads, legal, legalSlot, jobs }
    return { ids, image: (h.db as SqliteDb).sql.serialize(), pii: h.pii }
  } finally {
    h.close()
  }
}

/**
 * Each worker's legal cases, walked by the desk (`dev-volunteer`, real-named here so that it can be
 * assigned: a legal volunteer takes cases as the lawyers of the panel do).
 */
async function buildLegalCases(h: Harness): Promise<Record<Owner, LegalIds>> {
  const desk = PEOPLE.volunteer
  await h.db.collection('users').doc(desk).update({
    data: { profile: { name: '王志愿', employer: '鹿城区总工会', unionMember: true, mobileMasked: '139****0001', idNumberMasked: '3303**********0018' } },
  })
  const legal = {} as Record<Owner, LegalIds>
  for (const [i, owner] of OWNERS.entries()) {
    const ask = async () => (await h.ok(ownerId(owner), 'legal', 'ask', unpaidWages()))._id as string
    const [submitted, assigned, granted, closed, booked] = [await ask(), await ask(), await ask(), await ask(), await ask()]
    for (const caseId of [assigned, granted, closed, booked]) {
      await h.ok(desk, 'legal', 'acknowledge', { caseId })
      await h.ok(desk, 'legal', 'assign', { caseId, assigneeId: desk })
    }
    for (const caseId of [granted, closed, booked]) await h.ok(desk, 'legal', 'grant', { caseId })
    await h.ok(desk, 'legal', 'close', { caseId: closed, outcome: 'mediated', recoveredFen: 300_000, note: '调解成功' })
    await h.ok(ownerId(owner), 'legal', 'book', { caseId: booked, stationId: ROOM, date: '2026-12-01', start: i === 0 ? '14:00' : '14:30' })
    legal[owner] = { submitted, assigned, granted, closed, booked }
  }
  return legal
}

const CLONE_DIR = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'lugong-sec-'))
let clones = 0

/** A database holding the world as it was built, in a file of its own; `dispose` removes it. */
export function openCopy(world: World): { db: SqliteDb; dispose(): void } {
  const file = join(CLONE_DIR, `world-${process.pid}-${clones++}.sqlite`)
  writeFileSync(file, world.image)
  const db = new SqliteDb({ filename: file })
  return {
    db,
    dispose() {
      db.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    },
  }
}

/** Removes the folder of copies; called once a test file is done. */
export function removeCopies() {
  rmSync(CLONE_DIR, { recursive: true, force: true })
}

/** The platform's side of a call: a file link signer and CloudBase storage that hands back a PNG. */
export function runtimeFor(db: SqliteDb, world: World, openid: string | null): Runtime {
  return {
    db,
    pii: world.pii,
    openid,
    clock: () => NOW,
    fileLink: async (file: FileRecord, expiresAt: number) => `/files/${file._id}?exp=${expiresAt}`,
    cloudStorage: { read: async () => PNG, remove: async () => undefined },
    // Files a function makes (a copy of someone's data) are kept nowhere in these probes.
    fileStore: { put: async () => ({}), remove: async () => undefined },
  }
}

/** Calls `fn.action` on `db` as a transport would. */
export function callOn(db: SqliteDb, world: World, openid: string | null, fn: string, action: string, payload: unknown, requestId?: string) {
  return FUNCTIONS[fn].handle({ action, payload, requestId }, runtimeFor(db, world, openid)) as Promise<Envelope<any>>
}

/**
 * Every document of every collection, in a stable text form per collection: two snapshots are
 * equal exactly when nothing was written.
 */
export function snapshot(db: SqliteDb): Record<string, string> {
  const tables = db.sql.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\' ORDER BY name`).pluck().all() as string[]
  return Object.fromEntries(
    tables.map((table) => [
      table.replace(/^c_/, ''),
      JSON.stringify(db.sql.prepare(`SELECT _id, doc FROM ${table} ORDER BY _id`).raw(true).all()),
    ]),
  )
}

/** Which collections differ between two snapshots. */
export function changedCollections(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((c) => (before[c] ?? '[]') !== (after[c] ?? '[]')).sort()
}
