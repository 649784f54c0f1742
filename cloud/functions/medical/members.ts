import Papa from 'papaparse'
import type { ImportReport } from '../../../types/medical'
import type { Ctx } from '../../core/context'
import { AppError, invalid } from '../../core/errors'
import { isValidIdNumber } from '../../domain/identity/idNumber'
import { maskName } from '../../domain/identity/mask'
import { DuplicateKeyError } from '../../db/types'
import { memberKeyOf, type MemberRecord } from './plans'

interface Row {
  line: number
  name: string
  idNumber: string
  employer: string
  year: number
}

const HEADER = /姓名|name/i
/** One import stays within a cloud function's time and one transaction's size. */
const MAX_ROWS = 2000
const LOOKUP_BATCH = 100

/** Which of these member keys are already in the plan, asked a hundred at a time. */
async function alreadyEnrolled(ctx: Ctx, keys: string[]): Promise<Set<string>> {
  const members = ctx.db.collection<MemberRecord>('medical_members')
  const found = new Set<string>()
  for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
    const batch = keys.slice(i, i + LOOKUP_BATCH)
    const { data } = await members.where({ memberKey: ctx.db.command.in(batch) }).limit(LOOKUP_BATCH).get()
    for (const m of data) found.add(m.memberKey)
  }
  return found
}

/** Reads the CSV (姓名,身份证号,单位,年份; a header line is optional) into rows and refusals. */
function readRows(csv: string): { rows: Row[]; refused: ImportReport['refused']; total: number } {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const lines = parsed.data
  const start = lines.length > 0 && HEADER.test(lines[0][0] ?? '') ? 1 : 0
  const rows: Row[] = []
  const refused: ImportReport['refused'] = []
  for (let i = start; i < lines.length; i++) {
    const [name = '', rawId = '', employer = '', rawYear = ''] = lines[i].map((cell) => cell.trim())
    const line = i + 1
    const idNumber = rawId.toUpperCase()
    const year = Number(rawYear)
    if (name.length < 2 || name.length > 20) refused.push({ line, reason: '姓名应为2到20个字' })
    else if (!/^\d{17}[\dX]$/.test(idNumber) || !isValidIdNumber(idNumber)) refused.push({ line, reason: '身份证号不正确' })
    else if (employer.length < 2 || employer.length > 60) refused.push({ line, reason: '单位应为2到60个字' })
    else if (!Number.isInteger(year) || year < 2024 || year > 2100) refused.push({ line, reason: '年份不正确' })
    else rows.push({ line, name, idNumber, employer, year })
  }
  return { rows, refused, total: lines.length - start }
}

/**
 * The members an employer's union enrolled, from a CSV: every row checked (name, GB 11643 ID number,
 * employer, year; a person once a year, in the file and in the plan), then — when `commit` — the rows
 * that pass written in one transaction, so an import lands whole or not at all.
 */
export async function importMembers(ctx: Ctx, csv: string, commit: boolean): Promise<ImportReport> {
  const { rows, refused, total } = readRows(csv)
  if (total > MAX_ROWS) throw invalid({ csv: `每次最多导入${MAX_ROWS}行，这个文件有${total}行，请分批导入` })
  const keyed = rows.map((row) => ({ row, memberKey: memberKeyOf(row.year, ctx.pii.blindIndex(row.idNumber)) }))
  const enrolled = await alreadyEnrolled(ctx, keyed.map((k) => k.memberKey))
  const seen = new Set<string>()
  const accepted: Array<Omit<MemberRecord, '_id'>> = []
  for (const { row, memberKey } of keyed) {
    if (seen.has(memberKey)) {
      refused.push({ line: row.line, reason: '文件里重复：同一人同一年出现两次' })
      continue
    }
    seen.add(memberKey)
    if (enrolled.has(memberKey)) {
      refused.push({ line: row.line, reason: `${row.year}年已经参加，不必重复导入` })
      continue
    }
    accepted.push({ year: row.year, memberKey, nameMasked: maskName(row.name), employer: row.employer, importedAt: ctx.now(), importedBy: ctx.user._id })
  }
  refused.sort((a, b) => a.line - b.line)
  const summary = `${total}行，可导入${accepted.length}行，不能导入${refused.length}行`
  if (!commit || accepted.length === 0) {
    await ctx.audit({ summary: `检查医疗互助成员名单：${summary}` })
    return { rows: total, accepted: accepted.length, refused, imported: 0 }
  }
  try {
    await ctx.transaction(async (t) => {
      for (const member of accepted) await t.tx.collection('medical_members').add({ data: member })
      await t.audit({ summary: `导入医疗互助成员名单：${summary}` })
    })
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT', '导入时名单有了变化（可能有人同时导入），没有导入任何一行，请重试')
    throw error
  }
  return { rows: total, accepted: accepted.length, refused, imported: accepted.length }
}
