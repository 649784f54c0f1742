export * from './envelope'
export * from './roles'
export * from './users'
export * from './stations'

import type { UsersContract } from './users'
import type { StationsContract } from './stations'

/** Every cloud function and its action map: the one contract both ends are typed from. */
export interface Functions {
  users: UsersContract
  stations: StationsContract
}
export type FunctionName = keyof Functions
