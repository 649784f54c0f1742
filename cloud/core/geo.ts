import type { GeoPoint } from '../db/types'

/** A stored point as latitude and longitude: CloudBase returns a `Geo.Point` as GeoJSON or with `longitude`/`latitude`. */
export function latLngOf(point: GeoPoint | { longitude: number; latitude: number }) {
  if ('coordinates' in point) return { lat: point.coordinates[1], lng: point.coordinates[0] }
  return { lat: point.latitude, lng: point.longitude }
}
