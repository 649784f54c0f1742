import { REPORT_KIND_NAMES, REPORT_STATUS_NAMES } from '../../../types/stations'
import { pageUrl } from '../../../types/services'
import { requestRowId, writeRequestRow, type RequestRecord } from '../../core/requests/row'
import type { Db } from '../../db/types'
import type { StationReportRecord } from './records'

/** A worker's report of a station problem, as a row of their 我的办事. */
export function requestRowOfReport(r: StationReportRecord): RequestRecord {
  return {
    _id: requestRowId('stations', r._id),
    userId: r.userId,
    service: 'stations',
    source: { collection: 'station_reports', id: r._id },
    title: `驿站反馈：${REPORT_KIND_NAMES[r.kind]}`,
    detail: r.reply ? `${r.stationName} · 回复：${r.reply}` : r.stationName,
    status: r.status,
    statusName: REPORT_STATUS_NAMES[r.status],
    waitsForWorker: false,
    open: r.status === 'open',
    link: pageUrl('stations', 'detail', { id: r.stationId }),
    submittedAt: r.createdAt,
    updatedAt: r.resolvedAt ?? r.createdAt,
  }
}

/** Writes the row of every report again, a hundred at a time: after an upgrade, and safe to repeat. */
export async function rebuildStationRequests(db: Db): Promise<number> {
  let written = 0
  for (let skip = 0; ; skip += 100) {
    const { data } = await db.collection<StationReportRecord>('station_reports').orderBy('_id', 'asc').skip(skip).limit(100).get()
    for (const report of data) await writeRequestRow(db, requestRowOfReport(report))
    written += data.length
    if (data.length < 100) return written
  }
}
