import type { CaseService } from '@/types/cases'
import { SERVICE_NAMES } from '@/types/roles'
import type { Me } from '@/types/users'
import { api } from '../../api'

/** The case services whose desks are built: each function carries the shared desk actions. */
export const DESKS = { aid: api.aid, medical: api.medical } satisfies Partial<Record<CaseService, unknown>>
export type DeskService = keyof typeof DESKS

export const isDeskService = (s: string | undefined): s is DeskService => s !== undefined && Object.prototype.hasOwnProperty.call(DESKS, s)

/** The desks a volunteer serves (an admin, every one). */
export function desksOf(me: Me | null): Array<{ service: DeskService; title: string }> {
  if (!me) return []
  const all = Object.keys(DESKS) as DeskService[]
  const mine = me.roles.includes('admin') ? all : all.filter((s) => me.roles.includes('volunteer') && me.services.includes(s))
  return mine.map((service) => ({ service, title: SERVICE_NAMES[service] }))
}
