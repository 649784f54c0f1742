import { DEMO_EMPLOYER_2_ID } from '../../cloud/local/seed/demoJobs'
import { ENTRIES } from './catalogue'
import { buildWorld, callOn, changedCollections, openCopy, removeCopies, snapshot, type World } from './world'

/**
 * An HR contact acts only for their own employer: the HR contact of another verified employer,
 * calling every HR action of the catalogue on the demo employer's jobs and applicants, is refused
 * (FORBIDDEN, or NOT_FOUND for a record not theirs to know of) and writes nothing; the one action
 * that names no record, their own list, holds none of the demo employer's jobs.
 */
const OTHER_HR = 'sec-hr-other-employer'

let world: World
beforeAll(async () => {
  world = await buildWorld()
})
afterAll(removeCopies)

async function asOtherHr(fn: string, action: string, payload: object) {
  const copy = openCopy(world)
  try {
    await copy.db.collection('users').add({ data: { _id: OTHER_HR, roles: ['worker', 'hr'], services: [], employerId: DEMO_EMPLOYER_2_ID, consents: {}, createdAt: 0, updatedAt: 0 } })
    const before = snapshot(copy.db)
    const res = await callOn(copy.db, world, OTHER_HR, fn, action, payload)
    return { res, wrote: changedCollections(before, snapshot(copy.db)) }
  } finally {
    copy.dispose()
  }
}

const HR_ENTRIES = ENTRIES.filter(([, , entry]) => entry.who === 'hr')

describe('the HR contact of another employer', () => {
  it('is probed on every HR action of the catalogue', () => {
    expect(HR_ENTRIES.map(([fn, action]) => `${fn}.${action}`).sort()).toEqual(
      ['applicants', 'closeJob', 'decline', 'hire', 'hrApplication', 'hrJob', 'hrJobs', 'invite', 'publishJob', 'saveJob'].map((a) => `jobs.${a}`),
    )
  })

  it.each(HR_ENTRIES.filter(([, action]) => action !== 'hrJobs').flatMap(([fn, action, entry]) => (['worker', 'otherWorker'] as const).map((owner) => [`${fn}.${action} on ${owner}'s record`, fn, action, entry, owner] as const)))(
    'is refused %s and writes nothing',
    async (_name, fn, action, entry, owner) => {
      const { res, wrote } = await asOtherHr(fn, action, entry.payload(world.ids, { owner, caller: 'hr' }))
      expect(res.ok ? 'ok' : res.error.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/)
      expect(wrote).toEqual([])
    },
  )

  it('sees only its own employer in its list', async () => {
    const { res } = await asOtherHr('jobs', 'hrJobs', {})
    if (!res.ok) throw new Error(JSON.stringify(res.error))
    const data = res.data as { employer: { _id: string }; items: Array<{ _id: string }> }
    expect(data.employer._id).toBe(DEMO_EMPLOYER_2_ID)
    const theirs = [world.ids.jobs.job, world.ids.jobs.freshJob, world.ids.jobs.draftJob]
    expect(data.items.filter((j) => theirs.includes(j._id))).toEqual([])
  })
})
