import { casePrivacyPart } from '../../core/cases/privacy'
import type { PersonalDataPart } from '../../core/privacy'
import type { UserRecord } from '../../core/records'
import { medicalCaseSpec } from './cases'

const claims = casePrivacyPart(medicalCaseSpec)

/**
 * A member's claims as every case service's; the claims stay as records of what was paid. Their
 * ledgers of approvals go (the amounts stay on the claims); the union's member roster stays.
 */
export const medicalPrivacyPart: PersonalDataPart = {
  ...claims,
  async plan(ctx, userId) {
    const part = await claims.plan(ctx, userId)
    const { data: person } = await ctx.db.collection<UserRecord>('users').doc(userId).get()
    if (person?.pii) part.kept.push('工会的医疗互助参保名单（以身份证号的加密索引登记）：保留到保障年度后两年，重新登录实名后仍能查到工会为您缴的保障')
    return part
  },
  async close(ctx, userId, alias) {
    await claims.close(ctx, userId, alias)
    await ctx.db.collection('medical_ledgers').where({ ownerId: userId }).remove()
  },
}
