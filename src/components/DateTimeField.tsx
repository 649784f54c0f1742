import { Cell, DatePicker } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { formatShanghai } from '@/domain/time'

interface Props {
  title: string
  /** Epoch milliseconds, or undefined while not chosen. */
  value: number | undefined
  onChange(value: number): void
  /** The earliest moment that can be picked (epoch ms); rounded up to the minute step. */
  min: number
  /** The latest moment that can be picked (epoch ms); rounded down to the minute step. */
  max: number
  /** Where the wheels stand when the field is still empty (default `min`). */
  suggested?: number
  minuteStep?: number
  className?: string
}

const MINUTE = 60_000
const WEEKDAYS = '日一二三四五六'

/**
 * NutUI's wheels work in the phone's own zone. They are given the Wenzhou wall clock as if it were
 * local, and what is picked is read back as Wenzhou time, so the moment is right whatever zone the
 * phone is set to.
 */
function wallClock(ms: number): Date {
  const [y, mo, d, h, mi] = formatShanghai(ms, 'YYYY M D H m').split(' ').map(Number)
  return new Date(y, mo - 1, d, h, mi)
}

const pad = (n: number) => String(n).padStart(2, '0')

function fromWheels(values: (string | number | null)[]): number {
  const [y, mo, d, h, mi] = values.map(Number)
  return Date.parse(`${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00+08:00`)
}

/** Where wheels stand before anything is picked, rather than a few minutes from now: tomorrow at 09:00, Wenzhou time. */
export const tomorrowMorning = (now: number) => Date.parse(`${formatShanghai(now + 24 * 60 * MINUTE, 'YYYY-MM-DD')}T09:00:00+08:00`)

/** `2026-12-03 周四 14:00`: the weekday is what a person checks a date against. */
export function formatDateTime(ms: number): string {
  return `${formatShanghai(ms, 'YYYY-MM-DD')} 周${WEEKDAYS[Number(formatShanghai(ms, 'd'))]} ${formatShanghai(ms, 'HH:mm')}`
}

/**
 * A moment (day, hour, minute) picked from NutUI's DatePicker, shown as `2026-12-03 周四 14:00`.
 * Nothing is typed: the wheels offer only what lies between `min` and `max`.
 */
export function DateTimeField({ title, value, onChange, min, max, suggested, minuteStep = 5, className }: Props) {
  const [open, setOpen] = useState(false)
  const step = minuteStep * MINUTE
  // Wenzhou is a whole number of hours from UTC, so steps of epoch time are steps of its clock.
  // Rounded bounds also keep the same Date while a page re-renders within one step: NutUI rebuilds
  // its columns (and moves the wheels back) whenever it is handed a new Date.
  const from = Math.ceil(min / step) * step
  const to = Math.max(from, Math.floor(max / step) * step)
  const startDate = useMemo(() => wallClock(from), [from])
  const endDate = useMemo(() => wallClock(to), [to])
  const shown = value ?? suggested ?? from
  const wheels = useMemo(() => wallClock(Math.min(Math.max(shown, from), to)), [shown, from, to])
  return (
    <>
      <Cell className={className} title={title} extra={value === undefined ? '请选择' : formatDateTime(value)} clickable onClick={() => setOpen(true)} />
      <DatePicker
        title={title}
        visible={open}
        type="datetime"
        showChinese
        minuteStep={minuteStep}
        startDate={startDate}
        endDate={endDate}
        value={wheels}
        onClose={() => setOpen(false)}
        // A wheel let go mid-spin can stand past a bound for a moment: what is sent stays inside them.
        onConfirm={(_options, values) => onChange(Math.min(Math.max(fromWheels(values), from), to))}
      />
    </>
  )
}
