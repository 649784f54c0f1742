import type { CaseContract } from '@/types/cases'
import { SERVICE_MANIFEST, SHARED_DESK_SERVICES, type SharedDeskService as DeskService } from '@/types/services'
import type { Me } from '@/types/users'
import { api, type Client } from '../../api'

export type { DeskService }

/** The desk's side of a case service: the actions every case function carries (CaseContract). */
export type DeskClient = Client<CaseContract>

/** The desk of each case service of the manifest without a desk of its own: its function's shared desk actions. */
export const DESKS = Object.fromEntries(SHARED_DESK_SERVICES.map((s) => [s, api[s] as unknown as DeskClient])) as Record<DeskService, DeskClient>

export const isDeskService = (s: string | undefined): s is DeskService => s !== undefined && (SHARED_DESK_SERVICES as string[]).includes(s)

/** The desks a volunteer serves (an admin, every one). */
export function desksOf(me: Me | null): Array<{ service: DeskService; title: string }> {
  if (!me) return []
  const mine = me.roles.includes('admin') ? SHARED_DESK_SERVICES : SHARED_DESK_SERVICES.filter((s) => me.roles.includes('volunteer') && me.services.includes(s))
  return mine.map((service) => ({ service, title: SERVICE_MANIFEST[service].name }))
}
