import { Text, View } from '@tarojs/components'
import { Radio } from '@nutui/nutui-react-taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { fitsInAYear, type PeriodChoice } from '@/types/figures'
import { DateField } from '../../../components/DateField'

type Kind = PeriodChoice['kind']

const KINDS: Array<[Kind, string]> = [
  ['year', '全年'],
  ['quarter', '季度'],
  ['month', '月份'],
  ['range', '自选时段'],
]

/** This year, the quarter and the month now: where each kind of period starts when it is picked. */
function start(kind: Kind, year: number): PeriodChoice {
  const now = dayjs()
  if (kind === 'year') return { kind, year }
  if (kind === 'quarter') return { kind, year, quarter: year === now.year() ? Math.floor(now.month() / 3) + 1 : 4 }
  if (kind === 'month') return { kind, year, month: year === now.year() ? now.month() + 1 : 12 }
  return { kind, from: now.startOf('month').format('YYYY-MM-DD'), to: now.format('YYYY-MM-DD') }
}

export const thisYear = (): PeriodChoice => start('year', dayjs().year())

/**
 * The period the figures count: a year, a quarter or a month of this year or the two before, or
 * from one day to another (at most a year). Every choice is a tap; a range is two dates picked.
 */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange(choice: PeriodChoice): void }) {
  const years = [0, 1, 2].map((n) => dayjs().year() - n)
  const year = 'year' in value ? value.year : years[0]
  // The two dates as picked: the period changes once they make one.
  const [range, setRange] = useState({ from: '', to: '' })
  const problemOf = (r: { from: string; to: string }) => (r.from > r.to ? '结束日期不能早于开始日期' : !fitsInAYear(r.from, r.to) ? '自选时段最长一年' : '')
  const pickRange = (next: { from: string; to: string }) => {
    setRange(next)
    if (!problemOf(next)) onChange({ kind: 'range', ...next })
  }
  const pickKind = (kind: Kind) => {
    const next = start(kind, year)
    if (next.kind === 'range') setRange({ from: next.from, to: next.to })
    onChange(next)
  }
  const rangeProblem = value.kind === 'range' ? problemOf(range) : ''
  return (
    <View className="section period-picker">
      <Radio.Group className="period-kind" direction="horizontal" value={value.kind} onChange={(kind) => pickKind(kind as Kind)}>
        {KINDS.map(([kind, label]) => (
          <Radio key={kind} shape="button" value={kind}>
            {label}
          </Radio>
        ))}
      </Radio.Group>
      {value.kind !== 'range' && (
        <Radio.Group className="period-year" direction="horizontal" value={String(year)} onChange={(y) => onChange(start(value.kind, Number(y)))}>
          {years.map((y) => (
            <Radio key={y} shape="button" value={String(y)}>
              {`${y}年`}
            </Radio>
          ))}
        </Radio.Group>
      )}
      {value.kind === 'quarter' && (
        <Radio.Group className="period-quarter" direction="horizontal" value={String(value.quarter)} onChange={(q) => onChange({ ...value, quarter: Number(q) })}>
          {[1, 2, 3, 4].map((q) => (
            <Radio key={q} shape="button" value={String(q)}>
              {`第${q}季度`}
            </Radio>
          ))}
        </Radio.Group>
      )}
      {value.kind === 'month' && (
        <Radio.Group className="period-month" direction="horizontal" value={String(value.month)} onChange={(m) => onChange({ ...value, month: Number(m) })}>
          {Array.from({ length: 12 }, (_v, i) => i + 1).map((m) => (
            <Radio key={m} shape="button" value={String(m)}>
              {`${m}月`}
            </Radio>
          ))}
        </Radio.Group>
      )}
      {value.kind === 'range' && (
        <View className="period-range">
          <DateField className="range-from" title="开始日期" value={range.from} onChange={(from) => pickRange({ ...range, from })} />
          <DateField className="range-to" title="结束日期" value={range.to} onChange={(to) => pickRange({ ...range, to })} />
          {rangeProblem && <Text className="field-error">{rangeProblem}</Text>}
        </View>
      )}
    </View>
  )
}
