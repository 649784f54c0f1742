import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationDetailPage from '../../src/packages/stations/detail/index'
import { held, networkDown, ok, refuse, server } from './fakeServer'
import { REPORT, STATION } from './stationFixtures'

jest.mock('../../src/api/transport', () => require('./fakeServer').transport)

const testing = Taro as unknown as { setRouterParams(params: Record<string, string>): void }

beforeEach(() => {
  server.reset()
  testing.setRouterParams({ id: 's1' })
  server.on('stations', 'get', () => ok(STATION))
  server.on('stations', 'myReports', () => ok({ items: [REPORT, { ...REPORT, _id: 'r2', stationId: 'other', text: '别处的反馈' }] }))
})

describe('a station (a detail page) loads one way', () => {
  it('shows a skeleton while the station is loading, and no station yet', async () => {
    const call = held()
    server.on('stations', 'get', () => call.promise)
    const { container } = render(<StationDetailPage />)
    expect(container.querySelector('.load-skeleton .nut-skeleton')).toBeTruthy()
    expect(screen.queryByText('导航前往')).toBeNull()
    expect(screen.queryByText(/加载中|没有找到/)).toBeNull()
    await act(async () => call.answer(ok(STATION)))
    expect(await screen.findByText(STATION.name)).toBeTruthy()
  })

  it('says the network failed, and 重试 loads the station again and shows it', async () => {
    server.on('stations', 'get', () => networkDown())
    render(<StationDetailPage />)
    expect(await screen.findByText('网络不太好，没能加载。请检查网络后重试')).toBeTruthy()
    expect(screen.queryByText('导航前往')).toBeNull()
    server.on('stations', 'get', () => ok(STATION))
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(STATION.name)).toBeTruthy()
    expect(server.calls('stations', 'get')).toEqual([{ id: 's1' }, { id: 's1' }])
    expect(screen.getByText('导航前往')).toBeTruthy()
  })

  it("says what the server said when the station is not there", async () => {
    server.on('stations', 'get', () => refuse('NOT_FOUND', '没有找到这个阵地'))
    render(<StationDetailPage />)
    expect(await screen.findByText('没有找到这个阵地')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it("shows the station with the worker's own reports on it, and not those on other stations", async () => {
    render(<StationDetailPage />)
    expect(await screen.findByText('我对这里的反馈')).toBeTruthy()
    expect(screen.getByText(STATION.name)).toBeTruthy()
    expect(screen.getByText('周一至周五 09:00–18:00')).toBeTruthy()
    expect(screen.getByText(/微波炉坏了/)).toBeTruthy()
    expect(screen.queryByText(/别处的反馈/)).toBeNull()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('shows no reports part when the worker has reported nothing here', async () => {
    server.on('stations', 'myReports', () => ok({ items: [] }))
    const { container } = render(<StationDetailPage />)
    expect(await screen.findByText(STATION.name)).toBeTruthy()
    await act(async () => undefined)
    expect(container.querySelector('.load-state')).toBeNull()
    expect(screen.queryByText('我对这里的反馈')).toBeNull()
  })

  it('still shows the station when only the reports failed, says just that part failed, and 重试 loads only it', async () => {
    server.on('stations', 'myReports', () => networkDown())
    render(<StationDetailPage />)
    expect(await screen.findByText('我对这里的反馈没能加载')).toBeTruthy()
    expect(screen.getByText(STATION.name)).toBeTruthy()
    expect(screen.getByText('导航前往')).toBeTruthy()
    expect(screen.queryByText('没有找到这个阵地')).toBeNull()
    server.on('stations', 'myReports', () => ok({ items: [REPORT] }))
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(/微波炉坏了/)).toBeTruthy()
    expect(screen.queryByText('我对这里的反馈没能加载')).toBeNull()
    expect(server.calls('stations', 'get')).toHaveLength(1)
    expect(server.calls('stations', 'myReports')).toHaveLength(2)
  })
})
