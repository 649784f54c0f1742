/** Great-circle distance on a sphere of the Earth's mean radius, in metres (haversine). */
const EARTH_RADIUS_M = 6_371_008.8

export interface LatLng {
  lat: number
  lng: number
}

const rad = (deg: number) => (deg * Math.PI) / 180

export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The box of latitudes and longitudes that holds every point within `radiusM` of `centre`. */
export function boundingBox(centre: LatLng, radiusM: number) {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI)
  const cosLat = Math.max(Math.cos(rad(centre.lat)), 1e-6)
  const dLng = Math.min(180, dLat / cosLat)
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng }
}

/** Lucheng district centre (DOMAIN.md §1), used when the worker refuses location. */
export const DISTRICT_CENTRE: LatLng = { lat: 28.0156, lng: 120.6554 }
