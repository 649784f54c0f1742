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
