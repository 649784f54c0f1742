import type * as v from 'valibot'
import { type ActionContract, type Envelope, DEFAULT_MESSAGES } from '../../types/envelope'
import type { RoleRequirement } from '../../types/roles'
import { parseInput } from '../domain/validation'
import { DuplicateKeyError } from '../db/types'
import { createCtx, type Ctx, type Runtime } from './context'
import { AppError, invalid } from './errors'
import { withIdempotency } from './idempotency'
import { hasRole, loadOrCreateUser } from './identity'

export interface ActionDef<I, O> {
  /** Who may call it; a user needs one of these. `worker` is every signed-in user. */
  roles: readonly RoleRequirement[]
  /** Validates the payload into the contract's input. */
  input: v.GenericSchema<unknown, I>
  /** A read: not audited, and a `requestId` is not remembered for it. */
  readOnly?: boolean
  run(ctx: Ctx, input: I): Promise<O>
}

/** One declared action per action of the contract, typed by it. */
type ActionTable<C> = { [K in keyof C]: C[K] extends ActionContract<infer I, infer O> ? ActionDef<I, O> : never }

export interface CloudFunction {
  name: string
  actions: string[]
  handle(call: unknown, runtime: Runtime): Promise<Envelope<unknown>>
}

const isStaffOnly = (roles: readonly RoleRequirement[]) => !roles.includes('worker')

/**
 * The kernel of every cloud function (ARCHITECTURE.md, "Inside a function"): authenticate, check
 * role and service scope, validate the payload, apply `requestId` idempotency, run, audit staff
 * actions, and answer with the envelope whatever happens.
 */
export function defineFunction<C>(name: string, table: ActionTable<C>): CloudFunction {
  const actions = table as Record<string, ActionDef<unknown, unknown>>
  return {
    name,
    actions: Object.keys(actions),
    async handle(call, runtime) {
      try {
        const data = await dispatch(name, actions, call, runtime)
        return { ok: true, data }
      } catch (error) {
        return { ok: false, error: toErrorBody(name, error) }
      }
    },
  }
}

async function dispatch(
  fn: string,
  actions: Record<string, ActionDef<unknown, unknown>>,
  call: unknown,
  runtime: Runtime,
): Promise<unknown> {
  const { action, payload, requestId } = (call ?? {}) as Record<string, unknown>
  const def = typeof action === 'string' && Object.hasOwn(actions, action) ? actions[action] : undefined
  if (!def) throw new AppError('NOT_FOUND', '没有这个操作')
  if (requestId !== undefined && (typeof requestId !== 'string' || !/^[\w-]{8,64}$/.test(requestId))) {
    throw invalid({ requestId: '请求编号不正确' })
  }
  if (!runtime.openid) throw new AppError('UNAUTHENTICATED')

  const user = await loadOrCreateUser(runtime.db, runtime.openid, runtime.clock())
  if (!def.roles.some((r) => hasRole(user, r))) throw new AppError('FORBIDDEN')

  // The protocol's payload is an object: valibot's `object` would let an array through.
  if (payload !== undefined && (payload === null || typeof payload !== 'object' || Array.isArray(payload))) {
    throw new AppError('INVALID_ARGUMENT', '请求格式不正确')
  }
  const parsed = parseInput(def.input, payload ?? {})
  if (!parsed.ok) throw invalid(parsed.fields)

  const ctx = createCtx(runtime, fn, action as string, user, requestId as string | undefined)
  const run = async () => {
    const result = await def.run(ctx, parsed.value)
    if (isStaffOnly(def.roles) && !def.readOnly) await ctx.audit(action as string, undefined, payload)
    return result
  }
  if (!requestId || def.readOnly) return run()
  return withIdempotency(runtime, `${fn}.${action}`, user._id, requestId as string, run)
}

function toErrorBody(fn: string, error: unknown) {
  if (error instanceof AppError) return error.toBody()
  if (error instanceof DuplicateKeyError) return new AppError('CONFLICT').toBody()
  // Logged for the operator; the caller gets no stack trace.
  console.error(`[${fn}]`, error)
  return { code: 'INTERNAL' as const, message: DEFAULT_MESSAGES.INTERNAL }
}
