import { type ApplyInputValue } from '../../../types/aid'
import { applicantOf, openCase } from '../../core/cases/open'
import { openKeyOf } from '../../core/cases/record'
import type { Ctx } from '../../core/context'
import { failedPrecondition, invalid } from '../../core/errors'
import { checkAttachments } from '../../core/files'
import { offerOf, tierOfHelp } from '../../domain/aid/programmes'
import { assessTier } from '../../domain/aid/tier'
import { aidCaseSpec, type AidDetails, type AidSealed } from './cases'
import { lowIncomeLine, programmesOf, thisYear } from './config'

/**
 * A worker's application to one of this year's programmes: checked against the tier rules, the
 * programme's checklist and the one-open-application rule (a UNIQUE key), then stored submitted.
 */
export async function submitApplication(ctx: Ctx, input: ApplyInputValue) {
  const applicant = applicantOf(ctx, '申请帮扶')
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

  const sealed: AidSealed = { applicant, members: input.members, story: input.story, bankAccount: paysMoney ? input.bankAccount : undefined }
  const details: AidDetails = {
    programme: programme.kind,
    householdSize: situation.householdSize,
    annualIncomeFen: input.annualIncomeFen,
    unavoidableSpendingFen: input.unavoidableSpendingFen,
    suddenEventCostFen: input.suddenEventCostFen,
    monthsWorkedInCity: input.monthsWorkedInCity,
    tiers: programme.meansTested ? assessment.tiers : [],
    tier: tierOfHelp(programme, assessment.tiers),
    perCapitaMonthlyFen: assessment.perCapitaMonthlyFen,
    assessment: programme.meansTested ? assessment.reason : '不需要核对家庭收入',
  }
  return openCase(ctx, aidCaseSpec, {
    kind: programme.kind,
    year,
    title: `${year}年${programme.title}`,
    openKey: openKeyOf('aid', programme.kind, year, ctx.user._id),
    details,
    sealed,
    materials: programme.materials,
    attachments,
    suggestedFen: offer.amountFen,
    maxFen: offer.upToFen ?? offer.amountFen,
    consentPolicy: 'aid',
    consentVersion: input.consentVersion,
    notifyByWeChat: input.notifyByWeChat,
    conflict: { field: 'programme', message: `您今年已经申请过${programme.title}，请在“我的办事”里查看进度` },
  })
}
