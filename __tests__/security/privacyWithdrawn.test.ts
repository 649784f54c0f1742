import { FUNCTIONS } from '../../cloud/functions/registry'
import { CATALOGUE } from './catalogue'
import { buildWorld, callOn, changedCollections, NOW, openCopy, PEOPLE, removeCopies, snapshot, type World } from './world'

/**
 * A worker who withdrew the privacy consent gives nothing new (PIPL art. 15): every action that
 * starts a request or collects personal data into the account is refused and writes nothing;
 * what is under way may still be followed and ended.
 */
const COLLECTING_NEW = [
  'aid.apply',
  'childcare.enroll',
  'files.register',
  'jobs.apply',
  'jobs.joinEmployer',
  'jobs.saveResume',
  'jobs.signUpFair',
  'legal.ask',
  'medical.submitClaim',
  'stations.report',
  'users.updateProfile',
]

let world: World
beforeAll(async () => {
  world = await buildWorld()
})
afterAll(removeCopies)

async function withPrivacyWithdrawn<T>(openid: string, probe: (copy: ReturnType<typeof openCopy>) => Promise<T>) {
  const copy = openCopy(world)
  try {
    const { data: user } = await copy.db.collection<{ consents: Record<string, object> }>('users').doc(openid).get()
    const consents = { ...user!.consents, privacy: { version: '2026.1', at: NOW - 1000, withdrawnAt: NOW - 500 } }
    await copy.db.collection('users').doc(openid).update({ data: { consents } })
    return await probe(copy)
  } finally {
    copy.dispose()
  }
}

describe('while the privacy consent is withdrawn', () => {
  it('these actions, and only these, collect something new', () => {
    const flagged = Object.entries(FUNCTIONS).flatMap(([fn, f]) =>
      Object.entries(f.definitions)
        .filter(([, def]) => def.access === 'write' && def.collectsNew)
        .map(([action]) => `${fn}.${action}`),
    )
    expect(flagged.sort()).toEqual(COLLECTING_NEW)
  })

  it.each(COLLECTING_NEW)('%s is refused and writes nothing', async (name) => {
    const [fn, action] = name.split('.')
    const entry = CATALOGUE[fn][action]
    const caller = PEOPLE[entry.caller]!
    await withPrivacyWithdrawn(caller, async (copy) => {
      const before = snapshot(copy.db)
      const res = await callOn(copy.db, world, caller, fn, action, entry.payload(world.ids, { owner: 'worker', caller: entry.caller }), 'withdrawn-probe-1')
      expect(res).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION', message: expect.stringContaining('隐私政策') } })
      expect(changedCollections(before, snapshot(copy.db))).toEqual([])
    })
  })

  it.each([
    ['aid', 'withdraw'],
    ['legal', 'send'],
    ['legal', 'cancelBooking'],
    ['mydata', 'exportMine'],
  ])('%s.%s on what is under way still goes on', async (fn, action) => {
    const entry = CATALOGUE[fn][action]
    const caller = PEOPLE[entry.caller]!
    await withPrivacyWithdrawn(caller, async (copy) => {
      const res = await callOn(copy.db, world, caller, fn, action, entry.payload(world.ids, { owner: 'worker', caller: entry.caller }), 'withdrawn-probe-2')
      expect(res).toMatchObject({ ok: true })
    })
  })
})
