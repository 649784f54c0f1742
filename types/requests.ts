import * as v from 'valibot'
import { pageCursor, pageLimit } from './fields'
import type { Service } from './roles'

/** One request of a worker in 我的办事, whatever the service: a row of the `requests` projection. */
export interface RequestItem {
  _id: string
  service: Service
  title: string
  /** One short line under the title: the child, the station, the amount. */
  detail?: string
  status: string
  statusName: string
  amountFen?: number
  /** The worker has something to do (more materials asked for, an interview to answer). */
  waitsForWorker: boolean
  /** Still moving: not finished, cancelled or withdrawn. */
  open: boolean
  /** The page of the mini-program it opens. */
  link: string
  submittedAt: number
  updatedAt: number
}

export const RequestsInput = v.object({ limit: pageLimit(50), cursor: pageCursor })

/**
 * Every service whose requests appear in 我的办事 can write all its rows again from its own records
 * (after an upgrade; an admin's action on CloudBase, done at start by the local runtime).
 */
export interface RebuildRequestsContract {
  rebuildRequests: { input: Record<string, never>; output: { rows: number } }
}
