import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import { PERSONAS } from '../../cloud/local/seed/personas'
import { addUpload } from './aidFixtures'
import type { Harness } from './harness'

/** 张建国's ID number (dev:worker, enrolled in this year's plan by the demo data). */
export const WORKER_ID = PERSONAS.find((p) => p.openid === 'dev-worker')!.profile!.idNumber

/** DOMAIN.md's worked example: one stay, 12,500 yuan self-paid. */
export const inpatientClaim = (fileId: string, over: Record<string, unknown> = {}) => ({
  category: 'inpatient',
  hospital: '温州医科大学附属第一医院',
  admissionDate: '2026-11-02',
  dischargeDate: '2026-11-12',
  selfPaidFen: 1_250_000,
  diagnosis: '腰椎间盘突出',
  bankAccount: { bankName: '温州银行', accountNo: '6222021234567890123' },
  attachments: [{ fileId, material: 'discharge_summary' }],
  consentVersion: FIRST_VERSION,
  ...over,
})

/** `dev-worker` files a claim with one upload; answers the case id. */
export async function fileClaim(h: Harness, over: Record<string, unknown> = {}) {
  const fileId = await addUpload(h, 'dev-worker', 'medical')
  const summary = await h.ok('dev-worker', 'medical', 'submitClaim', inpatientClaim(fileId, over))
  return summary._id as string
}
