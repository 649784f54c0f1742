import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import type { SqliteDb } from '../../cloud/db/sqlite/driver'
import { benchIdNumber } from '../../bench/fixtures'
import { signUp } from '../cloud/childcareFixtures'
import { inpatientClaim } from '../cloud/medicalFixtures'
import { winterApplication } from '../cloud/aidFixtures'
import { newEmployer } from '../cloud/jobsFixtures'
import { buildWorld, callOn, changedCollections, NOW, openCopy, PEOPLE, removeCopies, snapshot, type World, type WorldIds } from './world'

/**
 * "A call answered with an error writes nothing" — whatever refuses it: not only the schema, but
 * the state of a record (already claimed, already cancelled), a UNIQUE key (the same child twice,
 * a second open application), a limit checked in the step (an amount above the rules). Each probe
 * runs on its own copy of the world, snapshots every collection, calls, and compares.
 */

interface Refusal {
  /** Puts the copy in the state the refusal needs (before the snapshot). */
  arrange?(db: SqliteDb, ids: WorldIds): Promise<void>
  /** The caller's openid. */
  caller: string
  fn: string
  action: string
  payload(ids: WorldIds): object
  code: string
}

const forgetLedger = async (db: SqliteDb) => {
  await db.collection('medical_ledgers').where({ ownerId: PEOPLE.worker }).remove()
}

const REFUSALS: Record<string, Refusal> = {
  'users.updateProfile with an ID number real-named on another account': {
    // Consented, so the refusal is the ID number's and not the missing consent's.
    arrange: async (db) => {
      await db.collection('users').doc(PEOPLE.unnamedWorker).update({ data: { consents: { realname: { version: FIRST_VERSION, at: NOW } } } })
    },
    caller: PEOPLE.unnamedWorker,
    fn: 'users',
    action: 'updateProfile',
    payload: () => ({ name: '李秀英', mobile: '13966602222', idNumber: benchIdNumber(0, '19850101'), employer: '鹿城区环卫所', unionMember: true }),
    code: 'CONFLICT',
  },
  'stations.resolveReport of a report already resolved': {
    arrange: async (db, ids) => {
      await db.collection('station_reports').doc(ids.report.worker).update({ data: { status: 'resolved' } })
    },
    caller: PEOPLE.stationsVolunteer,
    fn: 'stations',
    action: 'resolveReport',
    payload: (ids) => ({ id: ids.report.worker, reply: '已经修好了' }),
    code: 'FAILED_PRECONDITION',
  },
  'childcare.enroll of a child already signed up this term, seats free': {
    caller: PEOPLE.worker,
    fn: 'childcare',
    action: 'enroll',
    payload: (ids) => signUp(ids.futureClass, 10),
    code: 'CONFLICT',
  },
  'childcare.enroll of a child already signed up this term, class full': {
    arrange: async (db, ids) => {
      await db.collection('childcare_classes').doc(ids.futureClass).update({ data: { seatsLeft: 0 } })
    },
    caller: PEOPLE.worker,
    fn: 'childcare',
    action: 'enroll',
    payload: (ids) => signUp(ids.futureClass, 10),
    code: 'CONFLICT',
  },
  'childcare.cancel of a sign-up already cancelled': {
    arrange: async (db, ids) => {
      await db.collection('childcare_enrollments').doc(ids.enrollment.worker).update({ data: { status: 'cancelled' } })
    },
    caller: PEOPLE.worker,
    fn: 'childcare',
    action: 'cancel',
    payload: (ids) => ({ enrollmentId: ids.enrollment.worker }),
    code: 'FAILED_PRECONDITION',
  },
  'aid.apply for a programme already applied for this year': {
    caller: PEOPLE.worker,
    fn: 'aid',
    action: 'apply',
    payload: (ids) => winterApplication(ids.uploads.worker.aid),
    code: 'CONFLICT',
  },
  'aid.claim of a case already in review': {
    caller: PEOPLE.aidVolunteer,
    fn: 'aid',
    action: 'claim',
    payload: (ids) => ({ caseId: ids.aid.worker.inReview }),
    code: 'FAILED_PRECONDITION',
  },
  'aid.approve above what the programme pays': {
    caller: PEOPLE.volunteer,
    fn: 'aid',
    action: 'approve',
    payload: (ids) => ({ caseId: ids.aid.worker.inReview, amountFen: 300_000 }),
    code: 'INVALID_ARGUMENT',
  },
  "medical.approve above the rules' estimate, the worker's first approval of the year": {
    arrange: forgetLedger,
    caller: PEOPLE.volunteer,
    fn: 'medical',
    action: 'approve',
    payload: (ids) => ({ caseId: ids.medical.worker.inReview, amountFen: ids.medical.worker.inReviewSuggestedFen + 1 }),
    code: 'INVALID_ARGUMENT',
  },
  "medical.approve of a claim nobody has claimed, the worker's first approval of the year": {
    arrange: forgetLedger,
    caller: PEOPLE.volunteer,
    fn: 'medical',
    action: 'approve',
    payload: (ids) => ({ caseId: ids.medical.worker.submitted, amountFen: ids.medical.worker.inReviewSuggestedFen }),
    code: 'FAILED_PRECONDITION',
  },
  "medical.approve by a medical volunteer who did not claim the case, the worker's first approval of the year": {
    arrange: async (db) => {
      await forgetLedger(db)
      await db.collection('users').add({ data: { _id: 'sec-volunteer-medical', roles: ['worker', 'volunteer'], services: ['medical'], consents: {}, createdAt: 0, updatedAt: 0 } })
    },
    caller: 'sec-volunteer-medical',
    fn: 'medical',
    action: 'approve',
    payload: (ids) => ({ caseId: ids.medical.worker.inReview, amountFen: ids.medical.worker.inReviewSuggestedFen }),
    code: 'FORBIDDEN',
  },
  'medical.submitClaim of a second critical illness in a plan year': {
    arrange: async (db, ids) => {
      await db.collection('cases').doc(ids.medical.worker.submitted).update({ data: { kind: 'critical_illness' } })
    },
    caller: PEOPLE.worker,
    fn: 'medical',
    action: 'submitClaim',
    payload: (ids) => inpatientClaim(ids.uploads.worker.medical, { category: 'critical_illness', admissionDate: undefined, dischargeDate: undefined, billDate: '2026-11-12' }),
    code: 'FAILED_PRECONDITION',
  },
  'jobs.apply to a job already applied to': {
    caller: PEOPLE.worker,
    fn: 'jobs',
    action: 'apply',
    payload: (ids) => ({ jobId: ids.jobs.job }),
    code: 'CONFLICT',
  },
  'jobs.apply to a job whose employer was suspended': {
    arrange: async (db) => {
      await db.collection('employers').doc('demo-employer-1').update({ data: { status: 'suspended' } })
    },
    caller: PEOPLE.worker,
    fn: 'jobs',
    action: 'apply',
    payload: (ids) => ({ jobId: ids.jobs.freshJob }),
    code: 'FAILED_PRECONDITION',
  },
  'jobs.hire before an interview': {
    caller: PEOPLE.hr,
    fn: 'jobs',
    action: 'hire',
    payload: (ids) => ({ applicationId: ids.jobs.application.worker }),
    code: 'FAILED_PRECONDITION',
  },
  'jobs.publishJob for an employer not verified': {
    arrange: async (db) => {
      await db.collection('employers').doc('demo-employer-1').update({ data: { status: 'pending' } })
    },
    caller: PEOPLE.hr,
    fn: 'jobs',
    action: 'publishJob',
    payload: (ids) => ({ jobId: ids.jobs.draftJob }),
    code: 'FAILED_PRECONDITION',
  },
  'jobs.joinEmployer with a code already used': {
    arrange: async (db) => {
      await db.collection('employer_invitations').where({ status: 'open' }).update({ data: { status: 'used' } })
    },
    caller: PEOPLE.worker,
    fn: 'jobs',
    action: 'joinEmployer',
    payload: (ids) => ({ code: ids.jobs.invitationCode }),
    code: 'INVALID_ARGUMENT',
  },
  'jobs.signUpFair to a fair whose places are gone': {
    arrange: async (db, ids) => {
      await db.collection('fairs').doc(ids.jobs.fair).update({ data: { seatsLeft: 0 } })
    },
    caller: PEOPLE.worker,
    fn: 'jobs',
    action: 'signUpFair',
    payload: (ids) => ({ fairId: ids.jobs.fair }),
    code: 'FAILED_PRECONDITION',
  },
  'jobs.signUpFair twice': {
    caller: PEOPLE.worker,
    fn: 'jobs',
    action: 'signUpFair',
    payload: (ids) => ({ fairId: ids.jobs.signedFair }),
    code: 'CONFLICT',
  },
  'jobs.saveEmployer with a credit code another employer has': {
    caller: PEOPLE.admin,
    fn: 'jobs',
    action: 'saveEmployer',
    payload: () => newEmployer({ name: '重复代码的企业', creditCode: '91330302MA2HL8QD19' }),
    code: 'CONFLICT',
  },
  "legal.book of a slot another case holds (the UNIQUE slot key, in the step's transaction)": {
    caller: PEOPLE.worker,
    fn: 'legal',
    action: 'book',
    // The other worker's booked case holds 1 December 14:30.
    payload: (ids) => ({ caseId: ids.legal.worker.assigned, stationId: ids.legalSlot.stationId, date: '2026-12-01', start: '14:30' }),
    code: 'CONFLICT',
  },
  'legal.book of a second appointment while the case holds one': {
    caller: PEOPLE.worker,
    fn: 'legal',
    action: 'book',
    payload: (ids) => ({ caseId: ids.legal.worker.booked, ...ids.legalSlot }),
    code: 'FAILED_PRECONDITION',
  },
  'legal.cancelBooking by the worker less than two hours before': {
    arrange: async (db, ids) => {
      await db.collection('cases').doc(ids.legal.worker.booked).update({ data: { details: { appointment: { startAt: NOW + 60 * 60 * 1000 } } } })
    },
    caller: PEOPLE.worker,
    fn: 'legal',
    action: 'cancelBooking',
    payload: (ids) => ({ caseId: ids.legal.worker.booked }),
    code: 'FAILED_PRECONDITION',
  },
  'legal.rate of a case rated already': {
    arrange: async (db, ids) => {
      await db.collection('cases').doc(ids.legal.worker.closed).update({ data: { details: { rating: { stars: 4, at: 0 } } } })
    },
    caller: PEOPLE.worker,
    fn: 'legal',
    action: 'rate',
    payload: (ids) => ({ caseId: ids.legal.worker.closed, stars: 5 }),
    code: 'FAILED_PRECONDITION',
  },
  'legal.send by a lawyer of the panel not assigned to the case': {
    arrange: async (db) => {
      await db.collection('users').doc('dev-lawyer').update({ data: { roles: ['worker', 'lawyer'] } })
    },
    caller: 'dev-lawyer',
    fn: 'legal',
    action: 'send',
    payload: (ids) => ({ caseId: ids.legal.worker.assigned, text: '我来看看' }),
    code: 'FORBIDDEN',
  },
  'legal.assign to someone who is neither a lawyer nor a legal volunteer': {
    caller: PEOPLE.volunteer,
    fn: 'legal',
    action: 'assign',
    payload: (ids) => ({ caseId: ids.legal.worker.assigned, assigneeId: PEOPLE.hr }),
    code: 'INVALID_ARGUMENT',
  },
}

let world: World
beforeAll(async () => {
  world = await buildWorld()
})
afterAll(removeCopies)

describe('a call answered with an error writes nothing, whatever refuses it', () => {
  it.each(Object.entries(REFUSALS))('%s', async (_name, r) => {
    const copy = openCopy(world)
    try {
      await r.arrange?.(copy.db, world.ids)
      const before = snapshot(copy.db)
      const res = await callOn(copy.db, world, r.caller, r.fn, r.action, r.payload(world.ids), 'refusal-probe-1')
      expect(res.ok ? 'ok' : res.error.code).toBe(r.code)
      expect(changedCollections(before, snapshot(copy.db))).toEqual([])
    } finally {
      copy.dispose()
    }
  })
})
