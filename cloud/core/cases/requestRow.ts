import { CASE_STATUS_NAMES, OPEN_CASE_STATUSES, type CaseService } from '../../../types/cases'
import { SERVICE_MANIFEST } from '../../../types/services'
import type { Db } from '../../db/types'
import { requestRowId, writeRequestRow, type RequestRecord } from '../requests/row'
import type { CaseRecord } from './record'

/** A case's row of 我的办事: its state, the amount once approved, and whether it waits for the worker. */
export function requestRowOfCase(record: CaseRecord, link: string): RequestRecord {
  const row: RequestRecord = {
    _id: requestRowId(record.service, record._id),
    userId: record.ownerId,
    service: record.service,
    source: { collection: 'cases', id: record._id },
    title: `${SERVICE_MANIFEST[record.service].name}：${record.title}`,
    status: record.status,
    statusName: CASE_STATUS_NAMES[record.status],
    waitsForWorker: record.status === 'needs_info',
    open: OPEN_CASE_STATUSES.includes(record.status),
    link,
    submittedAt: record.submittedAt,
    updatedAt: record.updatedAt,
  }
  if (record.amountFen !== undefined) row.amountFen = record.amountFen
  return row
}

/** Writes the row of every case of a service again, a hundred at a time: after an upgrade, and safe to repeat. */
export async function rebuildCaseRequests(db: Db, service: CaseService, caseLink: (caseId: string) => string): Promise<number> {
  let written = 0
  for (let skip = 0; ; skip += 100) {
    const { data } = await db.collection<CaseRecord>('cases').where({ service }).orderBy('_id', 'asc').skip(skip).limit(100).get()
    for (const record of data) await writeRequestRow(db, requestRowOfCase(record, caseLink(record._id)))
    written += data.length
    if (data.length < 100) return written
  }
}
