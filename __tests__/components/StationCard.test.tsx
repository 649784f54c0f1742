import { fireEvent, render, screen } from '@testing-library/react'
import { StationCard } from '../../src/components/StationCard'
import type { StationSummary } from '../../types/stations'

const station: StationSummary = {
  _id: 's1',
  name: '五马街道人民路爱心驿站',
  type: 'rest_stop',
  address: '温州市鹿城区五马街道人民路1号',
  location: { lat: 28.02, lng: 120.66 },
  facilities: ['microwave', 'water', 'charging'],
  status: 'open',
  openNow: true,
  distanceM: 1234,
  demo: true,
}

describe('StationCard', () => {
  it('says how far, what kind, what it has, and that it is demo data', () => {
    render(<StationCard station={station} onOpen={() => undefined} />)
    expect(screen.getByText('五马街道人民路爱心驿站')).toBeTruthy()
    expect(screen.getByText(/1\.2公里 · 爱心驿站·劳动者港湾 · 演示数据/)).toBeTruthy()
    expect(screen.getByText('微波炉 · 饮用水 · 手机充电')).toBeTruthy()
    expect(screen.getByText('开放中')).toBeTruthy()
  })

  it('tells a temporarily closed station apart from one resting outside its hours', () => {
    const { rerender } = render(<StationCard station={{ ...station, status: 'closed', openNow: false }} onOpen={() => undefined} />)
    expect(screen.getByText('暂停开放')).toBeTruthy()
    rerender(<StationCard station={{ ...station, openNow: false, distanceM: 80 }} onOpen={() => undefined} />)
    expect(screen.getByText('休息中')).toBeTruthy()
    expect(screen.getByText(/80米/)).toBeTruthy()
  })

  it('opens the station on a tap', () => {
    const onOpen = jest.fn()
    render(<StationCard station={station} onOpen={onOpen} />)
    fireEvent.click(screen.getByText('五马街道人民路爱心驿站'))
    expect(onOpen).toHaveBeenCalledTimes(1)
  })
})
