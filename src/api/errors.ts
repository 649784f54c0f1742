import type { ErrorBody, ErrorCode, FieldErrors } from '@/types/envelope'

/** A refused or failed call, as the pages handle it: a code, a message to show, and field problems. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields?: FieldErrors
  constructor(body: ErrorBody) {
    super(body.message)
    this.code = body.code
    this.fields = body.fields
  }
}

export const NETWORK_ERROR: ErrorBody = { code: 'INTERNAL', message: '网络不给力，请检查网络后重试' }
