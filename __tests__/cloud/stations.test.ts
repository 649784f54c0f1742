import { distanceM, DISTRICT_CENTRE } from '../../cloud/domain/stations/distance'
import { isOpenAt } from '../../cloud/domain/stations/hours'
import { createHarness, MONDAY_10AM, type Harness } from './harness'

const CENTRE = { lat: DISTRICT_CENTRE.lat, lng: DISTRICT_CENTRE.lng }

const newStation = (over: Record<string, unknown> = {}) => ({
  name: '测试驿站',
  type: 'rest_stop',
  address: '温州市鹿城区测试路1号',
  lat: 28.02,
  lng: 120.66,
  facilities: ['ac', 'water', 'microwave'],
  hours: { open24h: false, periods: [{ days: [1, 2, 3, 4, 5], open: '08:00', close: '18:00' }] },
  phone: '0577-88886666',
  ...over,
})

describe('stations', () => {
  let h: Harness
  beforeEach(async () => {
    h = await createHarness()
  })
  afterEach(() => h.close())

  describe('nearby', () => {
    it('lists stations nearest first with their distance', async () => {
      const page = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, limit: 10 })
      expect(page.items).toHaveLength(10)
      const distances = page.items.map((s: any) => s.distanceM)
      expect([...distances].sort((a, b) => a - b)).toEqual(distances)
      const first = page.items[0]
      expect(first.distanceM).toBe(Math.round(distanceM(CENTRE, first.location)))
      expect(first).toMatchObject({ demo: true, status: 'open' })
    })

    it('is really the nearest: no station left out is closer than the last one listed', async () => {
      const page = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, limit: 5 })
      const everything = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, limit: 50 })
      expect(page.items.map((s: any) => s._id)).toEqual(everything.items.slice(0, 5).map((s: any) => s._id))
    })

    it('keeps only stations with all of the facilities asked for', async () => {
      const page = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, facilities: ['microwave', 'nursing'], limit: 50 })
      expect(page.items.length).toBeGreaterThan(0)
      for (const s of page.items) expect(s.facilities).toEqual(expect.arrayContaining(['microwave', 'nursing']))
      const stations = await h.all('stations')
      const expected = stations.filter((s: any) => s.facilities.includes('microwave') && s.facilities.includes('nursing'))
      expect(page.items).toHaveLength(expected.length)
    })

    it('filters by type', async () => {
      const page = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, types: ['reading_room', 'mother_room'], limit: 50 })
      expect(page.items.length).toBeGreaterThan(0)
      for (const s of page.items) expect(['reading_room', 'mother_room']).toContain(s.type)
    })

    it('keeps only stations open now by the server clock in Asia/Shanghai', async () => {
      const sundayNight = Date.parse('2026-11-29T23:30:00+08:00')
      h.setNow(sundayNight)
      const page = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, openNow: true, limit: 50 })
      const stations = await h.all('stations')
      const open = stations.filter((s: any) => s.status === 'open' && isOpenAt(s.hours, sundayNight))
      expect(open.length).toBeGreaterThan(0)
      expect(open.length).toBeLessThan(stations.length)
      expect(page.items.map((s: any) => s._id).sort()).toEqual(open.map((s: any) => s._id).sort())
      for (const s of page.items) expect(s.openNow).toBe(true)
    })

    it('pages with a cursor, without gaps or repeats', async () => {
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page: any = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, limit: 7, cursor, openNow: false })
        seen.push(...page.items.map((s: any) => s._id))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen).toHaveLength((await h.all('stations')).length)
      expect(new Set(seen).size).toBe(seen.length)
    })

    it('pages "open now" results without gaps or repeats', async () => {
      const first = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, openNow: true, limit: 5 })
      const second = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, openNow: true, limit: 5, cursor: first.nextCursor })
      const all = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, openNow: true, limit: 10 })
      expect([...first.items, ...second.items].map((s: any) => s._id)).toEqual(all.items.map((s: any) => s._id))
    })

    it('refuses bad input with the field named', async () => {
      const res = await h.call('dev-worker', 'stations', 'nearby', { lat: 123, lng: 'east', facilities: ['sauna'] })
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      if (!res.ok) expect(Object.keys(res.error.fields!)).toEqual(expect.arrayContaining(['lat', 'lng', 'facilities.0']))
    })

    it('refuses a caller with no identity', async () => {
      expect(await h.call(null, 'stations', 'nearby', CENTRE)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    })
  })

  describe('get', () => {
    it('gives the detail with the hours in words', async () => {
      const s = await h.ok('dev-worker', 'stations', 'get', { id: 'demo-station-00001' })
      expect(s).toMatchObject({ _id: 'demo-station-00001', hoursText: expect.any(String), photos: [] })
      expect(s.location).toEqual({ lat: expect.any(Number), lng: expect.any(Number) })
    })

    it('answers NOT_FOUND for a station that does not exist, and refuses bad input', async () => {
      expect(await h.call('dev-worker', 'stations', 'get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(await h.call('dev-worker', 'stations', 'get', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { id: expect.any(String) } } })
    })
  })

  describe('report and the staff queue', () => {
    const report = { stationId: 'demo-station-00001', kind: 'broken', text: '微波炉坏了，按了不加热' }

    it('files a report into the staff queue; the worker sees its state', async () => {
      const filed = await h.ok('dev-worker', 'stations', 'report', report)
      expect(filed).toMatchObject({ status: 'open', stationName: expect.any(String) })
      const queue = await h.ok('dev-volunteer', 'stations', 'reports', {})
      expect(queue.items.map((r: any) => r._id)).toEqual([filed._id])
      const mine = await h.ok('dev-worker', 'stations', 'myReports', {})
      expect(mine.items).toEqual([expect.objectContaining({ _id: filed._id, status: 'open' })])
    })

    it('makes one report of one requestId sent twice', async () => {
      await h.ok('dev-worker', 'stations', 'report', report, 'report-intent-1')
      await h.ok('dev-worker', 'stations', 'report', report, 'report-intent-1')
      expect(await h.all('station_reports')).toHaveLength(1)
    })

    it('refuses bad input and writes nothing', async () => {
      const res = await h.call('dev-worker', 'stations', 'report', { stationId: 'demo-station-00001', kind: 'fire', text: '坏' })
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      if (!res.ok) expect(Object.keys(res.error.fields!).sort()).toEqual(['kind', 'text'])
      expect(await h.all('station_reports')).toHaveLength(0)
    })

    it('refuses a report on a station that does not exist', async () => {
      expect(await h.call('dev-worker', 'stations', 'report', { ...report, stationId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(await h.all('station_reports')).toHaveLength(0)
    })

    it('refuses bad input to the report lists', async () => {
      expect(await h.call('dev-worker', 'stations', 'myReports', ['all'])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await h.call('dev-volunteer', 'stations', 'reports', { status: 'lost', limit: 0 })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', fields: { status: expect.any(String), limit: expect.any(String) } },
      })
    })

    it('shows a worker only their own reports', async () => {
      await h.ok('dev-worker', 'stations', 'report', report)
      expect((await h.ok('dev-worker2', 'stations', 'myReports', {})).items).toEqual([])
    })

    it('keeps the queue from workers and from volunteers of other services', async () => {
      await h.db.collection('users').add({ data: { _id: 'vol-aid', roles: ['worker', 'volunteer'], services: ['aid'], consents: {} } })
      expect(await h.call('dev-worker', 'stations', 'reports', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call('vol-aid', 'stations', 'reports', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call('dev-admin', 'stations', 'reports', {})).toMatchObject({ ok: true })
    })

    it('resolves a report once, tells the worker in the inbox, and audits it', async () => {
      const filed = await h.ok('dev-worker', 'stations', 'report', report)
      const done = await h.ok('dev-volunteer', 'stations', 'resolveReport', { id: filed._id, reply: '已更换微波炉' })
      expect(done).toMatchObject({ status: 'resolved', reply: '已更换微波炉', resolvedAt: MONDAY_10AM })
      const inbox = await h.ok('dev-worker', 'users', 'inbox', {})
      expect(inbox.items[0]).toMatchObject({ title: '您反馈的问题已处理', read: false, link: expect.stringContaining(report.stationId) })
      expect((await h.ok('dev-worker', 'stations', 'myReports', {})).items[0].status).toBe('resolved')
      expect(await h.all('audit')).toEqual([expect.objectContaining({ who: 'dev-volunteer', action: 'resolveReport' })])
      const again = await h.call('dev-volunteer', 'stations', 'resolveReport', { id: filed._id, reply: '再次处理' })
      expect(again).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } })
    })

    it('refuses resolving for a worker, for a missing report, and with bad input', async () => {
      const filed = await h.ok('dev-worker', 'stations', 'report', report)
      expect(await h.call('dev-worker', 'stations', 'resolveReport', { id: filed._id, reply: '自己处理' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await h.call('dev-volunteer', 'stations', 'resolveReport', { id: 'nope', reply: '好的' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(await h.call('dev-volunteer', 'stations', 'resolveReport', { id: filed._id, reply: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { reply: expect.any(String) } } })
      expect((await h.ok('dev-worker', 'stations', 'myReports', {})).items[0].status).toBe('open')
    })
  })

  describe('upsert and setStatus (staff)', () => {
    it('creates a station that workers then find', async () => {
      const created = await h.ok('dev-admin', 'stations', 'upsert', newStation({ lat: CENTRE.lat, lng: CENTRE.lng }))
      expect(created).toMatchObject({ name: '测试驿站', status: 'open', hoursText: '周一至周五 08:00–18:00' })
      const page = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, limit: 1 })
      expect(page.items[0]._id).toBe(created._id)
      expect(page.items[0].distanceM).toBe(0)
    })

    it('edits a station, keeping its status', async () => {
      await h.ok('dev-admin', 'stations', 'setStatus', { id: 'demo-station-00002', status: 'closed' })
      const edited = await h.ok('dev-volunteer', 'stations', 'upsert', newStation({ id: 'demo-station-00002', name: '改名后的驿站' }))
      expect(edited).toMatchObject({ _id: 'demo-station-00002', name: '改名后的驿站', status: 'closed', phone: '0577-88886666' })
      const withoutPhone = await h.ok('dev-volunteer', 'stations', 'upsert', newStation({ id: 'demo-station-00002', phone: undefined }))
      expect(withoutPhone.phone).toBeUndefined()
      expect(withoutPhone.hours).toEqual(newStation().hours)
    })

    it('keeps the floor area of a station when given, removes it when left out, and refuses one out of bounds', async () => {
      const created = await h.ok('dev-admin', 'stations', 'upsert', newStation({ areaM2: 120 }))
      expect(created.areaM2).toBe(120)
      expect((await h.ok('dev-worker', 'stations', 'get', { id: created._id })).areaM2).toBe(120)
      const without = await h.ok('dev-admin', 'stations', 'upsert', newStation({ id: created._id }))
      expect(without.areaM2).toBeUndefined()
      for (const areaM2 of [0, 1.5, 50_001, '60']) {
        const res = await h.call('dev-admin', 'stations', 'upsert', newStation({ id: created._id, areaM2 }))
        expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { areaM2: expect.stringContaining('面积') } } })
      }
    })

    it('closes and reopens a station; workers see it closed and not open now', async () => {
      const closed = await h.ok('dev-admin', 'stations', 'setStatus', { id: 'demo-station-00001', status: 'closed' })
      expect(closed).toMatchObject({ status: 'closed', openNow: false })
      const seen = await h.ok('dev-worker', 'stations', 'get', { id: 'demo-station-00001' })
      expect(seen).toMatchObject({ status: 'closed', openNow: false })
      const open = await h.ok('dev-worker', 'stations', 'nearby', { ...CENTRE, openNow: true, limit: 50 })
      expect(open.items.map((s: any) => s._id)).not.toContain('demo-station-00001')
      await h.ok('dev-admin', 'stations', 'setStatus', { id: 'demo-station-00001', status: 'open' })
      expect((await h.ok('dev-worker', 'stations', 'get', { id: 'demo-station-00001' })).status).toBe('open')
    })

    it('refuses workers and volunteers of other services, and writes nothing', async () => {
      await h.db.collection('users').add({ data: { _id: 'vol-jobs', roles: ['worker', 'volunteer'], services: ['jobs'], consents: {} } })
      const before = await h.all('stations')
      for (const who of ['dev-worker', 'dev-hr', 'vol-jobs']) {
        expect(await h.call(who, 'stations', 'upsert', newStation())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        expect(await h.call(who, 'stations', 'setStatus', { id: 'demo-station-00001', status: 'closed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      }
      expect(await h.all('stations')).toEqual(before)
    })

    it('refuses bad input with each field named, and writes nothing', async () => {
      const before = await h.all('stations')
      const res = await h.call('dev-admin', 'stations', 'upsert', newStation({ name: '', lat: 200, facilities: ['sauna'], hours: { open24h: false, periods: [{ days: [], open: '8点', close: '18:00' }] }, phone: '110' }))
      expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      if (!res.ok) {
        expect(Object.keys(res.error.fields!)).toEqual(
          expect.arrayContaining(['name', 'lat', 'facilities.0', 'hours.periods.0.days', 'hours.periods.0.open', 'phone']),
        )
      }
      expect(await h.call('dev-admin', 'stations', 'setStatus', { id: 'demo-station-00001', status: 'gone' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect(await h.all('stations')).toEqual(before)
    })

    it('answers NOT_FOUND for editing or closing a station that does not exist', async () => {
      expect(await h.call('dev-admin', 'stations', 'upsert', newStation({ id: 'nope' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(await h.call('dev-admin', 'stations', 'setStatus', { id: 'nope', status: 'closed' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    })
  })
})

describe('seed', () => {
  it('seeds at least 60 demo stations once: a second run neither duplicates nor wipes', async () => {
    const h = await createHarness()
    const stations = await h.all('stations')
    expect(stations.length).toBeGreaterThanOrEqual(60)
    expect(stations.every((s: any) => s.demo === true)).toBe(true)
    await h.ok('dev-admin', 'stations', 'setStatus', { id: 'demo-station-00003', status: 'closed' })
    const { seedDemoData } = await import('../../cloud/local/seed')
    expect(await seedDemoData(h.db, h.pii, Date.now())).toEqual({ inserted: 0 })
    expect(await h.all('stations')).toHaveLength(stations.length)
    expect((await h.ok('dev-worker', 'stations', 'get', { id: 'demo-station-00003' })).status).toBe('closed')
    h.close()
  })
})
