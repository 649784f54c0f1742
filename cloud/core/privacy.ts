import type { ClosingBlocker, DataSection } from '../../types/mydata'
import type { PolicyKey } from '../../types/policies'
import type { ConsentRecord } from '../../types/users'
import type { Ctx } from './context'

/**
 * A service's part in 我的数据 (PIPL arts. 45 and 47): what it holds about a person, what closing the
 * account does to it, and the closing itself. Each open service gives one; `cloud/functions/mydata`
 * gathers them, so a later service joins by adding its own.
 */
export interface PersonalDataPart {
  /**
   * The person's records of this service: as 我的数据 shows them (`whole` false: personal values
   * masked as in lists), or as the copy holds them (`whole` true: everything, in the clear).
   */
  collect(ctx: Ctx, userId: string, whole: boolean): Promise<DataSection[]>
  /** What closing erases here, what it keeps and why, what it withdraws first, and what stops it. */
  plan(ctx: Ctx, userId: string): Promise<ClosingPart>
  /**
   * Withdraws what may still be withdrawn, then erases or irreversibly anonymises the rest: what must
   * stay (money paid out, figures of past years) keeps no personal data and names `alias` instead of
   * the person. Called only when `plan` found nothing that stops it.
   */
  close(ctx: Ctx, userId: string, alias: string): Promise<void>
  /** The consents recorded on the person's requests here (the service's own policy): the latest. */
  consentsGiven(ctx: Ctx, userId: string): Promise<Partial<Record<PolicyKey, ConsentRecord>>>
  /**
   * A consent this service rests on was withdrawn: the person's open requests that `plan` lists as
   * withdrawn are withdrawn, as the person would (the service's own steps, with their messages and
   * rows of 我的办事); the rest run to their end. Nothing is erased.
   */
  withdrawOpen(ctx: Ctx, userId: string): Promise<void>
}

/** Of several consents to one policy, the one given last. */
export function latestConsent(given: Array<{ version: string; at: number }>): ConsentRecord | undefined {
  return given.reduce<ConsentRecord | undefined>((last, c) => (!last || c.at > last.at ? { version: c.version, at: c.at } : last), undefined)
}

export interface ClosingPart {
  erased: string[]
  kept: string[]
  withdrawn: string[]
  blockers: ClosingBlocker[]
}

export const NO_CLOSING_PART: ClosingPart = { erased: [], kept: [], withdrawn: [], blockers: [] }

/** How a closed account is named where records must stay: not the person, not their id. */
export const CLOSED_NAME = '已注销'

/** Where records stay after an account closed, its id is replaced by an alias of this form, which no table maps back. */
export const CLOSED_ALIAS_PREFIX = 'closed-'
export const isClosedAlias = (userId: string) => userId.startsWith(CLOSED_ALIAS_PREFIX)
