export * from './envelope'
export * from './roles'
export * from './users'
export * from './stations'
export * from './childcare'

import type { UsersContract } from './users'
import type { StationsContract } from './stations'
import type { ChildcareContract } from './childcare'

/** Every cloud function and its action map: the one contract both ends are typed from. */
export interface Functions {
  users: UsersContract
  stations: StationsContract
  childcare: ChildcareContract
}
export type FunctionName = keyof Functions
