import type * as v from 'valibot'
import { type ActionContract, type Envelope, DEFAULT_MESSAGES } from '../../types/envelope'
import type { RoleRequirement } from '../../types/roles'
import { parseInput } from '../domain/validation'
import { type Db, DuplicateKeyError, TransactionConflictError } from '../db/types'
import { arrivalKey } from './arrival'
import { createCtx, type Ctx, type Runtime } from './context'
import { AppError, invalid } from './errors'
import { intentOf, withIdempotency } from './idempotency'
import { hasRole, loadOrCreateUser } from './identity'
import { refuseWhileWithdrawn } from './policies'
import type { UserRecord } from './records'

interface ActionBase<I, O> {
  /**
   * Who may call it; a user needs one of these. `worker` is every signed-in user. `public`: anyone,
   * signed in or not — only for reads of what is published to all (a policy's text), which run
   * without a user (`ctx.user` is a guest with no roles) and are never audited.
   */
  roles: readonly RoleRequirement[] | 'public'
  /** Validates the payload into the contract's input. */
  input: v.GenericSchema<unknown, I>
  /**
   * Every successful call leaves an audit record (staff steps, looks at personal data). The action
   * writes it itself, in the same transaction as its change (`ctx.transaction` → `step.audit`).
   */
  audited: boolean
  /**
   * Calls take turns in the order they reached the function where one process serves them all (the
   * local runtime's `ArrivalOrder`): first come, first served, whatever each one's statements wait
   * for. CloudBase keeps no such line; there the action's conditional updates order the calls.
   */
  inArrivalOrder?: boolean
  run(ctx: Ctx, input: I): Promise<O>
}

/**
 * An action and what it does, stated explicitly: a `read` changes nothing and its `requestId`
 * means nothing; a `write` says whether its `requestId` is `remember`ed — bound to its payload and
 * answered again with the same summary — which no answer holding personal data may be. `'record'`:
 * the action keeps the intent itself, with the record it writes and in that same write (`ctx.intent`),
 * and answers a repeat from that record; the kernel stores nothing for it.
 */
export type ActionDef<I, O> = ActionBase<I, O> &
  (
    | { access: 'read'; remember?: never; collectsNew?: never }
    | {
        access: 'write'
        remember: boolean | 'record'
        /**
         * It starts a new request or collects new personal data into the account — an application,
         * a sign-up, a report, a profile, a résumé, an upload: refused while the worker's privacy
         * consent is withdrawn. Steps on what is already under way (withdraw, cancel, a message on a
         * case that goes on) are not.
         */
        collectsNew?: true
      }
  )

/** One declared action per action of the contract, typed by it. */
type ActionTable<C> = { [K in keyof C]: C[K] extends ActionContract<infer I, infer O> ? ActionDef<I, O> : never }

export interface CloudFunction {
  name: string
  actions: string[]
  /** How each action is declared, for the tests that walk every action. */
  definitions: Record<string, ActionDef<unknown, unknown>>
  handle(call: unknown, runtime: Runtime): Promise<Envelope<unknown>>
}

const REQUEST_ID = /^[\w-]{8,64}$/

/**
 * The kernel of every cloud function (ARCHITECTURE.md, "Inside a function"): authenticate, check
 * role and service scope, validate the payload, bind a remembered write's `requestId` to its
 * payload, run, make sure an audited action left its record, and answer with the envelope
 * whatever happens.
 */
export function defineFunction<C>(name: string, table: ActionTable<C>): CloudFunction {
  const actions = table as Record<string, ActionDef<unknown, unknown>>
  for (const [action, def] of Object.entries(actions)) {
    if (def.access !== 'read' && def.access !== 'write') throw new Error(`${name}.${action}: say whether it reads or writes`)
    if (def.access === 'write' && typeof def.remember !== 'boolean' && def.remember !== 'record') throw new Error(`${name}.${action}: say whether its requestId is remembered`)
    if (typeof def.audited !== 'boolean') throw new Error(`${name}.${action}: say whether it is audited`)
    if (def.roles === 'public' && (def.access !== 'read' || def.audited)) throw new Error(`${name}.${action}: only unaudited reads are public`)
  }
  return {
    name,
    actions: Object.keys(actions),
    definitions: actions,
    async handle(call, runtime) {
      try {
        const data = await enter(name, actions, call, runtime)
        return { ok: true, data }
      } catch (error) {
        return { ok: false, error: toErrorBody(name, error) }
      }
    },
  }
}

/**
 * Where the call stands in the order calls reach the function, taken before anything is awaited;
 * an action that asks for it then waits for its turn in that order.
 */
function enter(fn: string, actions: Record<string, ActionDef<unknown, unknown>>, call: unknown, runtime: Runtime): Promise<unknown> {
  const arrival = arrivalKey(runtime.clock())
  const action = call !== null && typeof call === 'object' ? (call as Record<string, unknown>).action : undefined
  const def = typeof action === 'string' && Object.hasOwn(actions, action) ? actions[action] : undefined
  // In a group commit (see `ArrivalOrder`) the call is given the group's database to use.
  const run = (db?: Db) => dispatch(fn, actions, call, db ? { ...runtime, db } : runtime, arrival)
  return def?.inArrivalOrder && runtime.arrivalOrder ? runtime.arrivalOrder.inTurn(`${fn}.${action as string}`, run) : run()
}

async function dispatch(
  fn: string,
  actions: Record<string, ActionDef<unknown, unknown>>,
  call: unknown,
  runtime: Runtime,
  arrival: string,
): Promise<unknown> {
  const { action, payload, requestId } = (call !== null && typeof call === 'object' ? call : {}) as Record<string, unknown>
  const def = typeof action === 'string' && Object.hasOwn(actions, action) ? actions[action] : undefined
  if (!def) throw new AppError('NOT_FOUND', '没有这个操作')
  if (requestId !== undefined && (typeof requestId !== 'string' || !REQUEST_ID.test(requestId))) {
    throw invalid({ requestId: '请求编号不正确' })
  }
  let user: UserRecord
  if (def.roles === 'public') {
    // Nothing is read or written about the caller: the action reads what everyone may read.
    user = { _id: '', roles: [], services: [], consents: {}, createdAt: 0, updatedAt: 0 }
  } else {
    if (!runtime.openid) throw new AppError('UNAUTHENTICATED')
    user = await loadOrCreateUser(runtime.db, runtime.openid, runtime.clock())
    const roles = def.roles
    if (!roles.some((r) => hasRole(user, r))) throw new AppError('FORBIDDEN')
    // Without the privacy consent nothing new is collected; what is under way may be followed and ended.
    if (def.collectsNew) refuseWhileWithdrawn(user, 'privacy')
  }

  // The protocol's payload is an object: valibot's `object` would let an array through.
  if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload))) {
    throw new AppError('INVALID_ARGUMENT', '请求格式不正确')
  }
  const parsed = parseInput(def.input, payload ?? {})
  if (!parsed.ok) throw invalid(parsed.fields)

  const scope = `${fn}.${action as string}`
  // An action that keeps its intent with its own record gets the intent to keep.
  const intent = def.access === 'write' && def.remember === 'record' && requestId ? intentOf(scope, user._id, requestId as string, parsed.value, (text) => runtime.pii.blindIndex(`intent\n${text}`)) : undefined
  const ctx = createCtx(runtime, { fn, action: action as string, arrival, requestId: requestId as string | undefined, intent }, user)
  const run = async () => {
    const result = await def.run(ctx, parsed.value)
    if (def.audited && !ctx.audited) {
      // A staff action that forgot its record is a fault in this code: the record still gets written.
      console.error(`[${fn}.${action as string}] an audited action returned without its audit record`)
      await ctx.audit({ summary: `${fn}.${action as string}` })
    }
    return result
  }
  if (def.access === 'read' || def.remember !== true || !requestId) return run()
  // The validated payload (schema order, unknown keys dropped) is what the id is bound to.
  return withIdempotency(runtime, scope, user._id, requestId as string, parsed.value, run)
}

function toErrorBody(fn: string, error: unknown) {
  if (error instanceof AppError) return error.toBody()
  if (error instanceof DuplicateKeyError) return new AppError('CONFLICT').toBody()
  // Nothing was written: the worker may simply send again.
  if (error instanceof TransactionConflictError) return new AppError('RESOURCE_EXHAUSTED', '现在办理的人很多，请稍后再试').toBody()
  // Logged for the operator without the error's text, which may quote a value; the caller gets no stack trace.
  console.error(`[${fn}] ${error instanceof Error ? `${error.name}: ${error.stack?.split('\n')[1]?.trim() ?? ''}` : typeof error}`)
  return { code: 'INTERNAL' as const, message: DEFAULT_MESSAGES.INTERNAL }
}
