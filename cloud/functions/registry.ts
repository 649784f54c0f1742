import type { CloudFunction } from '../core/defineFunction'
import { stationsFunction } from './stations'
import { users } from './users'

/** Every cloud function by the name clients call it with. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  users,
  stations: stationsFunction,
}
