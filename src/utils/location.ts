import Taro from '@tarojs/taro'
import { DISTRICT_CENTRE, type LatLng } from '@/domain/stations/distance'

export interface Here extends LatLng {
  /** False when the worker refused location or it could not be had: the district centre stands in. */
  located: boolean
}

const LOCATION_TIMEOUT_MS = 6000

/**
 * The worker's position in the mini-program: WeChat answers in GCJ-02, as the stations are stored and
 * WeChat's map draws; Lucheng's centre when it can't be had. The H5 build asks the browser instead
 * (`location.h5.ts`).
 */
export async function locate(): Promise<Here> {
  const fallback: Here = { ...DISTRICT_CENTRE, located: false }
  const timeout = new Promise<Here>((resolve) => setTimeout(() => resolve(fallback), LOCATION_TIMEOUT_MS))
  const lookup = Taro.getLocation({ type: 'gcj02' })
    .then((res) => ({ lat: res.latitude, lng: res.longitude, located: true }))
    .catch(() => fallback)
  return Promise.race([lookup, timeout])
}
