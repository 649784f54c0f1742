import Taro from '@tarojs/taro'

export interface Place {
  /** GCJ-02, as the stations are stored. */
  lat: number
  lng: number
  name: string
  address: string
}

/** Navigation to a place: WeChat's map in the mini-program (`openMap.h5.ts` is the browser's). */
export function openMap(place: Place): Promise<void> {
  return Taro.openLocation({ latitude: place.lat, longitude: place.lng, name: place.name, address: place.address, scale: 16 }).then(
    () => undefined,
  )
}
