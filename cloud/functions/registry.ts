import type { CloudFunction } from '../core/defineFunction'
import { aidFunction } from './aid'
import { childcareFunction } from './childcare'
import { filesFunction } from './files'
import { medicalFunction } from './medical'
import { stationsFunction } from './stations'
import { usersFunction } from './users'

/** Every cloud function by the name clients call it with. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  users: usersFunction,
  stations: stationsFunction,
  childcare: childcareFunction,
  aid: aidFunction,
  medical: medicalFunction,
  files: filesFunction,
}
