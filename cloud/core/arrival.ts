import { setImmediate } from 'node:timers'
import type { Db } from '../db/types'

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

/** A turn of the event loop: what arrived meanwhile (a connection, a request) is read before the next call runs. */
const nextTurnOfTheLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Runs calls one after another and answers them together after one commit (the sqlite driver's
 * `together`): each call gets the database to use, which sees what the calls before it wrote.
 */
export type RunTogether = <R>(calls: ReadonlyArray<(db: Db) => Promise<R>>) => Promise<Array<PromiseSettledResult<R>>>

/**
 * The most calls of a line run in one turn when they are run together: enough that a group's
 * commit writes the pages sign-ups share once for many of them, few enough that a turn stays a few
 * milliseconds long (a long turn holds back the requests read meanwhile; see below).
 */
export const MOST_TOGETHER = 16

interface Waiting {
  work: (db?: Db) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (reason: unknown) => void
}

/**
 * Turns in the order of arrival, for a runtime where one thread serves every call (the local
 * runtime's cloud thread, fed by its HTTP thread in the order requests were read). A call takes its place in a line the moment it reaches the function, before anything
 * is awaited, and runs when every call ahead of it in that line has finished; so whatever its
 * statements wait for, a call that arrived later never overtakes it. One line per action that asks
 * for it (`inArrivalOrder`); every other call runs as it comes.
 *
 * On the local runtime the database is synchronous: a call's awaits hold no other work, so taking
 * turns costs the line nothing but the wait itself. Calls run in turns of the event loop of their
 * own, even with nobody ahead: when HTTP and the functions shared one thread, node accepted one new
 * connection per turn of its loop, and a call run as soon as its request was read made that turn as
 * long as all the requests read in it (about ninety sign-ups in the bench's rush), so parents who
 * connected last were let in only when the rush was over (p99 1.1 s against the no-op's 0.2 s). In
 * the cloud's own thread, short turns likewise let the calls that arrived meanwhile take their places. Given `runTogether`, a turn runs the first
 * calls waiting (up to `MOST_TOGETHER`) in one group commit; without it, one call.
 *
 * CloudBase runs calls side by side in many instances; there the database's conditional updates
 * order them, and no line is kept.
 */
export class ArrivalOrder {
  private readonly lines = new Map<string, Waiting[]>()

  constructor(private readonly runTogether?: RunTogether) {}

  /**
   * Queues `work` behind the calls of `line` that arrived before; call it synchronously on arrival.
   * `work` is given the database to use when it runs in a group.
   */
  inTurn<R>(line: string, work: (db?: Db) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const call: Waiting = { work, resolve: resolve as (value: unknown) => void, reject }
      const waiting = this.lines.get(line)
      if (waiting) {
        waiting.push(call)
        return
      }
      const fresh = [call]
      this.lines.set(line, fresh)
      setImmediate(() => void this.nextTurn(line, fresh))
    })
  }

  private async nextTurn(line: string, waiting: Waiting[]) {
    const turn = waiting.splice(0, this.runTogether ? MOST_TOGETHER : 1)
    if (turn.length === 1 || !this.runTogether) {
      const [call] = turn
      await call.work().then(call.resolve, call.reject)
    } else {
      const answers = await this.runTogether(turn.map((call) => call.work)).catch((reason: unknown) => turn.map((): PromiseRejectedResult => ({ status: 'rejected', reason })))
      answers.forEach((answer, i) => (answer.status === 'fulfilled' ? turn[i].resolve(answer.value) : turn[i].reject(answer.reason)))
      // As many turns of the loop as calls were run, so node accepts as many new connections
      // meanwhile as it would have had they run a turn each; an idle turn costs microseconds.
      for (let i = 1; i < turn.length; i++) await nextTurnOfTheLoop()
    }
    // An idle line is forgotten, so it holds nothing.
    if (waiting.length > 0) setImmediate(() => void this.nextTurn(line, waiting))
    else this.lines.delete(line)
  }
}
