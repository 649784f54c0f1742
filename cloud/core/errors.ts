import { DEFAULT_MESSAGES, type ErrorBody, type ErrorCode, type FieldErrors } from '../../types/envelope'

/** An error a worker may see: a code from the protocol and a plain Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: FieldErrors,
  ) {
    super(message ?? DEFAULT_MESSAGES[code])
    this.name = 'AppError'
  }

  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

export const invalid = (fields: FieldErrors, message?: string) =>
  new AppError('INVALID_ARGUMENT', message ?? Object.values(fields)[0] ?? DEFAULT_MESSAGES.INVALID_ARGUMENT, fields)
export const notFound = (message?: string) => new AppError('NOT_FOUND', message)
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message)
export const conflict = (message?: string) => new AppError('CONFLICT', message)
export const failedPrecondition = (message: string) => new AppError('FAILED_PRECONDITION', message)
