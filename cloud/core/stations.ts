import type { StationStatus, StationType } from '../../types/stations'
import type { Db, GeoPoint } from '../db/types'
import { latLngOf } from './geo'

/**
 * What other services read of a station: its name and where it is (legal help books its mediation
 * rooms). The stations function owns the collection; this reads the few fields others need, so no
 * function imports another.
 */
export interface StationPlace {
  _id: string
  name: string
  type: StationType
  address: string
  location: { lat: number; lng: number }
  status: StationStatus
}

interface StoredStation {
  _id: string
  name: string
  type: StationType
  address: string
  location: GeoPoint
  status: StationStatus
}

const placeOf = (s: StoredStation): StationPlace => ({ _id: s._id, name: s.name, type: s.type, address: s.address, location: latLngOf(s.location), status: s.status })

export async function stationPlace(db: Db, id: string): Promise<StationPlace | null> {
  const { data } = await db.collection<StoredStation>('stations').doc(id).get()
  return data ? placeOf(data) : null
}

/** The open stations of a type, by name (a district has a handful of mediation rooms). */
export async function openStationsOfType(db: Db, type: StationType, limit = 50): Promise<StationPlace[]> {
  const { data } = await db.collection<StoredStation>('stations').where({ status: 'open', type }).orderBy('name', 'asc').limit(limit).get()
  return data.map(placeOf)
}
