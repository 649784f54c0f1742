import { profileSchema } from '../../../types/users'
import { isValidIdNumber } from './idNumber'

/** The real-name form with the GB 11643 rule; the worker's page and the server validate with it. */
export const ProfileInput = profileSchema(isValidIdNumber)
