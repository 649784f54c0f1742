import { FUNCTIONS } from '../../cloud/functions/registry'

/**
 * A static walk of every action's input schema (valibot schemas are plain objects: `type`,
 * `entries`, `item`, `pipe`, `wrapped`, `options`): whatever a person sends is bounded before any
 * work is done on it — every string by a maximum length, an exact length, or an anchored pattern
 * of bounded length (or it is one of a picklist or a literal), every list by a maximum length,
 * every number by a maximum value. The offenders are listed as `fn.action.path`.
 */

interface Node {
  kind?: string
  type: string
  entries?: Record<string, Node>
  item?: Node
  wrapped?: Node
  options?: readonly unknown[]
  pipe?: readonly Node[]
  requirement?: unknown
}

/** The validations and transformations of a schema's pipe, nested pipes included, in order. */
function actionsOf(schema: Node): Node[] {
  if (!schema.pipe) return []
  return schema.pipe.flatMap((item, i) => (item.kind === 'schema' ? (i === 0 && item !== schema ? actionsOf(item) : []) : [item]))
}

/** An anchored pattern with no unbounded repetition: it cannot match a string longer than it spells out. */
function boundedPattern(pattern: unknown): boolean {
  if (!(pattern instanceof RegExp)) return false
  const source = pattern.source
  const anchored = source.startsWith('^') && source.endsWith('$') && !source.endsWith('\\$')
  return anchored && !/(?<!\\)[*+]|\{\d+,\}/.test(source)
}

const LENGTH_BOUNDS = ['max_length', 'length', 'max_bytes', 'max_graphemes']
/** Checks that look at a whole string or list: the bound should come before them. */
const WORK_ON_VALUE = ['check', 'regex', 'custom', 'raw_check', 'includes', 'excludes', 'email', 'url']

interface Finding {
  path: string
  problem: string
}

/** How many fields of each type the walk has looked at. */
const seen: Record<string, number> = {}

function walk(schema: Node, path: string, out: Finding[]) {
  seen[schema.type] = (seen[schema.type] ?? 0) + 1
  const actions = actionsOf(schema)
  const types = actions.map((a) => a.type)
  switch (schema.type) {
    case 'object':
    case 'strict_object':
    case 'loose_object':
      if (schema.type === 'loose_object') out.push({ path, problem: 'keeps keys it does not know' })
      for (const [key, entry] of Object.entries(schema.entries ?? {})) walk(entry, path ? `${path}.${key}` : key, out)
      return
    case 'array': {
      const bound = types.indexOf('max_length') >= 0 ? types.indexOf('max_length') : types.indexOf('length')
      if (bound < 0) out.push({ path, problem: 'a list without a maximum length' })
      walk(schema.item!, `${path}.[]`, out)
      return
    }
    case 'string': {
      const bound = types.findIndex((t, i) => LENGTH_BOUNDS.includes(t) || (t === 'regex' && boundedPattern(actions[i].requirement)))
      if (bound < 0) out.push({ path, problem: 'a string without a maximum length' })
      else {
        const early = types.findIndex((t) => WORK_ON_VALUE.includes(t))
        if (early >= 0 && early < bound) out.push({ path, problem: `a ${types[early]} runs before the string's length is bounded` })
      }
      return
    }
    case 'number':
    case 'bigint':
      if (!types.includes('max_value') && !types.includes('value')) out.push({ path, problem: 'a number without a maximum value' })
      return
    case 'optional':
    case 'exact_optional':
    case 'nullable':
    case 'nullish':
    case 'undefinedable':
    case 'non_optional':
    case 'non_nullable':
    case 'non_nullish':
      walk(schema.wrapped!, path, out)
      return
    case 'union':
    case 'variant':
      for (const [i, option] of (schema.options as Node[]).entries()) walk(option, `${path}|${i}`, out)
      return
    case 'picklist':
    case 'literal':
    case 'boolean':
    case 'enum':
      return
    default:
      out.push({ path, problem: `a ${schema.type} schema the walk does not know how to bound` })
  }
}

const ACTIONS = Object.entries(FUNCTIONS).flatMap(([name, fn]) =>
  Object.entries(fn.definitions).map(([action, def]) => [`${name}.${action}`, def.input as unknown as Node] as const),
)

describe('every input schema is bounded', () => {
  it('walks every action of every function', () => {
    expect(ACTIONS.length).toBeGreaterThan(60)
  })

  it('bounds every string, list and number of every action', () => {
    const offenders = ACTIONS.flatMap(([name, schema]) => {
      const found: Finding[] = []
      walk(schema, '', found)
      return found.map((f) => `${name}${f.path ? `.${f.path}` : ''}: ${f.problem}`)
    })
    expect(offenders).toEqual([])
    // The walk reached the leaves: the forms hold dozens of strings and numbers, and lists.
    expect(seen).toMatchObject({ string: expect.any(Number), number: expect.any(Number), array: expect.any(Number) })
    expect(seen.string).toBeGreaterThan(50)
    expect(seen.number).toBeGreaterThan(30)
    expect(seen.array).toBeGreaterThan(10)
  })

  it('recognises an unbounded schema when it sees one (the walk itself is checked)', async () => {
    const v = await import('valibot')
    const found: Finding[] = []
    const probe = v.object({
      text: v.string(),
      late: v.pipe(v.string(), v.check((s) => s.length > 0), v.maxLength(5)),
      loose: v.pipe(v.string(), v.regex(/^\d+$/)),
      tight: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)),
      list: v.array(v.number()),
      nested: v.optional(v.object({ n: v.pipe(v.number(), v.minValue(0)) })),
      any: v.unknown(),
    })
    walk(probe as unknown as Node, '', found)
    expect(found.map((f) => f.path)).toEqual(['text', 'late', 'loose', 'list', 'list.[]', 'nested.n', 'any'])
  })
})
