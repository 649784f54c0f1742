/**
 * The unified social credit code of an organisation (GB 32100-2015): 18 characters — the
 * registering authority, the kind of organisation, the 6-digit administrative division, the
 * 9-character organisation code — and a check character computed from the first 17. The
 * characters are the digits and the capital letters except I, O, Z, S and V.
 */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** The check character of the first 17 characters (C18 = 31 − Σ Ci×Wi mod 31, 31 written as 0). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARS.indexOf(first17[i])
    if (value < 0) throw new Error('not a credit code character')
    sum += value * WEIGHTS[i]
  }
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31]
}

/** As typed: trimmed, capital letters. */
export const normalizeCreditCode = (raw: string) => raw.trim().toUpperCase()

export function isValidCreditCode(raw: string): boolean {
  const code = normalizeCreditCode(raw)
  if (!SHAPE.test(code)) return false
  return creditCodeCheckChar(code.slice(0, 17)) === code[17]
}
