import {
  NearbyInput,
  ReportInput,
  ReportsInput,
  ResolveReportInput,
  SetStatusInput,
  StationIdInput,
  StationUpsertInput,
  type StationDetail,
  type StationReport,
  type StationsContract,
  type StationSummary,
} from '../../../types/stations'
import { Empty } from '../../../types/users'
import { distanceM } from '../../domain/stations/distance'
import { describeHours, isOpenOn, shanghaiClock, type WallClock } from '../../domain/stations/hours'
import type { Ctx } from '../../core/context'
import { defineFunction } from '../../core/defineFunction'
import { failedPrecondition, notFound } from '../../core/errors'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { latLngOf, type StationRecord, type StationReportRecord } from './records'

const STAFF = ['volunteer:stations', 'admin'] as const
const SCAN_BATCH = 100

const stations = (ctx: Ctx) => ctx.db.collection<StationRecord>('stations')
const reportsOf = (ctx: Ctx) => ctx.db.collection<StationReportRecord>('station_reports')

const isOpenNow = (s: StationRecord, clock: WallClock) => s.status === 'open' && isOpenOn(s.hours, clock)

function toDetail(s: StationRecord, now: number): StationDetail {
  return {
    _id: s._id,
    name: s.name,
    type: s.type,
    address: s.address,
    location: latLngOf(s.location),
    facilities: s.facilities,
    status: s.status,
    openNow: isOpenNow(s, shanghaiClock(now)),
    demo: s.demo,
    hours: s.hours,
    hoursText: describeHours(s.hours),
    phone: s.phone,
    photos: s.photos ?? [],
    updatedAt: s.updatedAt,
  }
}

function toReport(r: StationReportRecord): StationReport {
  const { _id, stationId, stationName, kind, text, status, reply, createdAt, resolvedAt } = r
  return { _id, stationId, stationName, kind, text, status, reply, createdAt, resolvedAt }
}

async function mustGetStation(ctx: Ctx, id: string): Promise<StationRecord> {
  const { data } = await stations(ctx).doc(id).get()
  if (!data) throw notFound('没有找到这个阵地')
  return data
}

export const stationsFunction = defineFunction<StationsContract>('stations', {
  nearby: {
    roles: ['worker'],
    input: NearbyInput,
    readOnly: true,
    async run(ctx, input) {
      const _ = ctx.db.command
      const clock = shanghaiClock(ctx.now())
      const here = { lat: input.lat, lng: input.lng }
      const limit = input.limit ?? 20
      const query: Record<string, unknown> = { location: _.geoNear({ geometry: ctx.db.Geo.Point(input.lng, input.lat) }) }
      if (input.facilities?.length) query.facilities = _.all(input.facilities)
      if (input.types?.length) query.type = _.in(input.types)

      // "Open now" depends on the clock, so it is filtered here while walking outward by distance.
      let raw = decodeCursor(input.cursor)
      const picked: StationRecord[] = []
      let nextCursor: string | undefined
      for (;;) {
        const batchSize = input.openNow ? SCAN_BATCH : limit + 1
        const { data } = await stations(ctx).where(query).skip(raw).limit(batchSize).get()
        for (const s of data) {
          if (!input.openNow || isOpenNow(s, clock)) {
            if (picked.length === limit) {
              nextCursor = encodeCursor(raw)
              break
            }
            picked.push(s)
          }
          raw++
        }
        if (nextCursor || data.length < batchSize) break
      }
      const items: StationSummary[] = picked.map((s) => {
        const location = latLngOf(s.location)
        return {
          _id: s._id,
          name: s.name,
          type: s.type,
          address: s.address,
          location,
          facilities: s.facilities,
          status: s.status,
          openNow: isOpenNow(s, clock),
          distanceM: Math.round(distanceM(here, location)),
          demo: s.demo,
        }
      })
      return { items, nextCursor }
    },
  },

  get: {
    roles: ['worker'],
    input: StationIdInput,
    readOnly: true,
    run: async (ctx, input) => toDetail(await mustGetStation(ctx, input.id), ctx.now()),
  },

  report: {
    roles: ['worker'],
    input: ReportInput,
    async run(ctx, input) {
      const station = await mustGetStation(ctx, input.stationId)
      const record: Omit<StationReportRecord, '_id'> = {
        stationId: station._id,
        stationName: station.name,
        userId: ctx.user._id,
        kind: input.kind,
        text: input.text,
        status: 'open',
        createdAt: ctx.now(),
      }
      const { _id } = await reportsOf(ctx).add({ data: record as StationReportRecord })
      return toReport({ ...record, _id })
    },
  },

  myReports: {
    roles: ['worker'],
    input: Empty,
    readOnly: true,
    async run(ctx) {
      const { data } = await reportsOf(ctx).where({ userId: ctx.user._id }).orderBy('createdAt', 'desc').limit(50).get()
      return { items: data.map(toReport) }
    },
  },

  upsert: {
    roles: STAFF,
    input: StationUpsertInput,
    async run(ctx, input) {
      const _ = ctx.db.command
      const now = ctx.now()
      const fields = {
        name: input.name,
        type: input.type,
        address: input.address,
        location: ctx.db.Geo.Point(input.lng, input.lat),
        facilities: [...new Set(input.facilities)],
        hours: input.hours,
        photos: input.photos ?? [],
        updatedAt: now,
      }
      if (input.id) {
        // An update, not a read-then-replace: a status change made meanwhile is kept.
        const { stats } = await stations(ctx)
          .doc(input.id)
          .update({
            data: {
              ...fields,
              location: _.set(fields.location),
              hours: _.set(fields.hours),
              phone: input.phone ?? _.remove(),
            },
          })
        if (stats.updated === 0) throw notFound('没有找到这个阵地')
        return toDetail(await mustGetStation(ctx, input.id), now)
      }
      const record = { ...fields, phone: input.phone, status: 'open' as const, createdAt: now }
      const { _id } = await stations(ctx).add({ data: record })
      return toDetail({ ...record, _id }, now)
    },
  },

  setStatus: {
    roles: STAFF,
    input: SetStatusInput,
    async run(ctx, input) {
      const { stats } = await stations(ctx).doc(input.id).update({ data: { status: input.status, updatedAt: ctx.now() } })
      if (stats.updated === 0) throw notFound('没有找到这个阵地')
      return toDetail(await mustGetStation(ctx, input.id), ctx.now())
    },
  },

  reports: {
    roles: STAFF,
    input: ReportsInput,
    readOnly: true,
    async run(ctx, input) {
      const limit = input.limit ?? 20
      const offset = decodeCursor(input.cursor)
      const status = input.status ?? 'open'
      const { data } = await reportsOf(ctx)
        .where({ status })
        .orderBy('createdAt', status === 'open' ? 'asc' : 'desc')
        .skip(offset)
        .limit(limit + 1)
        .get()
      return {
        items: data.slice(0, limit).map(toReport),
        nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined,
      }
    },
  },

  resolveReport: {
    roles: STAFF,
    input: ResolveReportInput,
    async run(ctx, input) {
      const now = ctx.now()
      const { stats } = await reportsOf(ctx)
        .where({ _id: input.id, status: 'open' })
        .update({ data: { status: 'resolved', reply: input.reply, resolvedAt: now, resolvedBy: ctx.user._id } })
      const { data } = await reportsOf(ctx).doc(input.id).get()
      if (!data) throw notFound('没有找到这条反馈')
      if (stats.updated === 0) throw failedPrecondition('这条反馈已经处理过了')
      await ctx.notify(data.userId, {
        title: '您反馈的问题已处理',
        body: `${data.stationName}：${input.reply}`,
        link: `/packages/stations/detail/index?id=${data.stationId}`,
      })
      return toReport(data)
    },
  },
})
