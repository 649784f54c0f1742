import type { RequestItem } from '../../../types/requests'
import type { Service } from '../../../types/roles'
import type { Db, Transaction } from '../../db/types'
import { isClosedAlias } from '../privacy'

/**
 * A document of `requests`: the worker's row of 我的办事 for one request of any service, rebuilt
 * from its source record alone, so writing it again after any step gives the same row.
 */
export interface RequestRecord extends RequestItem {
  userId: string
  /** The record it is a projection of, and its collection. */
  source: { collection: string; id: string }
}

export const requestRowId = (service: Service, sourceId: string) => `${service}:${sourceId}`

export const requests = (db: Db) => db.collection<RequestRecord>('requests')

/**
 * Writes (or rewrites) a request's row; in the step's transaction when given one. A record kept after
 * its owner closed the account has no row: nobody is there to read it (a rebuild must not bring it back).
 */
export async function writeRequestRow(writer: Db | Transaction, row: RequestRecord): Promise<void> {
  if (isClosedAlias(row.userId)) return
  const { _id, ...data } = row
  await writer.collection<Omit<RequestRecord, '_id'>>('requests').doc(_id).set({ data })
}

/** What the worker's client receives: the row without whose it is and where it came from. */
export function requestItem(row: RequestRecord): RequestItem {
  const { userId: _userId, source: _source, ...item } = row
  return item
}
