import type { Db } from '../cloud/db/types'
import { demoStations } from '../cloud/local/seed/demoStations'
import type { Facility } from '../types/stations'

/** Adds `count` stations spread over Lucheng (ids `bench-station-*`), in one transaction. */
export async function addBenchStations(db: Db, count: number) {
  const stations = demoStations(count, Date.now(), 42)
  await db.runTransaction(async (tx) => {
    for (const s of stations) await tx.collection('stations').add({ data: { ...s, _id: s._id.replace('demo', 'bench'), demo: false } })
  })
}

/** A deterministic stream of "a worker somewhere in Lucheng asks for stations with X". */
export function nearbyQueries(n: number) {
  const filters: Facility[][] = [['microwave'], ['charging'], ['microwave', 'toilet'], ['water', 'wifi'], ['nursing']]
  let seed = 7
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
  return Array.from({ length: n }, (_, i) => ({
    lat: 27.99 + rand() * 0.07,
    lng: 120.58 + rand() * 0.14,
    facilities: filters[i % filters.length],
    limit: 20,
  }))
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
