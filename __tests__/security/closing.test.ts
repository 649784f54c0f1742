import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { benchIdNumber } from '../../bench/fixtures'
import { createPii, generatePiiKey } from '../../cloud/core/pii'
import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { seedDemoData } from '../../cloud/local/seed'
import { buildServer, type LocalServer } from '../../cloud/local/server'
import { applyForWinter } from '../cloud/aidFixtures'
import { DRIVERS, yieldToOthers } from '../cloud/drivers'
import { createHarness, type Harness } from '../cloud/harness'
import { askForHelp, firstSlot, LAWYER, ROOM, walk, WORKER } from '../cloud/legalFixtures'

/**
 * What closing an account and withdrawing a consent leave behind, each case one an outside review
 * found: every document of every table is read, so a name or an openid left anywhere is seen.
 */
const sqlite = DRIVERS.find(([name]) => name === 'sqlite')![1]
const A = 'dev-worker2'
const CLOSE = { confirm: '确认注销' }

function documentsHolding(h: Harness, ...words: string[]) {
  const sql = (h.db as unknown as SqliteDb).sql
  const tables = sql.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`).pluck().all() as string[]
  return tables.flatMap((t) =>
    (sql.prepare(`SELECT doc FROM ${t}`).pluck().all() as string[]).filter((doc) => words.some((w) => doc.includes(w))).map((doc) => `${t.slice(2)}: ${doc.slice(0, 200)}`),
  )
}

async function realName(h: Harness, openid: string, name: string, employer = '鹿城环卫所') {
  await h.ok(openid, 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
  await h.ok(openid, 'users', 'updateProfile', { name, mobile: '13912340077', idNumber: benchIdNumber(77, '19880808'), employer, unionMember: true }, 'req-profile-0001')
}

describe('closing an account leaves nothing of the person', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness({ driver: sqlite })
  })
  afterEach(() => h.close())

  it('not in the answers remembered for a requestId', async () => {
    await realName(h, A, '甲乙丙', '记号甲单位')
    await h.ok(A, 'stations', 'report', { stationId: 'demo-station-00001', kind: 'broken', text: '记号报告 微波炉坏了' }, 'req-report-00001')
    await h.ok(A, 'mydata', 'closeAccount', CLOSE)
    expect(documentsHolding(h, A, '记号', '甲乙丙')).toEqual([])
  })

  it("not in a lawyer's inbox: staff notices never carried the worker's name", async () => {
    await realName(h, A, '甲乙丙')
    const caseId = await askForHelp(h, A)
    await walk(h, caseId, 'assigned')
    await h.ok(A, 'legal', 'send', { caseId, text: '我把工资单带来了' })
    await h.ok(A, 'mydata', 'closeAccount', CLOSE)
    expect(documentsHolding(h, '甲*丙', '甲乙丙').filter((d) => !d.startsWith('medical_members'))).toEqual([])
  })

  it("a lawyer who closes: their name and openid leave the cases they handled, which go on", async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'granted')
    const lawyerName = (await h.db.collection<{ profile: { name: string } }>('users').doc(LAWYER).get()).data!.profile.name
    await h.ok(LAWYER, 'mydata', 'closeAccount', CLOSE)
    expect(documentsHolding(h, lawyerName, LAWYER)).toEqual([])
    expect(await h.ok(WORKER, 'legal', 'case', { caseId })).toMatchObject({ status: 'granted' })
  })

  it('a closing cut off half-way and asked again removes the legal messages too', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'assigned')
    await h.ok(WORKER, 'legal', 'send', { caseId, text: '我的工资单在这里' })
    const db = h.db as unknown as { collection(name: string): { where(q: unknown): Record<string, unknown> } }
    const collection = db.collection.bind(db)
    let cut = true
    db.collection = (name: string) => {
      const c = collection(name)
      if (name !== 'legal_messages') return c
      const where = c.where.bind(c)
      c.where = (q: unknown) => {
        const query = where(q)
        const remove = (query.remove as () => Promise<unknown>).bind(query)
        query.remove = () => {
          if (!cut) return remove()
          cut = false
          throw new Error('the function was stopped here')
        }
        return query
      }
      return c
    }
    expect((await h.call(WORKER, 'mydata', 'closeAccount', CLOSE)).ok).toBe(false)
    expect(await h.ok(WORKER, 'mydata', 'closeAccount', CLOSE)).toEqual({ closed: true })
    expect(await h.all('legal_messages')).toEqual([])
    expect(await h.all('legal_threads')).toEqual([])
  })

  it('a volunteer who closes gives the case they claimed back to the queue', async () => {
    const caseId = await applyForWinter(h)
    await h.ok('dev-volunteer', 'aid', 'claim', { caseId })
    await h.ok('dev-volunteer', 'mydata', 'closeAccount', CLOSE)
    await h.db.collection('users').add({ data: { _id: 'vol-2', roles: ['worker', 'volunteer'], services: ['aid'], consents: {}, createdAt: 0, updatedAt: 0 } })
    await h.ok('vol-2', 'aid', 'claim', { caseId })
    expect(await h.ok('vol-2', 'aid', 'askInfo', { caseId, note: '请补充户口本' })).toMatchObject({ status: 'needs_info' })
  })

  it('the lawyer is told when a worker with an appointment closes, and the appointment is off', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'assigned')
    const slot = await firstSlot(h)
    await h.ok(WORKER, 'legal', 'book', { caseId, stationId: ROOM, date: slot.date, start: slot.start })
    const told = async () => (await h.all('inbox')).filter((m) => m.userId === LAWYER).length
    const before = await told()
    await h.ok(WORKER, 'mydata', 'closeAccount', CLOSE)
    expect(await told()).toBeGreaterThan(before)
    expect((await h.all('legal_bookings')).every((b) => b.status !== 'booked')).toBe(true)
  })

  it('the desk and the lawyer still open a closed case of a worker who closed, with no name on it', async () => {
    const caseId = await askForHelp(h)
    await walk(h, caseId, 'closed')
    await h.ok(WORKER, 'mydata', 'closeAccount', CLOSE)
    for (const staff of [LAWYER, 'dev-volunteer']) {
      const view = await h.ok(staff, 'legal', 'staffCase', { caseId })
      expect(JSON.stringify(view)).toContain('已注销')
    }
  })
})

describe('withdrawing the real name while the profile is saved', () => {
  let h: Harness
  afterEach(() => h.close())

  it.each([0, 1, 2, 3])('leaves a claim on the ID number exactly when the profile holds it (interleaving %i)', async (delay) => {
    h = await createHarness({ driver: sqlite, yieldBetween: yieldToOthers })
    const later = async <T>(call: () => Promise<T>) => {
      for (let i = 0; i < delay; i++) await yieldToOthers()
      return call()
    }
    await Promise.all([
      h.call(WORKER, 'mydata', 'withdrawConsent', { policy: 'realname' }),
      later(() => h.call(WORKER, 'users', 'updateProfile', { name: '张建国', mobile: '13812345678', idNumber: benchIdNumber(55, '19900101'), employer: '鹿城快递', unionMember: true })),
    ])
    const { data: user } = await h.db.collection<{ pii?: { idNumberBlind: string } }>('users').doc(WORKER).get()
    const claims = (await h.all('realname_claims')).filter((c) => c.userId === WORKER)
    expect(claims.map((c) => c._id)).toEqual(user!.pii ? [user!.pii.idNumberBlind] : [])
  })
})

describe('on the local runtime', () => {
  let db: SqliteDb
  let app: LocalServer
  let dir: string
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lugong-closing-'))
    db = new SqliteDb({ filename: ':memory:' })
    const pii = createPii(generatePiiKey())
    await seedDemoData(db, pii, Date.now())
    app = await buildServer({ db, pii, dev: true, tokenSecret: 'closing', filesDir: join(dir, 'files') })
    for (const code of ['worker', 'worker2']) tokens[code] = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: `dev:${code}` } })).json().data.token
  })
  afterAll(async () => {
    await app.close()
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const call = async (who: string, fn: string, action: string, payload: object = {}) =>
    (await app.inject({ method: 'POST', url: `/api/${fn}`, payload: { action, payload }, headers: { authorization: `Bearer ${tokens[who]}` } })).json()

  it('stores no new upload while the privacy consent is withdrawn', async () => {
    expect((await call('worker', 'users', 'consent', { policy: 'privacy', version: FIRST_VERSION })).ok).toBe(true)
    expect((await call('worker', 'mydata', 'withdrawConsent', { policy: 'privacy' })).ok).toBe(true)
    const boundary = '----closing'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="service"\r\n\r\naid\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`),
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const before = (await db.collection('files').where({ ownerId: 'dev-worker' }).get()).data.length
    const res = await app.inject({ method: 'POST', url: '/api/upload', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${tokens.worker}` } })
    expect(res.statusCode).toBe(412)
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    expect((await db.collection('files').where({ ownerId: 'dev-worker' }).get()).data.length).toBe(before)
  })

  it('makes at most three copies of a worker\'s data a day', async () => {
    for (let i = 0; i < 3; i++) expect((await call('worker2', 'mydata', 'exportMine')).ok).toBe(true)
    expect(await call('worker2', 'mydata', 'exportMine')).toMatchObject({ ok: false, error: { code: 'RESOURCE_EXHAUSTED' } })
  })
})
