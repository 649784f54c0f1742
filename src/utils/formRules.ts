import * as v from 'valibot'
import type { MutableRefObject } from 'react'
import type { FieldErrors } from '@/types/envelope'

/** What the server said about each field, and the value it said it about. */
export interface ServerFieldErrors {
  errors: FieldErrors
  values: Record<string, unknown>
}

/**
 * NutUI Form rules from the very schema the server validates with, plus the server's own word on a
 * field until the worker changes that field.
 */
export function rulesFrom(schema: v.ObjectSchema<v.ObjectEntries, undefined>, server: MutableRefObject<ServerFieldErrors>) {
  return (name: string) => [
    {
      // A rejected promise is how async-validator (under NutUI's Form) takes a message.
      validator: (_rule: unknown, value: unknown): boolean | Promise<boolean> => {
        const said = server.current.errors[name]
        if (said && server.current.values[name] === value) return Promise.reject(said)
        const result = v.safeParse(schema.entries[name], value, { abortPipeEarly: true })
        return result.success ? true : Promise.reject(result.issues[0].message)
      },
    },
  ]
}
