/** How personal data appears in lists (DOMAIN.md, "Identity and privacy"). */

/** `330302199001011234` → `3303**********1234`: the region prefix and the last four stay. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length)
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4)
}

/** `13812345678` → `138****5678`. */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length)
  return mobile.slice(0, 3) + '*'.repeat(mobile.length - 7) + mobile.slice(-4)
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

/** `张小明` → `张*明`, `李明` → `李*`: how a person's name shows in lists. */
export function maskName(name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/** `6222021234567890123` → `6222 **** 0123`: the bank and the last four stay. */
export function maskBankAccount(accountNo: string): string {
  if (accountNo.length < 8) return '*'.repeat(accountNo.length)
  return `${accountNo.slice(0, 4)} **** ${accountNo.slice(-4)}`
}
