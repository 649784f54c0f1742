import { Cell, DatePicker } from '@nutui/nutui-react-taro'
import dayjs from 'dayjs'
import { useState } from 'react'

interface Props {
  title: string
  /** `YYYY-MM-DD`, or empty while not chosen. */
  value: string
  onChange(value: string): void
  /** The latest date that can be picked (default today): treatment is never in the future. */
  max?: string
  /** The earliest date that can be picked (default three years before `max`): a deadline is never in the past. */
  min?: string
  className?: string
}

/** A calendar date picked from NutUI's DatePicker (no typing on a small phone), shown as `2026-11-02`. */
export function DateField({ title, value, onChange, max, min, className }: Props) {
  const [open, setOpen] = useState(false)
  const end = max ? dayjs(max) : dayjs()
  const start = min ? dayjs(min) : end.subtract(3, 'year')
  return (
    <>
      <Cell className={className} title={title} extra={value || '请选择'} clickable onClick={() => setOpen(true)} />
      <DatePicker
        title={title}
        visible={open}
        type="date"
        showChinese
        startDate={start.toDate()}
        endDate={end.toDate()}
        defaultValue={(value ? dayjs(value) : end).toDate()}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          const [y, m, d] = values.map(Number)
          onChange(dayjs(new Date(y, m - 1, d)).format('YYYY-MM-DD'))
        }}
      />
    </>
  )
}
