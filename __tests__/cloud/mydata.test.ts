import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { seedDemoData } from '../../cloud/local/seed'
import { buildServer, type LocalServer } from '../../cloud/local/server'
import { createPii, generatePiiKey } from '../../cloud/core/pii'
import { benchIdNumber } from '../../bench/fixtures'
import { winterApplication } from './aidFixtures'
import { newClass, signUp } from './childcareFixtures'
import { unpaidWages } from './legalFixtures'
import { PERSONAS } from '../../cloud/local/seed/personas'

/** Words that exist only because of worker A: after A closes the account, none may be found anywhere. */
const A = {
  openid: 'dev-worker2',
  name: '甲乙丙',
  idNumber: benchIdNumber(77, '19880808'),
  mobile: '13912340077',
  employer: 'ZZMARK甲单位有限公司',
  report: 'ZZMARKREPORT 微波炉坏了',
  note: 'ZZMARKNOTE 请补充户口本',
  child: '丁戊己',
  story: 'ZZMARKSTORY 家里遇到了很大的困难，冬天取暖和生活都很困难。',
  diagnosis: 'ZZMARKDIAGNOSIS 腰椎间盘突出',
  resumePhone: '13612340077',
  experience: 'ZZMARKRESUME 三年快递分拣经验',
  legal: 'ZZMARKLEGAL 我在工地干了三个月，老板一直拖欠工资，多次讨要都没有结果。',
}
/** Worker B has a request in every service too: none of it may reach A's copy, and A's closing leaves it all. */
const B = {
  openid: 'dev-worker',
  report: 'ZZOTHERREPORT 充电口坏了',
  diagnosis: 'ZZOTHERDIAGNOSIS 胆囊结石',
  legal: 'ZZOTHERLEGAL 公司三个月没有发工资，老板说等工程款到了再说。',
  experience: 'ZZOTHERRESUME 五年仓库理货经验',
}
const B_MARKERS = ['ZZOTHERREPORT', 'ZZOTHERDIAGNOSIS', 'ZZOTHERLEGAL', 'ZZOTHERRESUME']
const MARKERS = ['ZZMARKREPORT', 'ZZMARKNOTE', 'ZZMARKSTORY', 'ZZMARKDIAGNOSIS', 'ZZMARKRESUME', 'ZZMARKLEGAL', A.employer, A.mobile, A.resumePhone, A.idNumber, '丁*己', '甲*丙']

const PDF = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj << /Title (${text}) >> endobj\n%%EOF\n`)

/** 我的数据 on a real data folder: see, copy and close, by DOMAIN.md's rules. */
describe('我的数据', () => {
  let dir: string
  let db: SqliteDb
  let app: LocalServer
  const tokens: Record<string, string> = {}
  jest.setTimeout(60_000)

  async function call(openid: string, fn: string, action: string, payload: unknown = {}) {
    const res = await app.inject({ method: 'POST', url: `/api/${fn}`, payload: { action, payload } as object, headers: { authorization: `Bearer ${tokens[openid]}` } })
    return res.json()
  }
  async function ok(openid: string, fn: string, action: string, payload: unknown = {}) {
    const res = await call(openid, fn, action, payload)
    if (!res.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`)
    return res.data
  }
  async function upload(openid: string, service: string, content: Buffer) {
    const boundary = '----mydata'
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="service"\r\n\r\n${service}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const res = await app.inject({ method: 'POST', url: '/api/upload', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${tokens[openid]}` } })
    return res.json().data.fileId as string
  }
  const everyDocument = () => {
    const tables = db.sql.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`).pluck().all() as string[]
    return tables.flatMap((t) => (db.sql.prepare(`SELECT doc FROM ${t}`).pluck().all() as string[]).map((doc) => ({ table: t.slice(2), doc })))
  }
  /** Every byte of the data folder: the database after folding its log in, and the stored files. */
  const folderHits = () => {
    db.checkpoint()
    const files = [join(dir, 'lugong.sqlite'), ...readdirSync(join(dir, 'files')).map((f) => join(dir, 'files', f))]
    const bytes = files.map((f) => readFileSync(f))
    return MARKERS.filter((m) => bytes.some((b) => b.includes(Buffer.from(m, 'utf8'))))
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lugong-mydata-'))
    db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
    const pii = createPii(generatePiiKey())
    await seedDemoData(db, pii, Date.now())
    app = await buildServer({ db, pii, dev: true, tokenSecret: 'mydata', filesDir: join(dir, 'files') })
    for (const code of ['worker', 'worker2', 'volunteer', 'admin']) {
      const res = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: `dev:${code}` } })).json()
      tokens[`dev-${code}`] = res.data.token
    }
    const year = new Date().getFullYear()
    await ok(A.openid, 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
    await ok(A.openid, 'users', 'updateProfile', { name: A.name, mobile: A.mobile, idNumber: A.idNumber, employer: A.employer, unionMember: true })
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
    const years = [...new Set([day(-10), day(0)].map((d) => d.slice(0, 4)))]
    const bPersona = PERSONAS.find((p) => p.openid === B.openid)!.profile!
    const roster = years.flatMap((y) => [`${A.name},${A.idNumber},鹿城环卫所,${y}`, `${bPersona.name},${bPersona.idNumber},鹿城快递,${y}`])
    await ok('dev-admin', 'medical', 'importMembers', { csv: roster.join('\n'), commit: true })

    for (const [who, text] of [[A.openid, A.report], [B.openid, B.report]] as const) {
      await ok(who, 'stations', 'report', { stationId: 'demo-station-00001', kind: 'broken', text })
    }
    const classId = (await ok('dev-admin', 'childcare', 'upsertClass', newClass({ opensAt: Date.now() - 3_600_000, closesAt: Date.now() + 3_600_000 * 240, year: year + 1 })))._id
    await ok(A.openid, 'childcare', 'enroll', { ...signUp(classId, 1), child: { ...signUp(classId, 1).child, name: A.child } })
    await ok(B.openid, 'childcare', 'enroll', signUp(classId, 2))

    // A's 冬送温暖 is paid; it stays as a record of service with its amount.
    const aidFile = await upload(A.openid, 'aid', PDF(A.idNumber))
    const aidCase = (await ok(A.openid, 'aid', 'apply', winterApplication(aidFile, { story: A.story })))._id
    await ok('dev-volunteer', 'aid', 'claim', { caseId: aidCase })
    await ok('dev-volunteer', 'aid', 'askInfo', { caseId: aidCase, note: A.note })
    await ok(A.openid, 'aid', 'resubmit', { caseId: aidCase, note: '已补交', attachments: [{ fileId: await upload(A.openid, 'aid', PDF('x')), material: 'household_register' }] })
    await ok('dev-volunteer', 'aid', 'claim', { caseId: aidCase })
    await ok('dev-volunteer', 'aid', 'reveal', { caseId: aidCase, field: 'bankAccount' })
    await ok('dev-volunteer', 'aid', 'approve', { caseId: aidCase, amountFen: 200_000 })
    await ok('dev-volunteer', 'aid', 'markPaid', { caseId: aidCase, paymentRef: 'WZB20261130009' })
    // A hospital stay discharged `daysAgo` days ago, with the invoice uploaded.
    const claim = async (openid: string, diagnosis: string, accountNo: string, daysAgo: number) =>
      ok(openid, 'medical', 'submitClaim', {
        category: 'inpatient',
        hospital: '温州市人民医院',
        admissionDate: day(-daysAgo - 5),
        dischargeDate: day(-daysAgo),
        selfPaidFen: 1_250_000,
        diagnosis,
        bankAccount: { bankName: '温州银行', accountNo },
        attachments: [{ fileId: await upload(openid, 'medical', PDF(diagnosis)), material: 'invoice' }],
        consentVersion: FIRST_VERSION,
      })
    // A's claim is still waiting: withdrawn when the account closes.
    await claim(A.openid, A.diagnosis, '6222021234567890777', 5)
    await ok(B.openid, 'aid', 'apply', winterApplication(await upload(B.openid, 'aid', PDF('b'))))
    await claim(B.openid, B.diagnosis, '6222021234567890888', 4)
    // Legal help: A's request still waits for the desk (withdrawn on closing); B's too.
    await ok(A.openid, 'legal', 'ask', unpaidWages({ story: A.legal }))
    await ok(B.openid, 'legal', 'ask', unpaidWages({ story: B.legal }))
    await ok(B.openid, 'jobs', 'saveResume', { phone: '13712340088', experience: B.experience, skills: '', certificates: '', availability: 'now' })
    await ok(B.openid, 'jobs', 'apply', { jobId: 'demo-job-1' })
    // A looks for work: a résumé and an application the employer has not decided.
    await ok(A.openid, 'jobs', 'saveResume', { phone: A.resumePhone, experience: A.experience, skills: '会开叉车', certificates: '', availability: 'now' })
    await ok(A.openid, 'jobs', 'apply', { jobId: 'demo-job-1' })
  })
  afterAll(async () => {
    await app.close()
    db.close()
  })

  it('shows the worker what is held about them, personal values masked, and who on the union side opened it', async () => {
    const view = await ok(A.openid, 'mydata', 'view')
    const text = JSON.stringify(view)
    expect(view.sections.map((s: { title: string }) => s.title)).toEqual(expect.arrayContaining(['实名信息', '驿站反馈', '爱心托班', '困难帮扶', '就业招聘', '消息', '上传的文件']))
    expect(text).toContain(A.report)
    expect(text).not.toContain(A.idNumber)
    expect(text).not.toContain(B.report)
    expect(view.accesses).toEqual(expect.arrayContaining([expect.objectContaining({ role: '志愿者', what: '查看收款账户' })]))
    expect(text).not.toContain('dev-volunteer')
    expect(await ok(A.openid, 'mydata', 'revealMine', { field: 'idNumber' })).toEqual({ field: 'idNumber', value: A.idNumber })
  })

  it("copies everything of the worker's, and nothing of anyone else's, as a PDF and as JSON only they can open for 24 hours", async () => {
    const copy = await ok(A.openid, 'mydata', 'exportMine')
    expect(copy.pdf.expiresAt - Date.now()).toBeGreaterThan(23 * 3_600_000)
    const json = await app.inject({ method: 'GET', url: copy.json.url })
    expect(json.statusCode).toBe(200)
    const text = json.body
    for (const own of [A.report, A.idNumber, A.mobile, A.child, 'ZZMARKSTORY', A.note, '6222021234567890123', A.resumePhone, 'ZZMARKRESUME']) expect(text).toContain(own)
    for (const own of [A.legal, A.diagnosis]) expect(text).toContain(own)
    for (const theirs of B_MARKERS) expect(text).not.toContain(theirs)
    expect(text).not.toContain('dev-volunteer')
    const pdf = await app.inject({ method: 'GET', url: copy.pdf.url })
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.headers['content-disposition']).toMatch(/^attachment/)
    expect((await call(B.openid, 'files', 'url', { fileId: copy.json.fileId })).error.code).toBe('FORBIDDEN')
    expect((await call('dev-admin', 'files', 'url', { fileId: copy.json.fileId })).error.code).toBe('FORBIDDEN')
  })

  it('closes the account: withdraws what may be, erases or anonymises the rest, keeps what was paid, and leaves the other worker alone', async () => {
    const otherBefore = everyDocument().filter((d) => d.doc.includes(`"${B.openid}"`))
    expect(folderHits().length).toBeGreaterThan(0)
    const plan = await ok(A.openid, 'mydata', 'closingPlan')
    expect(plan.blockers).toEqual([])
    expect(plan.kept.join()).toContain('困难帮扶的办理记录')
    expect((await call(A.openid, 'mydata', 'closeAccount', { confirm: '注销' })).error.code).toBe('INVALID_ARGUMENT')
    expect(await ok(A.openid, 'mydata', 'closeAccount', { confirm: '确认注销' })).toEqual({ closed: true })

    const docs = everyDocument()
    const holding = docs.filter((d) => d.doc.includes(A.openid))
    expect(holding).toEqual([])
    const paid = docs.filter((d) => d.table === 'cases').map((d) => JSON.parse(d.doc)).find((c) => c.status === 'paid')
    expect(paid).toMatchObject({ amountFen: 200_000, paymentRef: 'WZB20261130009', applicantMasked: '已注销', closed: true })
    expect(paid.sealed).toBeUndefined()
    const aCases = docs.filter((d) => d.table === 'cases').map((d) => JSON.parse(d.doc)).filter((c) => c.closed)
    expect(aCases.every((c) => !c.sealed && Object.keys(c.masked).length === 0)).toBe(true)
    expect(aCases.find((c) => c.service === 'medical')).toMatchObject({ status: 'withdrawn' })
    expect(aCases.find((c) => c.service === 'legal')).toMatchObject({ status: 'withdrawn' })
    const applications = docs.filter((d) => d.table === 'job_applications').map((d) => JSON.parse(d.doc))
    expect(applications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ jobId: 'demo-job-1', status: 'withdrawn', workerId: expect.stringMatching(/^closed-/) }),
        expect.objectContaining({ jobId: 'demo-job-1', workerId: B.openid }),
      ]),
    )
    expect(applications).toHaveLength(2)
    expect(docs.filter((d) => d.table === 'resumes').map((d) => JSON.parse(d.doc)._id)).toEqual([B.openid])
    const roster = docs.filter((d) => d.table === 'medical_members').map((d) => JSON.parse(d.doc))
    expect(roster.some((m) => m.nameMasked === '甲*丙')).toBe(true)
    // The roster is the union's and stays; nothing else of A's may be found in the folder.
    MARKERS.splice(MARKERS.indexOf('甲*丙'), 1)
    expect(folderHits()).toEqual([])
    expect(everyDocument().filter((d) => d.doc.includes(`"${B.openid}"`))).toEqual(otherBefore)
  })

  it('lets a closed worker sign in again to a fresh, empty account', async () => {
    tokens[A.openid] = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: 'dev:worker2' } })).json().data.token
    const me = await ok(A.openid, 'users', 'me')
    expect(me).toMatchObject({ realNamed: false, roles: ['worker'], unread: 0 })
    expect((await ok(A.openid, 'users', 'requests')).items).toEqual([])
  })
})
