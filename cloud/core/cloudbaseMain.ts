import { cloudbaseDb } from '../db/cloudbase'
import type { CloudFunction } from './defineFunction'
import { createPii, piiKeyFromEnv, type Pii } from './pii'

/* wx-server-sdk is provided by CloudBase at run time and ships no usable types. */
// eslint-disable-next-line @typescript-eslint/no-var-requires, @typescript-eslint/no-require-imports
const cloud = require('wx-server-sdk')

/**
 * A deployed function's `main`: the CloudBase database, the caller's OPENID from the platform,
 * and the PII key from the function's environment (LUGONG_PII_KEY).
 */
export function cloudbaseMain(fn: CloudFunction) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloudbaseDb(cloud)
  let pii: Pii | null = null
  return async (event: unknown) => {
    if (!pii) {
      const key = piiKeyFromEnv(process.env.LUGONG_PII_KEY)
      if (!key) {
        console.error(`[${fn.name}] LUGONG_PII_KEY is not set in this function's environment`)
        return { ok: false, error: { code: 'INTERNAL', message: '服务暂不可用，请稍后再试' } }
      }
      pii = createPii(key)
    }
    const { OPENID } = cloud.getWXContext() as { OPENID?: string }
    return fn.handle(event, { db, pii, openid: OPENID || null, clock: Date.now })
  }
}
