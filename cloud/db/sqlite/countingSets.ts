import { AggOp, type Stage } from '../aggregate'

/** `addToSet` whose only use is its `size` in the next stage: counted as SQL's COUNT(DISTINCT), not gathered. */
export const COUNT_DISTINCT = 'countDistinct'

const sizeOf = (value: unknown): string | null => {
  if (!(value instanceof AggOp) || value.kind !== 'size') return null
  const [arg] = Array.isArray(value.args) ? value.args : [value.args]
  return typeof arg === 'string' && arg.startsWith('$') ? arg.slice(1) : null
}

/**
 * The same pipeline with each set that is only counted (a group's `addToSet`, then `size` of it in
 * the project right after, and no other use) counted directly: the answer is the same number.
 */
export function countingSets(stages: readonly Stage[]): Stage[] {
  return stages.map((stage, i) => {
    const after = stages[i + 1]
    if ((stage.kind !== 'group' && stage.kind !== 'bucket') || after?.kind !== 'project') return stage
    const outputs = stage.kind === 'group' ? stage.spec : (stage.options.output ?? {})
    const counted = Object.entries(after.spec).filter(([, v]) => sizeOf(v) !== null)
    const uses = (field: string) => Object.entries(after.spec).filter(([k, v]) => v === `$${field}` || ((v === 1 || v === true) && k === field) || sizeOf(v) === field).length
    const swap = new Set(counted.map(([, v]) => sizeOf(v)!).filter((f) => outputs[f] instanceof AggOp && (outputs[f] as AggOp).kind === 'addToSet' && uses(f) === 1))
    if (swap.size === 0) return stage
    const replaced = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, swap.has(k) ? new AggOp(COUNT_DISTINCT, (v as AggOp).args) : v]))
    return stage.kind === 'group' ? { ...stage, spec: replaced as typeof stage.spec } : { ...stage, options: { ...stage.options, output: replaced as Record<string, AggOp> } }
  }).map((stage, i, all) => {
    const before = all[i - 1]
    if (stage.kind !== 'project' || !before || (before.kind !== 'group' && before.kind !== 'bucket')) return stage
    const outputs = before.kind === 'group' ? before.spec : (before.options.output ?? {})
    const spec = Object.fromEntries(Object.entries(stage.spec).map(([k, v]) => {
      const f = sizeOf(v)
      return [k, f !== null && outputs[f] instanceof AggOp && (outputs[f] as AggOp).kind === COUNT_DISTINCT ? `$${f}` : v]
    }))
    return { ...stage, spec }
  })
}
