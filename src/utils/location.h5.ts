import gcoord from 'gcoord'
import { DISTRICT_CENTRE, type LatLng } from '@/domain/stations/distance'

export interface Here extends LatLng {
  /** False when the worker refused location or it could not be had: the district centre stands in. */
  located: boolean
}

const LOCATION_TIMEOUT_MS = 6000

/**
 * The worker's position in a browser (the H5 build; `location.ts` is the mini-program's). Browsers
 * answer in WGS-84; stations are stored in GCJ-02 as WeChat's and China's maps use, so the position
 * is converted (gcoord) before it is compared with them — else "nearest" is some 500 m off in
 * Wenzhou. Lucheng's centre stands in when location is refused or slow.
 */
export function locate(): Promise<Here> {
  const fallback: Here = { ...DISTRICT_CENTRE, located: false }
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(fallback)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), LOCATION_TIMEOUT_MS)
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        clearTimeout(timer)
        const [lng, lat] = gcoord.transform([coords.longitude, coords.latitude], gcoord.WGS84, gcoord.GCJ02)
        resolve({ lat, lng, located: true })
      },
      () => {
        clearTimeout(timer)
        resolve(fallback)
      },
      { enableHighAccuracy: false, timeout: LOCATION_TIMEOUT_MS, maximumAge: 60_000 },
    )
  })
}
