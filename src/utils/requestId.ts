/** A fresh id for one user intent (see the call protocol's `requestId`). */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10)
  return `r${Date.now().toString(36)}-${random}`
}
