/**
 * Paging as both drivers take it. CloudBase's server SDK answers at most 100 documents unless asked
 * and never more than 1000 (Collection.limit: "在云函数端默认及最大上限为 1000"; 100 by default).
 * A skip or limit that is not a whole number in range is refused at once with a plain Error, on
 * both drivers, so that nothing like skip(1e300) ever reaches SQLite (an integer overflow) or
 * CloudBase.
 */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

/** A skip: a whole number from 0 to Number.MAX_SAFE_INTEGER. */
export function checkedSkip(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`skip must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${String(n)}`)
  }
  return n
}

/** A limit: a whole number from 1; more than MAX_LIMIT counts as MAX_LIMIT, as on CloudBase. */
export function checkedLimit(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`limit must be a whole number from 1 (above ${MAX_LIMIT} it counts as ${MAX_LIMIT}), not ${String(n)}`)
  }
  return Math.min(n, MAX_LIMIT)
}
