import type Database from 'better-sqlite3'

/** How many prepared statements the driver keeps. Every query shape the services use fits many times over. */
export const STATEMENT_CACHE_SIZE = 500

/**
 * Prepared statements by SQL text, the least recently used dropped past `capacity`. The SQL
 * compiler binds every value, so the number of distinct texts depends on the code's query shapes,
 * not on input; the bound only guards against a shape this was not written for.
 */
export class StatementCache {
  private readonly byText = new Map<string, Database.Statement>()

  constructor(
    private readonly sql: Database.Database,
    readonly capacity = STATEMENT_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.byText.size
  }

  get(text: string): Database.Statement {
    const cached = this.byText.get(text)
    if (cached) {
      // A Map iterates in insertion order: re-inserting makes this the most recently used.
      this.byText.delete(text)
      this.byText.set(text, cached)
      return cached
    }
    const prepared = this.sql.prepare(text)
    this.byText.set(text, prepared)
    if (this.byText.size > this.capacity) this.byText.delete(this.byText.keys().next().value as string)
    return prepared
  }
}
