import { Empty } from '../../../types/users'
import type { Db } from '../../db/types'
import type { ActionDef } from '../defineFunction'

/**
 * A service's `rebuildRequests` action: an admin writes every 我的办事 row of the service again from
 * its own records (after an upgrade on CloudBase; the local runtime does it at start). Audited.
 */
export function rebuildRequestsAction(what: string, rebuild: (db: Db) => Promise<number>): ActionDef<Record<string, never>, { rows: number }> {
  return {
    roles: ['admin'],
    input: Empty,
    access: 'write',
    remember: false,
    audited: true,
    async run(ctx) {
      const rows = await rebuild(ctx.db)
      await ctx.audit({ summary: `重建我的办事：${what}${rows}条` })
      return { rows }
    },
  }
}
