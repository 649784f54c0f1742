/**
 * Where a call stands in the order calls reached this process: the time, then a counter, as one
 * string that sorts. Within one process (the local runtime) the order is exactly the order of
 * arrival; across CloudBase's instances, the millisecond orders and a tie is broken arbitrarily.
 */
let lastMs = 0
let counter = 0

export function arrivalKey(now: number): string {
  // A clock set back never puts a later call first.
  lastMs = Math.max(lastMs, now)
  counter = (counter + 1) % 1_000_000_000
  return `${String(lastMs).padStart(15, '0')}:${String(counter).padStart(9, '0')}`
}
