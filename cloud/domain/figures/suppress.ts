/**
 * The <5 rule: no figure may point at a few people. A cell counting 1 to 4 people is not shown
 * (`small`, written `<5`); and where a total is shown beside a breakdown, more cells are hidden
 * (`guard`, written `≥5`) until no hidden small cell can be worked out from the total minus the
 * cells shown — or, where no cell is left to hide, the total itself is hidden. A cell of nobody
 * (0) is shown: it points at no one.
 *
 * Worked out how: someone who reads the total knows the sum S of the hidden cells, that each small
 * one is 1 to 4 and each guard at least 5. A small cell is safe when every value from 1 to 4 stays
 * possible for it: with guards, S less the least the others can be (1 each small, 5 each guard) is
 * at least 4; without guards (small cells only, at least two), also S less the most the other
 * small ones can be (4 each) is at most 1.
 */
export const MIN_PEOPLE = 5

export type Hidden = 'small' | 'guard' | undefined

export const isSmall = (people: number | null) => people !== null && people > 0 && people < MIN_PEOPLE

function safe(sum: number, small: number, guards: number): boolean {
  if (small === 0) return true
  if (guards > 0) return sum - (small - 1) - MIN_PEOPLE * guards >= MIN_PEOPLE - 1
  return small >= 2 && sum - (small - 1) >= MIN_PEOPLE - 1 && sum - (MIN_PEOPLE - 1) * (small - 1) <= 1
}

/**
 * Which cells of a breakdown to hide, from the people behind each (null: not about people), and
 * whether the total must be hidden too. `additive`: the cells add up to the total (counts, sums),
 * so a total shown beside them needs guards; a breakdown of distinct people or of rates is not
 * additive and hides only its small cells.
 */
export function suppress(totalPeople: number | null, cells: Array<number | null>, additive = true): { total: Hidden; cells: Hidden[] } {
  if (isSmall(totalPeople)) return { total: 'small', cells: cells.map((c) => (c !== null && c > 0 ? (isSmall(c) ? 'small' : 'guard') : undefined)) }
  const hidden: Hidden[] = cells.map((c) => (isSmall(c) ? 'small' : undefined))
  if (!additive) return { total: undefined, cells: hidden }
  const small = hidden.filter(Boolean).length
  let guards = 0
  let sum = cells.reduce<number>((s, c, i) => s + (hidden[i] ? (c ?? 0) : 0), 0)
  while (!safe(sum, small, guards)) {
    // The next guard: the smallest cell still shown that holds anyone.
    const candidates = cells.map((c, i) => ({ c: c ?? 0, i })).filter(({ c, i }) => !hidden[i] && c > 0)
    if (candidates.length === 0) return { total: 'guard', cells: hidden }
    const next = candidates.reduce((a, b) => (b.c < a.c ? b : a))
    hidden[next.i] = 'guard'
    guards++
    sum += next.c
  }
  return { total: undefined, cells: hidden }
}
