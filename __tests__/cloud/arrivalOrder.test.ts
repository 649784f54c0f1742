import { ArrivalOrder } from '../../cloud/core/arrival'

/**
 * The line of `inArrivalOrder` actions. Node accepts one new connection per turn of its event loop,
 * so a call must never run in the turn in which its request was read: that turn would grow with
 * every request read in it, and a parent still connecting would wait for all of them.
 */
describe('turns in the order of arrival', () => {
  /** Counts turns of the event loop until stopped. */
  function turnCounter() {
    let turn = 0
    let running = true
    const tick = () => {
      turn++
      if (running) setImmediate(tick)
    }
    setImmediate(tick)
    return { now: () => turn, stop: () => (running = false) }
  }

  it('runs a call in a later turn than the one it arrived in, even with nobody ahead', async () => {
    const order = new ArrivalOrder()
    const turns = turnCounter()
    const arrivedIn = turns.now()
    let ranIn = -1
    await order.inTurn('childcare.enroll', async () => {
      ranIn = turns.now()
    })
    turns.stop()
    expect(ranIn).toBeGreaterThan(arrivedIn)
  })

  it('runs calls that arrived in the same turn one turn each, first come first served', async () => {
    const order = new ArrivalOrder()
    const turns = turnCounter()
    const ran: Array<{ who: number; turn: number }> = []
    await Promise.all(
      [0, 1, 2, 3, 4].map((who) =>
        order.inTurn('childcare.enroll', async () => {
          ran.push({ who, turn: turns.now() })
        }),
      ),
    )
    turns.stop()
    expect(ran.map((r) => r.who)).toEqual([0, 1, 2, 3, 4])
    const distinctTurns = new Set(ran.map((r) => r.turn))
    expect(distinctTurns.size).toBe(5)
  })

  it('keeps separate lines for separate actions and forgets an idle line', async () => {
    const order = new ArrivalOrder()
    const ran: string[] = []
    await Promise.all([
      order.inTurn('a', async () => void ran.push('a1')),
      order.inTurn('b', async () => void ran.push('b1')),
      order.inTurn('a', async () => void ran.push('a2')),
    ])
    expect(ran.indexOf('a1')).toBeLessThan(ran.indexOf('a2'))
    expect((order as unknown as { lines: Map<string, unknown> }).lines.size).toBe(0)
  })
})
