/** The services of the portal (ARCHITECTURE.md, "Rooms"). A volunteer serves some of them. */
export const SERVICES = ['stations', 'childcare', 'aid', 'medical', 'legal', 'jobs'] as const
export type Service = (typeof SERVICES)[number]

/** `lawyer`: a member of the union's lawyers' panel, scoped to legal help (DOMAIN.md People). */
export type Role = 'worker' | 'volunteer' | 'hr' | 'admin' | 'lawyer'

/** What an action admits: a plain role, or a volunteer of one service (`volunteer:stations`). */
export type RoleRequirement = Role | `volunteer:${Service}`

export const SERVICE_NAMES: Record<Service, string> = {
  stations: '服务阵地',
  childcare: '爱心托班',
  aid: '困难帮扶',
  medical: '医疗互助',
  legal: '法律援助',
  jobs: '就业招聘',
}
