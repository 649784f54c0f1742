import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import type { FileRecord } from '../../cloud/core/files'
import type { Harness } from './harness'

let fileCount = 0

/** A file `openid` uploaded for `service`, recorded as the upload route records it. */
export async function addUpload(h: Harness, openid: string, service: FileRecord['service'] = 'aid'): Promise<string> {
  fileCount += 1
  const _id = `${String(fileCount).padStart(32, '0')}.jpg`
  await h.db.collection<FileRecord>('files').add({
    data: { _id, ownerId: openid, service, mime: 'image/jpeg', size: 1000, public: false, createdAt: 0 },
  })
  return _id
}

/**
 * A 冬送温暖 application of a 深度困难 household: three people, 48,000 yuan a year with 12,000 of
 * unavoidable spending, i.e. 1,000 yuan each a month, under the 1,200 line.
 */
export const winterApplication = (fileId: string, over: Record<string, unknown> = {}) => ({
  programme: 'winter_warmth',
  members: [
    { name: '王美丽', relation: 'spouse', age: 38 },
    { name: '张小宝', relation: 'child', age: 9 },
  ],
  annualIncomeFen: 4_800_000,
  unavoidableSpendingFen: 1_200_000,
  story: '妻子今年做了手术，欠下医药费，孩子还在上小学，冬天取暖和生活都很困难。',
  bankAccount: { bankName: '温州银行', accountNo: '6222021234567890123' },
  attachments: [{ fileId, material: 'id_card' }],
  consentVersion: FIRST_VERSION,
  ...over,
})

/** `dev-worker` applies for 冬送温暖 with one upload; answers the new case's id. */
export async function applyForWinter(h: Harness, openid = 'dev-worker'): Promise<string> {
  const fileId = await addUpload(h, openid)
  const summary = await h.ok(openid, 'aid', 'apply', winterApplication(fileId))
  return summary._id
}
