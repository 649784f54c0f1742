import * as v from 'valibot'
import type { FieldErrors } from '../../types/envelope'
import { fallbackMessage } from '../../types/fields'

export type ParseResult<T> = { ok: true; value: T } | { ok: false; fields: FieldErrors }

type AnySchema = v.GenericSchema & {
  entries?: Record<string, AnySchema>
  item?: AnySchema
  wrapped?: AnySchema
  pipe?: readonly unknown[]
  options?: readonly AnySchema[]
}

/** The schema of the field at `path` inside `schema`, through pipes, optionals, objects and arrays. */
function schemaAt(schema: AnySchema | undefined, path: readonly PropertyKey[]): AnySchema | undefined {
  let current = schema
  for (const key of path) {
    while (current && !current.entries && !current.item && (current.wrapped || current.pipe)) {
      current = current.wrapped ?? (current.pipe?.[0] as AnySchema | undefined)
    }
    if (!current) return undefined
    current = current.entries ? current.entries[String(key)] : current.item
  }
  return current
}

/**
 * A missing key is reported by valibot as the object's problem ("Invalid key"); the worker should
 * read what the field itself asks for (`请选择是否工会会员`), which is its schema's message for
 * nothing given.
 */
function missingFieldMessage(root: v.GenericSchema, issue: v.BaseIssue<unknown>): string | undefined {
  const path = issue.path?.map((p) => p.key as PropertyKey)
  if (!path?.length) return undefined
  const field = schemaAt(root as AnySchema, path)
  if (!field) return undefined
  const result = v.safeParse(field, undefined, { abortPipeEarly: true })
  return result.success ? undefined : result.issues[0].message
}

const isMissingKey = (issue: v.BaseIssue<unknown>) => issue.type === 'object' && issue.received === 'undefined' && Boolean(issue.path?.length)

/** Validates a payload and names each wrong field (dot path) with its first problem, in Chinese. */
export function parseInput<S extends v.GenericSchema>(schema: S, payload: unknown): ParseResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, payload, { abortPipeEarly: true })
  if (result.success) return { ok: true, value: result.output }
  const fields: FieldErrors = {}
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? '_'
    if (key in fields) continue
    const message = (isMissingKey(issue) ? missingFieldMessage(schema, issue) : undefined) ?? issue.message
    // A message with no Chinese in it is the validator's own: never shown to a worker.
    fields[key] = /[\u4e00-\u9fff]/.test(message) ? message : fallbackMessage(issue)
  }
  return { ok: false, fields }
}
