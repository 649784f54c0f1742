import { boundingBox, distanceM, DISTRICT_CENTRE } from '../../cloud/domain/stations/distance'

describe('haversine distance', () => {
  it('is zero from a point to itself', () => {
    expect(distanceM(DISTRICT_CENTRE, DISTRICT_CENTRE)).toBe(0)
  })

  it('makes one degree of latitude about 111.2 km', () => {
    expect(distanceM({ lat: 28, lng: 120 }, { lat: 29, lng: 120 })).toBeCloseTo(111_195, -1)
  })

  it('shrinks a degree of longitude by the cosine of the latitude', () => {
    const d = distanceM({ lat: 28, lng: 120 }, { lat: 28, lng: 121 })
    expect(d).toBeCloseTo(111_195 * Math.cos((28 * Math.PI) / 180), -2)
  })

  it('puts a point 0.011 degrees south and 0.043 degrees west between 4 and 5 km away', () => {
    const d = distanceM(DISTRICT_CENTRE, { lat: 28.0046, lng: 120.6124 })
    expect(d).toBeGreaterThan(4000)
    expect(d).toBeLessThan(5000)
  })
})

describe('bounding box for a radius', () => {
  it('holds every point within the radius', () => {
    const box = boundingBox(DISTRICT_CENTRE, 2000)
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180
      const p = {
        lat: DISTRICT_CENTRE.lat + (1999 / 111_195) * Math.cos(rad),
        lng: DISTRICT_CENTRE.lng + (1999 / (111_195 * Math.cos((DISTRICT_CENTRE.lat * Math.PI) / 180))) * Math.sin(rad),
      }
      expect(distanceM(DISTRICT_CENTRE, p)).toBeLessThanOrEqual(2001)
      expect(p.lat).toBeGreaterThanOrEqual(box.minLat)
      expect(p.lat).toBeLessThanOrEqual(box.maxLat)
      expect(p.lng).toBeGreaterThanOrEqual(box.minLng)
      expect(p.lng).toBeLessThanOrEqual(box.maxLng)
    }
  })
})
