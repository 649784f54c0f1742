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
import { pageUrl } from '../../../types/services'
import { attachFiles } from '../../core/files'
import { rebuildRequestsAction } from '../../core/requests/rebuild'
import { writeRequestRow } from '../../core/requests/row'
import { latLngOf } from '../../core/geo'
import type { StationRecord, StationReportRecord } from './records'
import { rebuildStationRequests, requestRowOfReport } from './requests'

const STAFF = ['volunteer:stations', 'admin'] as const
const SCAN_BATCH = 100

const stations = (ctx: Ctx) => ctx.db.collection<StationRecord>('stations')
const reportsOf = (ctx: Ctx) => ctx.db.collection<StationReportRecord>('station_reports')

/** The uploads behind a station's photo links (`/files/<id>`, or a CloudBase file's record id). */
const photoFileIds = (photos: string[]) => photos.map((p) => p.replace(/^\/files\//, '').split('?')[0]).filter((id) => /^[\w.-]{1,64}$/.test(id))

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
    ...(s.areaM2 !== undefined ? { areaM2: s.areaM2 } : {}),
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
    access: 'read',
    audited: false,
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
    access: 'read',
    audited: false,
    run: async (ctx, input) => toDetail(await mustGetStation(ctx, input.id), ctx.now()),
  },

  report: {
    roles: ['worker'],
    input: ReportInput,
    access: 'write',
    remember: true,
    collectsNew: true,
    audited: false,
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
      return toReport(
        await ctx.transaction(async (t) => {
          const { _id } = await t.tx.collection<StationReportRecord>('station_reports').add({ data: record as StationReportRecord })
          const stored = { ...record, _id }
          await writeRequestRow(t.tx, requestRowOfReport(stored))
          return stored
        }),
      )
    },
  },

  myReports: {
    roles: ['worker'],
    input: Empty,
    access: 'read',
    audited: false,
    async run(ctx) {
      const { data } = await reportsOf(ctx).where({ userId: ctx.user._id }).orderBy('createdAt', 'desc').limit(50).get()
      return { items: data.map(toReport) }
    },
  },

  upsert: {
    roles: STAFF,
    input: StationUpsertInput,
    access: 'write',
    remember: true,
    audited: true,
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
      const id = await ctx.transaction(async (t) => {
        const stationsTx = t.tx.collection<StationRecord>('stations')
        if (input.id) {
          // An update, not a replace: a status change made meanwhile is kept.
          if (!(await stationsTx.doc(input.id).get()).data) throw notFound('没有找到这个阵地')
          await stationsTx.doc(input.id).update({
            data: {
              ...fields,
              location: _.set(fields.location),
              hours: _.set(fields.hours),
              photos: _.set(fields.photos),
              phone: input.phone ?? _.remove(),
              areaM2: input.areaM2 ?? _.remove(),
            },
          })
          await attachFiles(t.tx, photoFileIds(fields.photos), { collection: 'stations', id: input.id })
          await t.audit({ target: input.id, summary: `修改阵地“${input.name}”` })
          return input.id
        }
        const { _id } = await stationsTx.add({ data: { ...fields, phone: input.phone, areaM2: input.areaM2, status: 'open' as const, createdAt: now } })
        await attachFiles(t.tx, photoFileIds(fields.photos), { collection: 'stations', id: _id })
        await t.audit({ target: _id, summary: `新建阵地“${input.name}”` })
        return _id
      })
      return toDetail(await mustGetStation(ctx, id), now)
    },
  },

  setStatus: {
    roles: STAFF,
    input: SetStatusInput,
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      await ctx.transaction(async (t) => {
        const ref = t.tx.collection<StationRecord>('stations').doc(input.id)
        const { data } = await ref.get()
        if (!data) throw notFound('没有找到这个阵地')
        await ref.update({ data: { status: input.status, updatedAt: ctx.now() } })
        await t.audit({ target: input.id, summary: `${input.status === 'open' ? '恢复开放' : '暂停开放'}阵地“${data.name}”` })
      })
      return toDetail(await mustGetStation(ctx, input.id), ctx.now())
    },
  },

  reports: {
    roles: STAFF,
    input: ReportsInput,
    access: 'read',
    audited: false,
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
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      const now = ctx.now()
      const resolved = await ctx.transaction(async (t) => {
        const ref = t.tx.collection<StationReportRecord>('station_reports').doc(input.id)
        const { data } = await ref.get()
        if (!data) throw notFound('没有找到这条反馈')
        if (data.status !== 'open') throw failedPrecondition('这条反馈已经处理过了')
        const change = { status: 'resolved' as const, reply: input.reply, resolvedAt: now, resolvedBy: ctx.user._id }
        await ref.update({ data: change })
        const resolved: StationReportRecord = { ...data, ...change }
        await t.audit({ target: data._id, subjects: [data.userId], summary: `处理驿站反馈（${data.stationName}）` })
        await t.notify(data.userId, {
          title: '您反馈的问题已处理',
          body: `${data.stationName}：${input.reply}`,
          link: pageUrl('stations', 'detail', { id: data.stationId }),
        })
        await writeRequestRow(t.tx, requestRowOfReport(resolved))
        return resolved
      })
      return toReport(resolved)
    },
  },

  rebuildRequests: rebuildRequestsAction('驿站反馈', rebuildStationRequests),
})
