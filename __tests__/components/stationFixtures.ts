import type { StationDetail, StationReport } from '../../types/stations'

export const STATION: StationDetail = {
  _id: 's1',
  name: '五马街道人民路爱心驿站',
  type: 'rest_stop',
  address: '温州市鹿城区五马街道人民路1号',
  location: { lat: 28.02, lng: 120.66 },
  facilities: ['microwave', 'water'],
  status: 'open',
  openNow: true,
  hours: { open24h: false, periods: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }] },
  hoursText: '周一至周五 09:00–18:00',
  phone: '0577-88886666',
  photos: [],
  updatedAt: 1,
}

export const REPORT: StationReport = {
  _id: 'r1',
  stationId: 's1',
  stationName: STATION.name,
  kind: 'broken',
  text: '微波炉坏了',
  status: 'open',
  createdAt: Date.UTC(2026, 10, 1),
}
