/**
 * Turns for the one better-sqlite3 connection. A statement run while another caller's transaction
 * is open would become part of that transaction, so while a transaction is open every other
 * caller's statement, and every other transaction, waits here in arrival order.
 */
export class TransactionQueue {
  /** A transaction is open (or has been handed the connection and is about to begin). */
  private active = false
  private readonly waiting: Array<{ tx: boolean; go: () => void }> = []

  /** `yieldBetween` is awaited before every statement body (a test hook; see `SqliteDbOptions`). */
  constructor(private readonly yieldBetween?: () => Promise<void>) {}

  /** Resolves when the caller may open a transaction; it must call `end()` afterwards. */
  async begin(): Promise<void> {
    if (this.active) await new Promise<void>((go) => this.waiting.push({ tx: true, go }))
    else this.active = true
  }

  end(): void {
    this.active = false
    this.drain()
  }

  /**
   * Runs a synchronous statement body in turn: at once when the caller holds the connection (its
   * own transaction, or a group of `SqliteDb.together`), else when no transaction is open.
   */
  async run<R>(holdsConnection: boolean, body: () => R): Promise<R> {
    if (this.yieldBetween) await this.yieldBetween()
    if (!holdsConnection && this.active) await new Promise<void>((go) => this.waiting.push({ tx: false, go }))
    return body()
  }

  /**
   * After a transaction: lets the waiting statements go in order, up to and including the next
   * transaction, which is marked open at once so that nothing queued behind it slips ahead.
   * Each waiter is woken once; while no transaction is open the queue is empty.
   */
  private drain() {
    while (this.waiting.length > 0 && !this.active) {
      const next = this.waiting.shift()!
      if (next.tx) this.active = true
      next.go()
    }
  }
}
