import { FUNCTIONS } from '../../cloud/functions/registry'
import { PERSONAS } from '../../cloud/local/seed/personas'
import { benchIdNumber } from '../../bench/fixtures'
import { childId } from '../cloud/childcareFixtures'
import { ENTRIES, type Entry } from './catalogue'
import { RESUME_PHONES } from './jobsWorld'
import { buildWorld, callOn, openCopy, ownerId, OTHER_WORKER_ID_NUMBER, PEOPLE, removeCopies, type World } from './world'

/**
 * What the kernel writes about a call: an audited action leaves an audit record of who, in which
 * role, did what to which record, whose data it was, and which fields — in words that hold no
 * personal value and no raw payload; an action that is not audited leaves none; the idempotency
 * store holds no personal data, and a read leaves nothing in it.
 */

const WORKER = PERSONAS.find((p) => p.openid === 'dev-worker')!.profile!
/** Personal values the world holds (sealed in it) or the catalogue's payloads send. */
const PERSONAL = [
  WORKER.idNumber,
  WORKER.mobile,
  OTHER_WORKER_ID_NUMBER,
  '13900000000',
  ...[10, 11, 20, 21, 30].map((n) => childId(n)),
  ...[10, 11, 20, 21, 30].map((n) => `孩子${n}号`),
  '13811112222',
  '花生过敏',
  '6222021234567890123',
  '腰椎间盘突出',
  '王美丽',
  '张小宝',
  benchIdNumber(500, '19800101'),
  '13957700001',
  benchIdNumber(7, '19900101'),
  ...Object.values(RESUME_PHONES),
]
/** Payload fields whose words are a person's: what they wrote, their household, their card. */
const WORDS_OF_PEOPLE = ['note', 'reply', 'text', 'story', 'diagnosis', 'healthNotes', 'accountNo', 'csv', 'mobile', 'idNumber']

function wordsOfPeople(value: unknown, keys = WORDS_OF_PEOPLE, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => wordsOfPeople(v, keys, key))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => wordsOfPeople(v, keys, k))
  return typeof value === 'string' && keys.includes(key) && value.length >= 2 ? [value] : []
}
/** A station report's words and the reply to it are the answer a worker sees again, not personal data. */
const PERSONAL_WORDS = WORDS_OF_PEOPLE.filter((k) => k !== 'text' && k !== 'reply')

const ALLOWED_KEYS = ['_id', 'who', 'role', 'fn', 'action', 'target', 'subjects', 'records', 'fields', 'summary', 'at', 'requestId']
const ROLE_OF: Record<string, string> = { volunteer: 'volunteer', aidVolunteer: 'volunteer', stationsVolunteer: 'volunteer', admin: 'admin', worker: 'worker', hr: 'hr' }
/** The records a payload names, which an audit record's target should be one of. */
const RECORD_KEYS = ['caseId', 'classId', 'enrollmentId', 'id', 'userId', 'fileId', 'jobId', 'applicationId', 'employerId', 'invitationId']

/** Whose data an audited step touches, beyond the owner of the record it aims at. */
const SUBJECTS: Record<string, string[]> = {
  'users.grantRole': [PEOPLE.unnamedWorker],
  'users.revokeRole': [PEOPLE.aidVolunteer],
  'childcare.roster': [PEOPLE.worker, PEOPLE.otherWorker],
  // A day's attendance is written for every child of the class, present or not.
  'childcare.checkIn': [PEOPLE.worker, PEOPLE.otherWorker],
}

/** A look at a personal value names the field it showed. */
const FIELDS: Record<string, string[]> = {
  'aid.reveal': ['idNumber'],
  'medical.reveal': ['idNumber'],
  'childcare.revealIdNumber': ['child.idNumber'],
  'jobs.hrApplication': ['resume'],
  // The invitation shows the worker's phone to the employer.
  'jobs.invite': ['phone'],
  'legal.reveal': ['idNumber'],
}

let world: World
beforeAll(async () => {
  world = await buildWorld()
})
afterAll(removeCopies)

async function run(fn: string, action: string, entry: Entry, requestId: string) {
  const copy = openCopy(world)
  try {
    const count = async (c: string) => (await copy.db.collection(c).count()).total
    const auditBefore = await count('audit')
    const payload = entry.payload(world.ids, { owner: 'worker', caller: entry.caller })
    const res = await callOn(copy.db, world, PEOPLE[entry.caller], fn, action, payload, requestId)
    const audit = (await copy.db.collection('audit').orderBy('at', 'asc').limit(1000).get()).data.slice(auditBefore)
    const intents = (await copy.db.collection('idempotency').limit(1000).get()).data
    return { res, payload, audit: audit as Array<Record<string, unknown>>, intents }
  } finally {
    copy.dispose()
  }
}

const declared = (fn: string, action: string) => FUNCTIONS[fn].definitions[action]

/**
 * Closing an account: the person closed is replaced by an alias everywhere the audit keeps them
 * (DOMAIN.md: the audit stays its 3 years, the person's id does not), the caller too when they
 * closed their own. So: no record names the closed person, and the closing is recorded against an alias.
 */
const CLOSES: Record<string, (payload: Record<string, unknown>, caller: string) => string> = {
  'mydata.closeAccount': (_payload, caller) => caller,
  'mydata.closeFor': (payload) => payload.userId as string,
}
const CASES = ENTRIES.map(([fn, action, entry]) => [`${fn}.${action}`, fn, action, entry] as const)

describe('audit records', () => {
  it.each(CASES.filter(([, fn, action]) => declared(fn, action).audited))('%s leaves a record of who, what, whose, and no personal value', async (name, fn, action, entry) => {
    const { res, payload, audit } = await run(fn, action, entry, 'audit-probe-1')
    expect(res.ok).toBe(true)
    expect(audit.length).toBeGreaterThan(0)
    if (CLOSES[name]) {
      const closed = CLOSES[name](payload, PEOPLE[entry.caller] as string)
      expect(JSON.stringify(audit)).not.toContain(closed)
      expect(audit.some((r) => String(r.target).startsWith('closed-') && (r.subjects as string[]).includes(r.target as string))).toBe(true)
      return
    }
    const problems: string[] = []
    for (const record of audit) {
      const extra = Object.keys(record).filter((k) => !ALLOWED_KEYS.includes(k))
      if (extra.length) problems.push(`holds ${extra.join(', ')}`)
      const expected = { who: PEOPLE[entry.caller], role: ROLE_OF[entry.caller], fn, action, requestId: 'audit-probe-1' }
      for (const [key, value] of Object.entries(expected)) if (record[key] !== value) problems.push(`${key} is ${JSON.stringify(record[key])}, not ${JSON.stringify(value)}`)
      if (typeof record.summary !== 'string' || !/[\u4e00-\u9fff]/.test(record.summary)) problems.push(`summary ${JSON.stringify(record.summary)}`)
      const text = JSON.stringify(record)
      for (const value of [...PERSONAL, ...wordsOfPeople(payload)]) if (text.includes(value)) problems.push(`holds the personal value ${JSON.stringify(value)}`)
    }
    const named = RECORD_KEYS.map((k) => payload[k]).filter((v): v is string => typeof v === 'string')
    if (named.length && !audit.some((r) => named.includes(r.target as string))) problems.push(`targets ${JSON.stringify(audit.map((r) => r.target))}, not the record named (${named.join(', ')})`)
    const subjects = new Set(audit.flatMap((r) => (r.subjects as string[] | undefined) ?? []))
    const whose = [...(entry.owned ? [ownerId('worker')] : []), ...(SUBJECTS[name] ?? [])]
    const missing = whose.filter((s) => !subjects.has(s))
    const shown = new Set(audit.flatMap((r) => (r.fields as string[] | undefined) ?? []))
    for (const field of FIELDS[name] ?? []) if (!shown.has(field)) problems.push(`names no field ${field} (fields: ${JSON.stringify([...shown])})`)
    if (missing.length) problems.push(`names no data subject ${missing.join(', ')} (subjects: ${JSON.stringify([...subjects])})`)
    expect(problems).toEqual([])
  })

  it.each(CASES.filter(([, fn, action]) => !declared(fn, action).audited))('%s, not audited, leaves no record when its caller calls it', async (_name, fn, action, entry) => {
    const { res, audit } = await run(fn, action, entry, 'audit-probe-2')
    expect(res.ok).toBe(true)
    expect(audit).toEqual([])
  })
})

describe('the idempotency store', () => {
  const writes = CASES.filter(([, fn, action]) => declared(fn, action).access === 'write')

  it.each(writes)('%s with a requestId keeps no personal data', async (name, fn, action, entry) => {
    const { res, payload, intents } = await run(fn, action, entry, 'intent-probe-1')
    expect(res.ok).toBe(true)
    const def = declared(fn, action) as { remember?: boolean | 'record' }
    // `'record'`: the action keeps the intent with its own record (the childcare sign-up), not here.
    expect(intents).toHaveLength(def.remember === true ? 1 : 0)
    const text = JSON.stringify(intents)
    const held = [...PERSONAL, ...wordsOfPeople(payload, PERSONAL_WORDS)].filter((value) => text.includes(value))
    expect({ name, held }).toEqual({ name, held: [] })
  })

  it.each(CASES.filter(([, fn, action]) => declared(fn, action).access === 'read'))('%s, a read, leaves nothing in it', async (_name, fn, action, entry) => {
    const { res, intents } = await run(fn, action, entry, 'intent-probe-2')
    expect(res.ok).toBe(true)
    expect(intents).toEqual([])
  })
})
