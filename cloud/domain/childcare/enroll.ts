import type * as v from 'valibot'
import { enrollSchema } from '../../../types/childcare'
import { isValidIdNumber } from '../identity/idNumber'

/** The sign-up form with the GB 11643 rule; the worker's page and the server validate with it. */
export const EnrollInput = enrollSchema(isValidIdNumber)
export type EnrollInputValue = v.InferOutput<typeof EnrollInput>
