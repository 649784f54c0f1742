import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StationEditPage from '../../src/packages/stations/edit/index'
import { held, networkDown, ok, server } from './fakeServer'
import { STATION } from './stationFixtures'

jest.mock('../../src/api/transport', () => require('./fakeServer').transport)

const testing = Taro as unknown as { setRouterParams(params: Record<string, string>): void }
/** What an input shows (Taro's H5 input keeps it as an attribute). */
const valueIn = (container: HTMLElement, selector: string) => container.querySelector(`${selector} taro-input-core`)?.getAttribute('value')

beforeEach(() => {
  server.reset()
  testing.setRouterParams({ id: 's1' })
  server.on('stations', 'get', () => ok(STATION))
  server.on('stations', 'upsert', () => ok(STATION))
  jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
  jest.spyOn(Taro, 'navigateBack').mockImplementation(() => Promise.resolve() as never)
})
afterEach(() => jest.restoreAllMocks())

describe('editing a station (a form) loads one way', () => {
  it('has no 保存 to tap, and no empty fields, until the station is loaded', async () => {
    const call = held()
    server.on('stations', 'get', () => call.promise)
    const { container } = render(<StationEditPage />)
    expect(container.querySelector('.load-skeleton .nut-skeleton')).toBeTruthy()
    expect(screen.queryByText('保存')).toBeNull()
    expect(container.querySelector('.save-station')).toBeNull()
    expect(container.querySelector('.edit-name')).toBeNull()
    expect(server.calls('stations', 'upsert')).toHaveLength(0)
    await act(async () => call.answer(ok(STATION)))
    expect(await screen.findByText('保存')).toBeTruthy()
    expect(valueIn(container, '.edit-name')).toBe(STATION.name)
  })

  it('says the network failed with 重试 and no 保存; 重试 loads the station into the form', async () => {
    server.on('stations', 'get', () => networkDown())
    const { container } = render(<StationEditPage />)
    expect(await screen.findByText('网络不太好，没能加载。请检查网络后重试')).toBeTruthy()
    expect(screen.queryByText('保存')).toBeNull()
    server.on('stations', 'get', () => ok(STATION))
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('保存')).toBeTruthy()
    expect(valueIn(container, '.field-address')).toBe(STATION.address)
    expect(server.calls('stations', 'get')).toHaveLength(2)
  })

  it("fills the form with the station, and 保存 sends the station's own values back", async () => {
    const { container } = render(<StationEditPage />)
    await screen.findByText('保存')
    expect(valueIn(container, '.edit-name')).toBe(STATION.name)
    expect(valueIn(container, '.field-address')).toBe(STATION.address)
    expect(valueIn(container, '.edit-phone')).toBe(STATION.phone)
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(server.calls('stations', 'upsert')).toHaveLength(1))
    expect(server.calls('stations', 'upsert')[0]).toMatchObject({
      id: 's1',
      name: STATION.name,
      address: STATION.address,
      lat: 28.02,
      lng: 120.66,
      facilities: ['microwave', 'water'],
      hours: STATION.hours,
      phone: STATION.phone,
    })
  })

  it('starts a new station from the defaults at once, without loading anything', async () => {
    testing.setRouterParams({})
    const { container } = render(<StationEditPage />)
    expect(screen.getByText('保存')).toBeTruthy()
    expect(valueIn(container, '.edit-name')).toBe('')
    expect(container.querySelector('.load-state')).toBeNull()
    await act(async () => undefined)
    expect(server.calls('stations', 'get')).toHaveLength(0)
  })
})
