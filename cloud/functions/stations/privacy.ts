import { REPORT_KIND_NAMES, REPORT_STATUS_NAMES } from '../../../types/stations'
import { formatShanghai } from '../../domain/time'
import type { PersonalDataPart } from '../../core/privacy'
import type { StationReportRecord } from './records'

const reportsOf = (ctx: Parameters<PersonalDataPart['collect']>[0], userId: string) =>
  ctx.db.collection<StationReportRecord>('station_reports').where({ userId }).orderBy('createdAt', 'desc').limit(1000).get()

/** A worker's reports of station problems: shown and copied whole; on closing, the words go and the problem's kind stays with the station. */
export const stationsPrivacyPart: PersonalDataPart = {
  async collect(ctx, userId) {
    const { data } = await reportsOf(ctx, userId)
    if (data.length === 0) return []
    return [
      {
        key: 'stations',
        title: '驿站反馈',
        items: data.map((r) => ({
          title: `${r.stationName}：${REPORT_KIND_NAMES[r.kind]}`,
          at: r.createdAt,
          rows: [
            { label: '反馈内容', value: r.text },
            { label: '状态', value: REPORT_STATUS_NAMES[r.status] },
            ...(r.reply ? [{ label: '工会回复', value: r.reply }] : []),
            { label: '反馈时间', value: formatShanghai(r.createdAt, 'YYYY-MM-DD HH:mm') },
          ],
        })),
      },
    ]
  },

  async plan(ctx, userId) {
    const { data } = await reportsOf(ctx, userId)
    if (data.length === 0) return { erased: [], kept: [], withdrawn: [], blockers: [] }
    return { erased: ['驿站反馈里您写的内容'], kept: ['驿站问题的类型和处理状态，不含您的信息：驿站维护的记录'], withdrawn: [], blockers: [] }
  },

  // A report rests on the privacy policy alone, and is done when sent: nothing to withdraw.
  consentsGiven: async () => ({}),
  withdrawOpen: async () => undefined,

  async close(ctx, userId, alias) {
    await ctx.db.collection('station_reports').where({ userId }).update({ data: { userId: alias, text: '（反馈人已注销）' } })
    await ctx.db.collection('station_reports').where({ resolvedBy: userId }).update({ data: { resolvedBy: alias } })
  },
}
