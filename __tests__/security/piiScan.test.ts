import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { format } from 'node:util'
import { createPii, generatePiiKey } from '../../cloud/core/pii'
import { SqliteDb } from '../../cloud/db/sqlite/driver'
import { seedDemoData } from '../../cloud/local/seed'
import { PERSONAS } from '../../cloud/local/seed/personas'
import { buildServer, type LocalServer } from '../../cloud/local/server'
import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { benchIdNumber } from '../../bench/fixtures'
import { newClass } from '../cloud/childcareFixtures'
import { MONDAY_10AM } from '../cloud/harness'

/**
 * The PII scan: a local runtime on a real data folder goes through what a worker and the desk do —
 * real-name profiles, a child's sign-up, an aid application and a medical claim with uploads whose
 * bytes hold an ID number, reveals on the desk, every step of the cases — while everything the
 * process writes to stdout and stderr is captured. Then every byte of the data folder (the SQLite
 * file, its WAL, the uploads), the `audit` and `idempotency` collections and the log are searched
 * for the plaintext personal values used: none may be found.
 */

const WORKER = PERSONAS.find((p) => p.openid === 'dev-worker')!.profile!
/** The personal values used, by what they are. */
const PII = {
  'ID number of 张建国 (dev:worker)': WORKER.idNumber,
  'mobile of 张建国 (dev:worker)': WORKER.mobile,
  'ID number of 李秀英 (dev:worker2)': benchIdNumber(321, '19900707'),
  'mobile of 李秀英 (dev:worker2)': '13966602222',
  "ID number of 张建国's child": benchIdNumber(77, '20180315'),
  'mobile of the emergency contact': '13855553333',
  "health notes of 张建国's child": '对青霉素严重过敏',
  'bank card of the aid application': '6217000010001234567',
  'bank card of the medical claim': '6228480402564890018',
  'diagnosis of the medical claim': '左侧股骨颈骨折',
  'ID number refused as a mobile': benchIdNumber(654, '19770101'),
  // Beyond the four kinds: everything about a child under 14 is sensitive (PIPL), and so is the household.
  "name of 张建国's child": '张小宝',
  'name of a household member': '王美丽',
  // 就业招聘: the phone on a résumé is sealed, and shown to an employer only after its invitation.
  "mobile on 张建国's résumé": '13966681234',
}

/** The forms a value could take in stored bytes: as it is, JSON-escaped, UTF-16, a card in groups of four. */
function needles(value: string): Buffer[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), value.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)])
  if (/^\d{16,19}$/.test(value)) forms.add(value.replace(/(\d{4})(?=\d)/g, '$1 '))
  return [...forms].flatMap((f) => [Buffer.from(f, 'utf8'), Buffer.from(f, 'utf16le')])
}

function hitsIn(where: string, bytes: Buffer): string[] {
  const hits: string[] = []
  for (const [what, value] of Object.entries(PII)) {
    for (const needle of needles(value)) {
      const at = bytes.indexOf(needle)
      if (at >= 0) hits.push(`${what} in ${where} at byte ${at}`)
    }
  }
  return [...new Set(hits)]
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

const scanFolder = (dir: string, when: string) => filesUnder(dir).flatMap((file) => hitsIn(`${relative(dir, file)} (${when})`, readFileSync(file)))

/** A PDF and a JPEG whose bytes carry 张建国's ID number, as a photo of an ID card would. */
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Page >> endobj\nBT /F1 12 Tf (ID ${WORKER.idNumber} Zhang Jianguo) Tj ET\n%%EOF\n`)
const JPEG = (() => {
  const comment = Buffer.from(`ID card ${WORKER.idNumber}`)
  const length = Buffer.alloc(2)
  length.writeUInt16BE(comment.length + 2)
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe]), length, comment, Buffer.from([0xff, 0xd9])])
})()

function multipart(filename: string, content: Buffer, service: string) {
  const boundary = '----lugong-pii-scan'
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="service"\r\n\r\n${service}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`
  return { body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), boundary }
}

/** Everything the process writes to stdout and stderr, console included, while `capture` is on. */
function captureOutput() {
  const lines: string[] = []
  const restore: Array<() => void> = []
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk))
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    }) as typeof stream.write
    restore.push(() => {
      stream.write = write
    })
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[method]
    console[method] = (...args: unknown[]) => {
      lines.push(format(...args))
    }
    restore.push(() => {
      console[method] = original
    })
  }
  return { text: () => lines.join('\n'), stop: () => restore.forEach((r) => r()) }
}

describe('the PII scan of a local runtime\'s data folder, its log and its records', () => {
  let dir: string
  let db: SqliteDb
  let app: LocalServer
  let output: ReturnType<typeof captureOutput>
  const tokens: Record<string, string> = {}
  let requestNo = 0
  const intent = () => `pii-scan-${++requestNo}`

  const call = async (who: string, fn: string, action: string, payload: object, requestId?: string) => {
    const res = await app.inject({ method: 'POST', url: `/api/${fn}`, payload: { action, payload, requestId }, headers: { authorization: `Bearer ${tokens[who]}` } })
    return res.json()
  }
  const ok = async (who: string, fn: string, action: string, payload: object, requestId = intent()) => {
    const res = await call(who, fn, action, payload, requestId)
    if (!res.ok) throw new Error(`${fn}.${action} as ${who}: ${JSON.stringify(res.error)}`)
    return res.data
  }
  const upload = async (who: string, filename: string, content: Buffer, service: string) => {
    const { body, boundary } = multipart(filename, content, service)
    const res = await app.inject({
      method: 'POST',
      url: '/api/upload',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${tokens[who]}` },
    })
    const json = res.json()
    if (!json.ok) throw new Error(`upload as ${who}: ${JSON.stringify(json.error)}`)
    return json.data.fileId as string
  }

  beforeAll(async () => {
    output = captureOutput()
    dir = mkdtempSync(join(tmpdir(), 'lugong-pii-'))
    db = new SqliteDb({ filename: join(dir, 'lugong.sqlite') })
    const pii = createPii(generatePiiKey())
    await seedDemoData(db, pii, MONDAY_10AM)
    app = await buildServer({ db, pii, dev: true, tokenSecret: 'pii-scan', filesDir: join(dir, 'files'), clock: () => MONDAY_10AM })
    for (const who of ['worker', 'worker2', 'volunteer', 'admin', 'hr']) {
      const res = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { code: `dev:${who}` } })).json()
      tokens[who] = res.data.token
    }
  })

  afterAll(async () => {
    output?.stop()
    await app?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds no ID number, mobile, bank card or diagnosis in plaintext anywhere', async () => {
    // Real names: one refused (an ID number where the mobile goes, and someone else's ID number), one taken.
    await ok('worker2', 'users', 'consent', { policy: 'realname', version: FIRST_VERSION })
    const profile = { name: '李秀英', mobile: PII['mobile of 李秀英 (dev:worker2)'], idNumber: PII['ID number of 李秀英 (dev:worker2)'], employer: '鹿城区环卫所', unionMember: true }
    expect(await call('worker2', 'users', 'updateProfile', { ...profile, mobile: PII['ID number refused as a mobile'] }, intent())).toMatchObject({ ok: false })
    expect(await call('worker2', 'users', 'updateProfile', { ...profile, idNumber: WORKER.idNumber }, intent())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const again = intent()
    await ok('worker2', 'users', 'updateProfile', profile, again)
    await ok('worker2', 'users', 'updateProfile', profile, again)

    // A child's sign-up.
    const { _id: classId } = await ok('admin', 'childcare', 'upsertClass', newClass({ title: '隐私扫描托班' }))
    const child = { name: PII["name of 张建国's child"], idNumber: PII["ID number of 张建国's child"], gender: 'male', school: '广场路小学', grade: 2, healthNotes: PII["health notes of 张建国's child"] }
    const { _id: enrollmentId } = await ok('worker', 'childcare', 'enroll', {
      classId,
      child,
      emergencyContact: { name: '外婆', mobile: PII['mobile of the emergency contact'] },
      consentVersion: FIRST_VERSION,
    })

    // An aid application and a medical claim, with uploads that hold the ID number.
    const idPdf = await upload('worker', 'id-card.pdf', PDF, 'aid')
    const idJpeg = await upload('worker', 'id-card.jpg', JPEG, 'aid')
    const { _id: aidCase } = await ok('worker', 'aid', 'apply', {
      programme: 'winter_warmth',
      members: [{ name: PII['name of a household member'], relation: 'spouse', age: 38 }],
      annualIncomeFen: 3_000_000,
      unavoidableSpendingFen: 600_000,
      story: '妻子今年做了手术，欠下医药费，孩子还在上小学，冬天取暖和生活都很困难。',
      bankAccount: { bankName: '中国建设银行', accountNo: PII['bank card of the aid application'] },
      attachments: [
        { fileId: idPdf, material: 'id_card' },
        { fileId: idJpeg, material: 'household_register' },
      ],
      consentVersion: FIRST_VERSION,
    })
    const discharge = await upload('worker', 'discharge.pdf', PDF, 'medical')
    const { _id: medicalCase } = await ok('worker', 'medical', 'submitClaim', {
      category: 'inpatient',
      hospital: '温州医科大学附属第二医院',
      admissionDate: '2026-11-02',
      dischargeDate: '2026-11-12',
      selfPaidFen: 1_250_000,
      diagnosis: PII['diagnosis of the medical claim'],
      bankAccount: { bankName: '中国农业银行', accountNo: PII['bank card of the medical claim'] },
      attachments: [{ fileId: discharge, material: 'discharge_summary' }],
      consentVersion: FIRST_VERSION,
    })

    // The desk: reveals, the roster, the files, every step.
    for (const field of ['idNumber', 'mobile', 'bankAccount', 'applicantName']) await ok('volunteer', 'aid', 'reveal', { caseId: aidCase, field })
    for (const field of ['idNumber', 'diagnosis', 'bankAccount']) await ok('volunteer', 'medical', 'reveal', { caseId: medicalCase, field })
    await ok('volunteer', 'childcare', 'roster', { classId })
    expect(await ok('volunteer', 'childcare', 'revealIdNumber', { enrollmentId })).toEqual({ idNumber: PII["ID number of 张建国's child"] })
    for (const fileId of [idPdf, idJpeg, discharge]) {
      const { url } = await ok('volunteer', 'files', 'url', { fileId })
      const served = await app.inject({ method: 'GET', url })
      expect(served.rawPayload.includes(Buffer.from(WORKER.idNumber))).toBe(true)
    }
    await ok('volunteer', 'aid', 'deskCase', { caseId: aidCase })
    await ok('volunteer', 'aid', 'claim', { caseId: aidCase })
    await ok('volunteer', 'aid', 'askInfo', { caseId: aidCase, note: '请补充收入证明' })
    const income = await upload('worker', 'income.pdf', PDF, 'aid')
    await ok('worker', 'aid', 'resubmit', { caseId: aidCase, note: '已补充收入证明', attachments: [{ fileId: income, material: 'income_proof' }] })
    await ok('volunteer', 'aid', 'claim', { caseId: aidCase })
    await ok('volunteer', 'aid', 'approve', { caseId: aidCase, amountFen: 200_000 })
    await ok('volunteer', 'aid', 'markPaid', { caseId: aidCase, paymentRef: 'CCB20261130001' })
    await ok('volunteer', 'medical', 'deskCase', { caseId: medicalCase })
    await ok('volunteer', 'medical', 'claim', { caseId: medicalCase })
    const { suggestedFen } = await ok('volunteer', 'medical', 'deskCase', { caseId: medicalCase })
    await ok('volunteer', 'medical', 'approve', { caseId: medicalCase, amountFen: suggestedFen })
    await ok('volunteer', 'medical', 'markPaid', { caseId: medicalCase, paymentRef: 'ABC20261130001' })
    for (const [fn, action] of [['aid', 'case'], ['medical', 'case']]) await ok('worker', fn, action, { caseId: fn === 'aid' ? aidCase : medicalCase })
    await ok('worker', 'users', 'requests', {})
    await ok('worker', 'users', 'inbox', {})
    await ok('worker2', 'users', 'me', {})

    // A résumé, an application, HR's looks before and after the invitation, the worker's own reads.
    await ok('worker', 'jobs', 'saveResume', { phone: PII["mobile on 张建国's résumé"], experience: '快递员五年', skills: '', certificates: '', availability: 'now' })
    const { _id: applicationId } = await ok('worker', 'jobs', 'apply', { jobId: 'demo-job-1' })
    expect((await ok('hr', 'jobs', 'hrApplication', { applicationId })).phoneShown).toBe(false)
    await ok('hr', 'jobs', 'invite', { applicationId, at: MONDAY_10AM + 24 * 60 * 60 * 1000, mode: 'onsite', place: '温州市鹿城区车站大道577号' })
    expect((await ok('hr', 'jobs', 'hrApplication', { applicationId })).resume.phone).toBe(PII["mobile on 张建国's résumé"])
    expect((await ok('worker', 'jobs', 'myResume', {})).resume.phone).toBe(PII["mobile on 张建国's résumé"])
    await ok('worker', 'jobs', 'myApplication', { applicationId })
    await ok('hr', 'jobs', 'applicants', { jobId: 'demo-job-1' })

    console.log('the capture works')

    // What the database holds about it, read while it runs.
    const records = {
      audit: Buffer.from(JSON.stringify((await db.collection('audit').limit(1000).get()).data)),
      idempotency: Buffer.from(JSON.stringify((await db.collection('idempotency').limit(1000).get()).data)),
    }
    expect(JSON.parse(records.audit.toString()).length).toBeGreaterThan(10)
    expect(JSON.parse(records.idempotency.toString()).length).toBeGreaterThan(10)
    const whileOpen = scanFolder(dir, 'while running')

    // Closed: the WAL checkpointed into the database file.
    await app.close()
    db.close()
    const log = output.text()
    output.stop()
    const hits = [
      ...whileOpen,
      ...scanFolder(dir, 'after closing'),
      ...hitsIn('the audit collection', records.audit),
      ...hitsIn('the idempotency collection', records.idempotency),
      ...hitsIn('the captured stdout/stderr', Buffer.from(log)),
    ]
    expect(filesUnder(join(dir, 'files'))).toHaveLength(4)
    // The scan finds what is there: the uploads' own bytes, a value as the log would print it.
    expect(hitsIn('the PDF as uploaded', PDF)).toEqual([`ID number of 张建国 (dev:worker) in the PDF as uploaded at byte ${PDF.indexOf(WORKER.idNumber)}`])
    expect(hitsIn('a log line', Buffer.from(format('%o', { diagnosis: PII['diagnosis of the medical claim'] })))).toHaveLength(1)
    expect(log).toContain('the capture works')
    expect(hits).toEqual([])
  })
})
