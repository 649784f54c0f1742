/** The call protocol shared by both transports (ARCHITECTURE.md, "The call protocol"). */

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'RESOURCE_EXHAUSTED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Field name (dot path for nested fields) → what is wrong with it, in plain Chinese. */
export type FieldErrors = Record<string, string>

export interface ErrorBody {
  code: ErrorCode
  message: string
  fields?: FieldErrors
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

/** What a client sends to a function, on CloudBase as `data` and locally as the POST body. */
export interface CallData {
  action: string
  payload?: unknown
  requestId?: string
}

/** One action: what goes in and what comes back. A function's contract is a map of these. */
export interface ActionContract<I, O> {
  input: I
  output: O
}

export type Contract = Record<string, ActionContract<unknown, unknown>>

/** Default messages a worker sees for an error code when the action has nothing more precise to say. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  INVALID_ARGUMENT: '填写的内容有误，请检查',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已存在或已被修改，请刷新后重试',
  FAILED_PRECONDITION: '当前状态不能进行此操作',
  RESOURCE_EXHAUSTED: '操作太频繁，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
}
