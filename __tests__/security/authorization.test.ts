import type { Envelope } from '../../types/envelope'
import { FUNCTIONS } from '../../cloud/functions/registry'
import { ENTRIES, type Entry, type Who } from './catalogue'
import { buildWorld, callOn, changedCollections, IDENTITIES, openCopy, OWNERS, PEOPLE, removeCopies, runtimeFor, snapshot, type Identity, type Owner, type World } from './world'

/**
 * The authorization matrix as data: every action × every identity × (for an action on a worker's
 * record) the worker's own record and another worker's. Each row below is one kind of access of
 * the catalogue (`Who`, see catalogue.ts), to be read against ARCHITECTURE.md and DOMAIN.md:
 *
 *   -    nobody signed in: UNAUTHENTICATED
 *   Y    allowed: anything but UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (a state may still refuse) — and never INTERNAL
 *   N    denied: FORBIDDEN, or NOT_FOUND for a record that is not theirs to know of
 *   own  allowed on the caller's own record only, denied on anyone else's
 *
 * Identities: a real-named worker, another real-named worker, a worker not real-named, a volunteer
 * of stations only, a volunteer of aid only, a volunteer of every service (the one who claimed the
 * cases in review), an HR contact, an admin.
 */
const MATRIX: Record<Who, string> = {
  //                  nobody worker other  unnamed stVol  aidVol vol    hr     admin
  public: /*       */ 'Y      Y      Y      Y       Y      Y      Y      Y      Y',
  anyone: /*       */ '-      Y      Y      Y       Y      Y      Y      Y      Y',
  owner: /*        */ '-      own    own    own     own    own    own    own    own',
  'ownerOrStaff:aid': '-      own    own    own     own    Y      Y      own    Y',
  'staff:stations': ' -      N      N      N       Y      N      Y      N      Y',
  'staff:childcare': '-      N      N      N       N      N      Y      N      Y',
  'staff:aid': /*  */ '-      N      N      N       N      Y      Y      N      Y',
  'staff:medical': '  -      N      N      N       N      N      Y      N      Y',
  assignee: /*     */ '-      N      N      N       N      N      Y      N      Y',
  admin: /*        */ '-      N      N      N       N      N      N      N      Y',
  hr: /*           */ '-      N      N      N       N      N      N      Y      N',
  'staff:legal': /**/ '-      N      N      N       N      N      Y      N      Y',
  'assignee:legal': '  -      N      N      N       N      N      Y      N      N',
  'ownerOrAssignee:legal': '-  own    own    own     own    own    Y      own    N',
  staffOfAny: /*   */ '-      N      N      N       Y      Y      Y      N      Y',
}

type Verdict = '-' | 'Y' | 'N' | 'own'
const verdictOf = (who: Who, identity: Identity): Verdict => MATRIX[who].trim().split(/\s+/)[IDENTITIES.indexOf(identity)] as Verdict

type Expected = 'unauthenticated' | 'allow' | 'deny'
function expected(entry: Entry, identity: Identity, owner: Owner | null): Expected {
  const verdict = verdictOf(entry.who, identity)
  if (verdict === '-') return 'unauthenticated'
  if (verdict === 'own') return identity === owner ? 'allow' : 'deny'
  return verdict === 'Y' ? 'allow' : 'deny'
}

const DENIED = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']
const outcome = (res: Envelope<unknown>) => (res.ok ? 'ok' : res.error.code)

/** Whether the answer is what the matrix says; a refusal must also have written nothing. */
function judge(want: Expected, res: Envelope<unknown>, wrote: string[]): string | null {
  const got = outcome(res)
  if (want === 'unauthenticated' && got !== 'UNAUTHENTICATED') return `expected UNAUTHENTICATED, got ${got}`
  if (want === 'deny' && got !== 'FORBIDDEN' && got !== 'NOT_FOUND') return `expected FORBIDDEN or NOT_FOUND, got ${got}`
  if (want === 'allow' && (DENIED.includes(got) || got === 'INTERNAL')) return `expected to be let in, got ${got}`
  if (!res.ok && wrote.length > 0) return `refused with ${got} but wrote to ${wrote.join(', ')}`
  return null
}

let world: World
beforeAll(async () => {
  world = await buildWorld()
})
afterAll(removeCopies)

/** One probe on a copy of the world: the answer, and the collections it changed. */
async function probe(fn: string, action: string, entry: Entry, identity: Identity, owner: Owner | null, extra?: { payload?: object; call?: object }) {
  const copy = openCopy(world)
  try {
    const caller = identity === 'nobody' ? 'worker' : identity
    const payload = { ...entry.payload(world.ids, { owner: owner ?? 'worker', caller }), ...extra?.payload }
    const before = snapshot(copy.db)
    const res = extra?.call
      ? ((await FUNCTIONS[fn].handle({ action, payload, ...extra.call }, runtimeFor(copy.db, world, PEOPLE[identity]))) as Envelope<unknown>)
      : await callOn(copy.db, world, PEOPLE[identity], fn, action, payload)
    return { res, wrote: changedCollections(before, snapshot(copy.db)) }
  } finally {
    copy.dispose()
  }
}

const OWNER_WORDS: Record<Owner, string> = { worker: "the worker's own record", otherWorker: "another worker's record" }

describe.each(ENTRIES.map(([fn, action, entry]) => [`${fn}.${action} (${entry.who})`, fn, action, entry] as const))('%s', (_name, fn, action, entry) => {
  it.each(IDENTITIES)(`${fn}.${action} × %s`, async (identity) => {
    const mismatches: string[] = []
    for (const owner of entry.owned ? OWNERS : [null]) {
      const want = expected(entry, identity, owner)
      const { res, wrote } = await probe(fn, action, entry, identity, owner)
      const problem = judge(want, res, wrote)
      if (problem) mismatches.push(`${fn}.${action} × ${identity}${owner ? ` × ${OWNER_WORDS[owner]}` : ''}: ${problem}`)
    }
    expect(mismatches).toEqual([])
  })
})

/**
 * Identity comes from the platform, never from the payload: a worker who names someone else in
 * the payload or beside it is still who the platform says, for every action the worker may not take.
 */
describe('identity from the platform, never from the call', () => {
  const IMPERSONATION = {
    payload: { openid: PEOPLE.admin, userId: PEOPLE.admin, ownerId: PEOPLE.worker, _id: PEOPLE.admin, user: { _id: PEOPLE.admin, roles: ['admin'] }, roles: ['admin'], services: ['aid'] },
    call: { openid: PEOPLE.admin, userInfo: { openId: PEOPLE.admin }, OPENID: PEOPLE.admin, user: { _id: PEOPLE.admin, roles: ['admin'] } },
  }
  const denied = ENTRIES.flatMap(([fn, action, entry]) =>
    (entry.owned ? OWNERS : [null])
      .filter((owner) => expected(entry, 'otherWorker', owner) === 'deny')
      .map((owner) => [`${fn}.${action}${owner ? ` on ${OWNER_WORDS[owner]}` : ''}`, fn, action, entry, owner] as const),
  )

  it.each(denied)('%s: another worker naming the admin or the owner is still refused', async (_name, fn, action, entry, owner) => {
    const { res, wrote } = await probe(fn, action, entry, 'otherWorker', owner, IMPERSONATION)
    expect(judge('deny', res, wrote)).toBeNull()
  })

  it.each(ENTRIES.filter(([, , entry]) => entry.who !== 'public').map(([fn, action, entry]) => [`${fn}.${action}`, fn, action, entry] as const))(
    '%s: nobody signed in who names the admin in the call is UNAUTHENTICATED',
    async (_name, fn, action, entry) => {
      const { res, wrote } = await probe(fn, action, entry, 'nobody', entry.owned ? 'worker' : null, IMPERSONATION)
      expect(judge('unauthenticated', res, wrote)).toBeNull()
    },
  )
})

/** What an allowed call reaches stays the caller's: other people's records are neither read nor changed. */
describe("allowed calls stay within the caller's own records", () => {
  it("users.markRead with another worker's message ids changes nothing of theirs", async () => {
    const copy = openCopy(world)
    try {
      const theirs = world.ids.inbox.otherWorker
      const res = await callOn(copy.db, world, PEOPLE.worker, 'users', 'markRead', { ids: [theirs] })
      expect(res).toMatchObject({ ok: true, data: { updated: 0 } })
      expect((await copy.db.collection('inbox').doc(theirs).get()).data).toMatchObject({ read: false })
    } finally {
      copy.dispose()
    }
  })

  /**
   * On CloudBase the phone uploads into `uploads/<service>/<openid>/`; registering a file makes the
   * caller its owner, who may then read it through `files.url`. A file id whose path is not inside
   * the caller's folder — however the folder is spelled somewhere in it — is someone else's file.
   */
  const OTHER = PEOPLE.otherWorker
  const MINE = `uploads/aid/${PEOPLE.worker}/`
  it.each([
    ['a query naming my folder', `cloud://lugong.6c75/uploads/aid/${OTHER}/id-card.png?/${MINE}`],
    ['a fragment naming my folder', `cloud://lugong.6c75/uploads/aid/${OTHER}/id-card.png#/${MINE}`],
    ['a climb out of my folder', `cloud://lugong.6c75/${MINE}../${OTHER}/id-card.png`],
    ['my folder inside theirs', `cloud://lugong.6c75/uploads/aid/${OTHER}/${MINE}id-card.png`],
    ['my folder under another root', `cloud://lugong.6c75/private/${MINE}id-card.png`],
  ])('files.register refuses a file id outside the caller\'s folder: %s', async (_name, cloudFileId) => {
    const copy = openCopy(world)
    try {
      const before = snapshot(copy.db)
      const res = await callOn(copy.db, world, PEOPLE.worker, 'files', 'register', { cloudFileId, service: 'aid' })
      expect(res.ok ? 'registered' : res.error.code).toBe('FORBIDDEN')
      expect(changedCollections(before, snapshot(copy.db))).toEqual([])
    } finally {
      copy.dispose()
    }
  })
})
