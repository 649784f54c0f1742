import { changeOf, formatValue, wanYuan } from '../../cloud/domain/figures/format'
import { periodOf } from '../../cloud/domain/figures/period'
import { suppress } from '../../cloud/domain/figures/suppress'
import { FiguresInput } from '../../types/figures'
import * as v from 'valibot'

describe('the <5 rule', () => {
  it('shows a cell of 5 or more people, and a cell of nobody', () => {
    expect(suppress(60, [0, 5, 55])).toEqual({ total: undefined, cells: [undefined, undefined, undefined] })
  })

  it('hides a cell of 1 to 4 people as <5', () => {
    expect(suppress(3, [3]).cells).toEqual(['small'])
    expect(suppress(3, [3]).total).toBe('small')
  })

  it('hides one more cell where the total minus the cells shown would give the small one away', () => {
    // 53 applications: 3 for 金秋助学, 20 for 夏送清凉, 30 for 冬送温暖. Shown 20 and 30, the 3 would be 53 − 50.
    const { total, cells } = suppress(53, [3, 20, 30])
    expect(cells).toEqual(['small', 'guard', undefined])
    expect(total).toBeUndefined()
    // What is left to read: 53 − 30 = 23 for the two hidden cells; the small one could be anything from 1 to 4.
    const possible = [1, 2, 3, 4].filter((small) => 23 - small >= 5)
    expect(possible).toEqual([1, 2, 3, 4])
  })

  it('hides the smallest cell shown as the guard, and only as many as it takes', () => {
    expect(suppress(119, [2, 40, 70, 7]).cells).toEqual(['small', undefined, undefined, 'guard'])
  })

  it('needs no guard when two small cells hide each other (2 + 3: each could be 1 to 4)', () => {
    expect(suppress(55, [2, 3, 50]).cells).toEqual(['small', 'small', undefined])
  })

  it('guards two small cells whose sum would pin them (1 + 1 = 2: each must be 1)', () => {
    expect(suppress(52, [1, 1, 50]).cells).toEqual(['small', 'small', 'guard'])
  })

  it('hides the total when nothing else can guard the small cells (4 + 4 = 8: each must be 4)', () => {
    expect(suppress(8, [4, 4])).toEqual({ total: 'guard', cells: ['small', 'small'] })
  })

  it('hides every cell of a total under 5', () => {
    expect(suppress(4, [1, 3, 0])).toEqual({ total: 'small', cells: ['small', 'small', undefined] })
  })

  it('hides only the small cells of what does not add up to its total (a time, a share)', () => {
    expect(suppress(53, [3, 20, 30], false).cells).toEqual(['small', undefined, undefined])
  })

  it('leaves alone what counts no people (stations, classes)', () => {
    expect(suppress(null, [null, null])).toEqual({ total: undefined, cells: [undefined, undefined] })
  })
})

describe('how figures are written', () => {
  it('writes money in 万元 with two decimals, rounding half up once', () => {
    expect(wanYuan(205_800_000)).toBe('205.80')
    expect(wanYuan(769_000_000)).toBe('769.00')
    expect(wanYuan(12_345_000)).toBe('12.35')
    expect(wanYuan(12_344_999)).toBe('12.34')
    expect(wanYuan(1_234_567_890_00)).toBe('123,456.79')
    expect(wanYuan(0)).toBe('0.00')
  })

  it('groups whole numbers and gives times and shares one decimal', () => {
    expect(formatValue(458_000, '人次')).toBe('458,000')
    expect(formatValue(238_000, '平方米')).toBe('238,000')
    expect(formatValue(3.25, '天')).toBe('3.3')
    expect(formatValue(200 / 3, '%')).toBe('66.7')
  })

  it('compares counts and money by how much they changed, times and shares by the difference', () => {
    expect(changeOf(110, 100, '件')).toBe('+10.0%')
    expect(changeOf(90, 100, '万元')).toBe('-10.0%')
    expect(changeOf(5, 0, '户')).toBe('新增')
    expect(changeOf(0, 0, '户')).toBeUndefined()
    expect(changeOf(100, 100, '件')).toBe('持平')
    expect(changeOf(4.5, 3, '天')).toBe('+1.5天')
    expect(changeOf(92, 95, '%')).toBe('-3.0个百分点')
    expect(changeOf(null, 3, '天')).toBeUndefined()
  })
})

describe('periods, and the same period a year earlier', () => {
  const at = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`)

  it('reads a year, a quarter and a month from midnight in Wenzhou to the midnight after', () => {
    const year = periodOf({ kind: 'year', year: 2026 })
    expect([year.now.from, year.now.to, year.now.label]).toEqual([at('2026-01-01'), at('2027-01-01'), '2026年'])
    expect([year.before.from, year.before.to, year.before.label]).toEqual([at('2025-01-01'), at('2026-01-01'), '2025年'])
    expect(year.monthLabels).toHaveLength(12)
    const q4 = periodOf({ kind: 'quarter', year: 2026, quarter: 4 })
    expect([q4.now.fromDate, q4.now.toDate, q4.now.label, q4.before.label]).toEqual(['2026-10-01', '2027-01-01', '2026年第4季度', '2025年第4季度'])
    expect(q4.monthLabels).toEqual(['10月', '11月', '12月'])
    const month = periodOf({ kind: 'month', year: 2026, month: 2 })
    expect([month.now.fromDate, month.now.toDate, month.before.fromDate]).toEqual(['2026-02-01', '2026-03-01', '2025-02-01'])
  })

  it('takes a period of one\'s own with both days in, by month, and the plan years it touches', () => {
    const range = periodOf({ kind: 'range', from: '2025-11-15', to: '2026-03-10' })
    expect([range.now.fromDate, range.now.toDate]).toEqual(['2025-11-15', '2026-03-11'])
    expect(range.now.label).toBe('2025-11-15 至 2026-03-10')
    expect(range.before.label).toBe('2024-11-15 至 2025-03-10')
    expect(range.now.years).toEqual([2025, 2026])
    expect(range.monthLabels).toEqual(['2025年11月', '2025年12月', '2026年1月', '2026年2月', '2026年3月'])
    expect(range.monthStarts[0]).toBe(at('2025-11-15'))
    expect(range.monthStarts[range.monthStarts.length - 1]).toBe(at('2026-03-11'))
  })

  it('moves 29 February to the 28th a year earlier', () => {
    const leap = periodOf({ kind: 'range', from: '2028-02-29', to: '2028-03-31' })
    expect(leap.before.fromDate).toBe('2027-02-28')
  })

  it('refuses a period of one\'s own longer than a year, or ending before it starts, on the field', () => {
    const bad = (from: string, to: string) => v.safeParse(FiguresInput, { period: { kind: 'range', from, to } }).issues?.map((i) => i.message)
    expect(bad('2025-01-01', '2026-01-01')).toEqual(['自定义时段最长一年'])
    expect(bad('2024-01-01', '2024-12-31')).toBeUndefined()
    expect(bad('2026-03-01', '2026-02-01')).toEqual(['结束日期不能早于开始日期'])
    expect(v.safeParse(FiguresInput, { period: { kind: 'quarter', year: 2026, quarter: 5 } }).issues?.[0].message).toBe('季度不能大于4')
  })
})
