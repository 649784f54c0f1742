import type { Service } from '@/types/roles'
import { pageUrl, SERVICE_KEYS, SERVICE_MANIFEST, type ServiceEntry } from '@/types/services'
import { routes } from './routes'

/** A tile of the home grid. One not built yet says so and leads nowhere. */
export interface ServiceTile {
  service: Service
  title: string
  hint: string
  /** Where it opens; absent while the service is not open yet. */
  url?: string
  isTab?: boolean
}

/** The home grid: every service of the manifest, in its order. */
export const SERVICE_TILES: ServiceTile[] = SERVICE_KEYS.map((service) => {
  const entry: ServiceEntry = SERVICE_MANIFEST[service]
  const tile: ServiceTile = { service, title: entry.name, hint: entry.tile.hint }
  if (!entry.open) return tile
  if (entry.tile.tab) return { ...tile, url: routes[entry.tile.tab], isTab: true }
  return entry.tile.page ? { ...tile, url: pageUrl(service, entry.tile.page as never) } : tile
})
