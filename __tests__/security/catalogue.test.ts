import { FUNCTIONS } from '../../cloud/functions/registry'
import { CATALOGUE, ENTRIES } from './catalogue'
import { buildWorld, callOn, openCopy, PEOPLE, removeCopies, type World } from './world'

/**
 * The catalogue is what the other security tests stand on: it must cover every action of every
 * function, and each valid payload must really be valid — answered `ok` for the caller it names.
 */

let world: World
beforeAll(async () => {
  world = await buildWorld()
})
afterAll(removeCopies)

describe('the catalogue of actions', () => {
  it('has an entry for every action of every function, and none for an action that does not exist', () => {
    const declared = Object.entries(FUNCTIONS).flatMap(([name, fn]) => Object.keys(fn.definitions).map((action) => `${name}.${action}`))
    const catalogued = ENTRIES.map(([fn, action]) => `${fn}.${action}`)
    expect(declared.filter((a) => !catalogued.includes(a))).toEqual([])
    expect(catalogued.filter((a) => !declared.includes(a))).toEqual([])
    expect(Object.keys(CATALOGUE).sort()).toEqual(Object.keys(FUNCTIONS).sort())
  })

  it.each(ENTRIES.map(([fn, action, entry]) => [`${fn}.${action}`, fn, action, entry] as const))(
    '%s: the valid payload is answered ok for its caller',
    async (_name, fn, action, entry) => {
      const copy = openCopy(world)
      try {
        const payload = entry.payload(world.ids, { owner: 'worker', caller: entry.caller })
        const res = await callOn(copy.db, world, PEOPLE[entry.caller], fn, action, payload)
        expect(res.ok ? 'ok' : res.error).toBe('ok')
      } finally {
        copy.dispose()
      }
    },
  )
})
