import { randomUUID } from 'node:crypto'
import { LEGAL_CASE_TITLES, LEGAL_MATERIALS, type AskInputValue } from '../../../types/legal'
import { applicantOf, openCase } from '../../core/cases/open'
import type { Ctx } from '../../core/context'
import { invalid } from '../../core/errors'
import { checkAttachments } from '../../core/files'
import { arbitrationLimit, isLimitProblem } from '../../domain/legal/arbitration'
import { meansTest, meansTestApplies } from '../../domain/legal/means'
import { promiseOf } from '../../domain/legal/promise'
import { monthDay } from '../../domain/legal/promiseText'
import { shanghaiDate } from '../../domain/workdays'
import { calendarFrom, lowIncomeLine, promiseConfig } from './config'
import type { LegalDetails, LegalSealed } from './records'
import { legalCaseSpec } from './spec'

/** What the intake needs beyond each field's own check, by field: the dates the limit runs from, the exemption's 户籍, the household. */
function crossFieldProblems(input: AskInputValue, today: string): Record<string, string> {
  const problems: Record<string, string> = {}
  for (const field of ['employmentEndedOn', 'learnedOn'] as const) {
    const date = input[field]
    if (date && date > today) problems[field] = '这个日期不能晚于今天'
  }
  if (input.knownDeadline && input.knownDeadline.date < today) problems['knownDeadline.date'] = '这个期限已经过了，请在“发生了什么”里说明'
  if (input.migrant && !input.hometown) problems.hometown = '请填写户籍所在地'
  if (meansTestApplies(input.category, input.migrant)) {
    if (input.householdSize === undefined) problems.householdSize = '请填写家庭人口'
    if (input.annualIncomeFen === undefined) problems.annualIncomeFen = '请填写家庭年收入'
    if (input.unavoidableSpendingFen === undefined) problems.unavoidableSpendingFen = '请填写刚性支出，没有填0'
  }
  if (Object.keys(problems).length === 0) {
    const limit = arbitrationLimit(input, today)
    if (isLimitProblem(limit)) problems[limit.field] = limit.message
  }
  return problems
}

/**
 * A worker asks for legal help: the arbitration limit worked out from what they said, the means test
 * (or the migrant worker's exemption), the files checked, and the promise counted in working days from
 * the filing date — all stored with the case, submitted, in one transaction.
 */
export async function ask(ctx: Ctx, input: AskInputValue) {
  const applicant = applicantOf(ctx, '申请法律援助')
  const now = ctx.now()
  const today = shanghaiDate(now)
  const problems = crossFieldProblems(input, today)
  if (Object.keys(problems).length > 0) throw invalid(problems)
  const attachments = await checkAttachments(ctx, 'legal', input.attachments, LEGAL_MATERIALS)

  const limit = arbitrationLimit(input, today)
  if (isLimitProblem(limit)) throw invalid({ [limit.field]: limit.message })
  const exempt = !meansTestApplies(input.category, input.migrant)
  const household = exempt
    ? undefined
    : {
        householdSize: input.householdSize!,
        annualIncomeFen: input.annualIncomeFen!,
        unavoidableSpendingFen: input.unavoidableSpendingFen!,
        ...(input.suddenEventCostFen !== undefined ? { suddenEventCostFen: input.suddenEventCostFen } : {}),
      }
  const means = meansTest(input.category, input.migrant, household ?? null, await lowIncomeLine(ctx))
  const promise = promiseOf(now, await promiseConfig(ctx), await calendarFrom(ctx, now))

  const details: LegalDetails = {
    category: input.category,
    employer: input.employer,
    stillEmployed: input.stillEmployed,
    limitText: limit.text,
    contact: input.contact,
    migrant: input.migrant,
    means,
    promise,
    dueAt: promise.acknowledgeDueAt,
  }
  if (input.amountInDisputeFen !== undefined) details.amountInDisputeFen = input.amountInDisputeFen
  if (!input.stillEmployed && input.employmentEndedOn) details.employmentEndedOn = input.employmentEndedOn
  if (input.learnedOn) details.learnedOn = input.learnedOn
  if (limit.running) details.limitDate = limit.lastDay
  if (input.knownDeadline) details.knownDeadline = input.knownDeadline
  if (input.preferredTimes) details.preferredTimes = input.preferredTimes
  if (household) details.household = household

  const sealed: LegalSealed = { applicant, story: input.story, ...(input.migrant && input.hometown ? { hometown: input.hometown } : {}) }
  const estimate = (estimated: boolean) => (estimated ? '（按常规工作日估算）' : '')
  return openCase(ctx, legalCaseSpec, {
    kind: input.category,
    year: Number(today.slice(0, 4)),
    title: LEGAL_CASE_TITLES[input.category],
    // A worker may need help with more than one dispute at once: each case its own key.
    openKey: `legal:${randomUUID()}`,
    details,
    sealed,
    materials: [...LEGAL_MATERIALS],
    attachments,
    consentPolicy: 'legal',
    consentVersion: input.consentVersion,
    notifyByWeChat: input.notifyByWeChat,
    conflict: { field: 'category', message: '这份申请已经提交过了' },
    news:
      `申请已提交。工会将在${monthDay(promise.acknowledgeBy, today)}前受理${estimate(promise.acknowledgeEstimated)}，` +
      `${monthDay(promise.decideBy, today)}前答复是否提供援助${estimate(promise.decideEstimated)}。`,
  })
}
