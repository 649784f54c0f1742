import type { OpenService } from '../../types/services'
import type { CloudFunction } from '../core/defineFunction'
import { rebuildCaseRequests } from '../core/cases/requestRow'
import type { Db } from '../db/types'
import { aidFunction } from './aid'
import { aidCaseSpec } from './aid/cases'
import { childcareFunction } from './childcare'
import { rebuildChildcareRequests } from './childcare/requests'
import { figuresFunction } from './figures'
import { filesFunction } from './files'
import { runHousekeeping } from './housekeeping'
import { medicalFunction } from './medical'
import { medicalCaseSpec } from './medical/cases'
import { mydataFunction } from './mydata'
import { stationsFunction } from './stations'
import { rebuildStationRequests } from './stations/requests'
import { usersFunction } from './users'
import { jobsFunction } from './jobs'
import { rebuildJobsRequests } from './jobs/requests'
import { legalFunction } from './legal'
import { legalCaseSpec } from './legal/spec'

/** The function of every open service of the manifest: a service without one does not compile. */
const SERVICE_FUNCTIONS = {
  stations: stationsFunction,
  childcare: childcareFunction,
  aid: aidFunction,
  medical: medicalFunction,
  jobs: jobsFunction,
  legal: legalFunction,
} satisfies Record<OpenService, CloudFunction>

/** Every cloud function by the name clients call it with. */
export const FUNCTIONS: Record<string, CloudFunction> = {
  users: usersFunction,
  files: filesFunction,
  mydata: mydataFunction,
  figures: figuresFunction,
  ...SERVICE_FUNCTIONS,
}

/** Functions run by a timer trigger rather than called: how often CloudBase runs each. */
export const SCHEDULED_FUNCTIONS = {
  housekeeping: { every: '0 */10 * * * * *', run: runHousekeeping },
}

/** How each open service writes its rows of 我的办事 again from its own records. */
const REQUEST_REBUILDS = {
  stations: (db) => rebuildStationRequests(db),
  childcare: (db) => rebuildChildcareRequests(db),
  aid: (db) => rebuildCaseRequests(db, 'aid', aidCaseSpec.caseLink),
  medical: (db) => rebuildCaseRequests(db, 'medical', medicalCaseSpec.caseLink),
  jobs: (db) => rebuildJobsRequests(db),
  legal: (db) => rebuildCaseRequests(db, 'legal', legalCaseSpec.caseLink),
} satisfies Record<OpenService, (db: Db) => Promise<number>>

/** Every service's rows of 我的办事, written again: the local runtime does it at start (an upgrade). */
export async function rebuildAllRequests(db: Db): Promise<number> {
  let rows = 0
  for (const rebuild of Object.values(REQUEST_REBUILDS)) rows += await rebuild(db)
  return rows
}
