import { PROGRAMME_NAMES, type Programme, type ProgrammeKind, type SelfCheckResult } from '../../../types/aid'
import type { Tier } from './tier'

/** DOMAIN.md §3's programmes with their default amounts *(config per year)*. */
export function defaultProgrammes(year: number): Programme[] {
  const make = (kind: ProgrammeKind, rest: Omit<Programme, '_id' | 'year' | 'kind' | 'title'>): Programme => ({
    _id: `${year}-${kind}`,
    year,
    kind,
    title: PROGRAMME_NAMES[kind],
    ...rest,
  })
  return [
    make('spring_jobs', {
      description: '春节后帮助困难职工和家属找工作：推荐岗位、招聘会。',
      meansTested: true,
      materials: ['id_card'],
    }),
    make('summer_cooling', {
      description: '为户外工作的职工送去防暑降温用品，不需要核对家庭收入。',
      meansTested: false,
      materials: ['id_card'],
    }),
    make('autumn_education', {
      description: '困难职工子女考上大学的助学金：深度困难5000元，相对困难3000元。',
      meansTested: true,
      deepFen: 500_000,
      relativeFen: 300_000,
      materials: ['id_card', 'household_register', 'income_proof', 'admission_letter', 'bank_card'],
    }),
    make('winter_warmth', {
      description: '冬季送温暖慰问金：深度困难2000元，相对困难1000元，意外致困最高5000元。',
      meansTested: true,
      deepFen: 200_000,
      relativeFen: 100_000,
      accidentMaxFen: 500_000,
      materials: ['id_card', 'household_register', 'income_proof', 'diagnosis_or_accident', 'bank_card'],
    }),
  ]
}

/** What a programme could give a household with these tiers: the best amount its tiers reach. */
export function offerOf(p: Programme, tiers: Tier[]): SelfCheckResult['programmes'][number] {
  const base = { kind: p.kind, title: p.title }
  if (!p.meansTested) return { ...base, eligible: true }
  const amounts: number[] = []
  if (tiers.includes('deep') && p.deepFen !== undefined) amounts.push(p.deepFen)
  if (tiers.includes('relative') && p.relativeFen !== undefined) amounts.push(p.relativeFen)
  const money = p.deepFen !== undefined || p.relativeFen !== undefined || p.accidentMaxFen !== undefined
  if (tiers.includes('accident') && p.accidentMaxFen !== undefined) {
    return { ...base, eligible: true, upToFen: Math.max(p.accidentMaxFen, ...amounts) }
  }
  if (amounts.length > 0) return { ...base, eligible: true, amountFen: Math.max(...amounts) }
  // A programme without money (jobs) helps any household in hardship.
  if (!money && tiers.length > 0) return { ...base, eligible: true }
  return { ...base, eligible: false }
}

/**
 * The tier a programme's help is given under, as the union reports it: 意外致困 where the programme
 * pays for a sudden event and the household met it, else the formula's tier; none for a programme
 * that does not check income (夏送清凉).
 */
export function tierOfHelp(p: Pick<Programme, 'meansTested' | 'accidentMaxFen'>, tiers: Tier[]): Tier | 'none' {
  if (!p.meansTested) return 'none'
  if (tiers.includes('accident') && p.accidentMaxFen !== undefined) return 'accident'
  return tiers.find((t) => t !== 'accident') ?? tiers[0] ?? 'none'
}
