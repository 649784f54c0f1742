import type { Role, Service } from '../../../types/roles'

/** Who a person is to the portal: their roles and, as a volunteer, the services they serve. */
export interface RoleHolder {
  roles: readonly Role[]
  services: readonly Service[]
}

/** Staff of a service: its volunteers, and admins. The server's checks and the phone's 工作台 ask the same. */
export const isStaffOf = (person: RoleHolder | null | undefined, service: Service): boolean =>
  Boolean(person && (person.roles.includes('admin') || (person.roles.includes('volunteer') && person.services.includes(service))))
