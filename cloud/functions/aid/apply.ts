import { type ApplyInputValue } from '../../../types/aid'
import { caseSummary } from '../../core/cases/views'
import { openKeyOf, type CaseRecord } from '../../core/cases/record'
import { cases, tellOwner } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { AppError, failedPrecondition, invalid } from '../../core/errors'
import { checkAttachments } from '../../core/files'
import { offerOf } from '../../domain/aid/programmes'
import { assessTier } from '../../domain/aid/tier'
import { step } from '../../domain/cases/workflow'
import { maskName } from '../../domain/identity/mask'
import { DuplicateKeyError } from '../../db/types'
import { aidCaseSpec, type AidDetails, type AidSealed } from './cases'
import { lowIncomeLine, programmesOf, thisYear } from './config'

/**
 * A worker's application to one of this year's programmes: checked against the tier rules, the
 * programme's checklist and the one-open-application rule (a UNIQUE key), then stored submitted.
 */
export async function submitApplication(ctx: Ctx, input: ApplyInputValue) {
  const { user } = ctx
  if (!user.profile || !user.pii) throw failedPrecondition('请先在“我的”里完成实名认证，再申请帮扶')
  const year = thisYear(ctx)
  const programme = (await programmesOf(ctx, year)).find((p) => p.kind === input.programme)
  if (!programme) throw invalid({ programme: '今年没有这个帮扶项目' })
  if (programme.kind === 'spring_jobs') {
    throw invalid({ programme: '春送岗位是推荐工作，请到“就业招聘”里找岗位，不用在这里申请' })
  }

  const situation = { ...input, householdSize: input.members.length + 1 }
  const assessment = assessTier(situation, await lowIncomeLine(ctx))
  const offer = offerOf(programme, assessment.tiers)
  if (programme.meansTested && !offer.eligible) throw failedPrecondition(`按填写的情况，${assessment.reason}`)
  const paysMoney = programme.deepFen !== undefined || programme.relativeFen !== undefined || programme.accidentMaxFen !== undefined
  if (paysMoney && !input.bankAccount) throw invalid({ 'bankAccount.accountNo': '请填写收款的银行卡号' })
  const attachments = await checkAttachments(ctx, 'aid', input.attachments, programme.materials)

  const now = ctx.now()
  const decision = step({ status: 'draft', ownerId: user._id }, 'submit', { id: user._id, kind: 'owner' })
  if (!decision.ok) throw new AppError(decision.code, decision.message)
  const sealed: AidSealed = {
    applicant: { name: user.profile.name, idNumber: ctx.pii.decrypt(user.pii.idNumber), mobile: ctx.pii.decrypt(user.pii.mobile) },
    members: input.members,
    story: input.story,
    bankAccount: paysMoney ? input.bankAccount : undefined,
  }
  const details: AidDetails = {
    programme: programme.kind,
    householdSize: situation.householdSize,
    annualIncomeFen: input.annualIncomeFen,
    unavoidableSpendingFen: input.unavoidableSpendingFen,
    suddenEventCostFen: input.suddenEventCostFen,
    monthsWorkedInCity: input.monthsWorkedInCity,
    tiers: programme.meansTested ? assessment.tiers : [],
    perCapitaMonthlyFen: assessment.perCapitaMonthlyFen,
    assessment: programme.meansTested ? assessment.reason : '不需要核对家庭收入',
  }
  const record: Omit<CaseRecord, '_id'> = {
    service: 'aid',
    kind: programme.kind,
    year,
    title: `${year}年${programme.title}`,
    ownerId: user._id,
    applicantMasked: maskName(user.profile.name),
    openKey: openKeyOf('aid', programme.kind, year, user._id),
    status: decision.status,
    submittedAt: now,
    updatedAt: now,
    waitingSince: now,
    notifyByWeChat: input.notifyByWeChat ?? false,
    details: details as unknown as Record<string, unknown>,
    sealed: ctx.pii.encrypt(JSON.stringify(sealed)),
    masked: { mobile: user.profile.mobileMasked, idNumber: user.profile.idNumberMasked },
    materials: programme.materials,
    attachments,
    suggestedFen: offer.amountFen,
    maxFen: offer.upToFen ?? offer.amountFen,
    consent: { version: input.consentVersion, at: now },
    timeline: [{ at: now, action: 'submit', status: decision.status, by: 'owner', files: attachments.length }],
  }
  let stored: CaseRecord
  try {
    stored = { ...record, _id: (await cases(ctx).add({ data: record }))._id }
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error
    const message = `您今年已经申请过${programme.title}，请在“我的办事”里查看进度`
    throw new AppError('CONFLICT', message, { programme: message })
  }
  await tellOwner(ctx, aidCaseSpec, stored, stored.timeline[0])
  return caseSummary(stored)
}
