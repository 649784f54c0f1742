export interface Place {
  /** GCJ-02, as the stations are stored and Amap reads them (`coordinate=gaode`). */
  lat: number
  lng: number
  name: string
  address: string
}

/**
 * The Amap marker link of a place: in a phone's browser it opens the Amap app (or its web map) at
 * the place, named, ready for 路线; a browser has no `openLocation`.
 * https://lbs.amap.com/api/uri-api/guide/mobile-web/point
 */
export function mapLink(place: Place): string {
  const query = [
    `position=${place.lng.toFixed(6)},${place.lat.toFixed(6)}`,
    `name=${encodeURIComponent(place.name)}`,
    `src=${encodeURIComponent('鹿工之家')}`,
    'coordinate=gaode',
    'callnative=1',
  ]
  return `https://uri.amap.com/marker?${query.join('&')}`
}

/** Navigation to a place in the H5 build: the map's web link, in a new window where there is one. */
export async function openMap(place: Place): Promise<void> {
  const url = mapLink(place)
  const opened = window.open(url, '_blank', 'noopener')
  // A webview that opens no windows (or a blocker) takes the link in this one.
  if (!opened) window.location.href = url
}
