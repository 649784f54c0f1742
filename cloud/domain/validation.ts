import * as v from 'valibot'
import type { FieldErrors } from '../../types/envelope'

export type ParseResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors }

/** Validates a payload and names each wrong field (dot path) with its first problem, in Chinese. */
export function parseInput<S extends v.GenericSchema>(schema: S, payload: unknown): ParseResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, payload, { abortPipeEarly: true })
  if (result.success) return { ok: true, value: result.output }
  const fields: FieldErrors = {}
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return { ok: false, fields }
}
