import type { Service } from '../../types/roles'
import { hasRole } from './identity'
import type { UserRecord } from './records'

/** A stored upload (`files` collection): who may read it follows from its owner and service. */
export interface FileRecord {
  _id: string
  ownerId: string
  service: Service
  mime: string
  size: number
  /** Readable by anyone signed in (station photos). */
  public: boolean
  createdAt: number
}

/** How long a link to a private file works. */
export const FILE_LINK_MS = 10 * 60 * 1000

/** The owner, staff of the file's service and admins may read a file; anyone, a public one. */
export function canRead(user: UserRecord, file: FileRecord): boolean {
  return file.public || file.ownerId === user._id || hasRole(user, 'admin') || hasRole(user, `volunteer:${file.service}`)
}
