import { Text, View } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { useState, type ReactNode } from 'react'
import type { CaseDetailRow } from '@/types/cases'
import { showError } from '../utils/useSubmit'

interface Props {
  title: string
  /** A line under the title: what the rows are, or that looking is recorded. */
  note?: string
  rows: CaseDetailRow[]
  /** Staff's side: a masked row gets 查看, which asks the server (an audited read). */
  reveal?(field: string): Promise<{ value: string }>
  /** What a revealed value lets staff do next (the lawyer's 拨打 once the phone is shown). */
  afterReveal?(field: string, value: string): ReactNode
}

/** The particulars of a case, a row each: as its owner reads them, or as staff do, masked until revealed. */
export function CaseRows({ title, note, rows, reveal, afterReveal }: Props) {
  const [revealed, setRevealed] = useState<Record<string, string>>({})

  async function show(field: string) {
    try {
      const { value } = await reveal!(field)
      setRevealed((r) => ({ ...r, [field]: value }))
    } catch (error) {
      showError(error)
    }
  }

  return (
    <View className="section case-rows">
      <Text className="section-title">{title}</Text>
      {note !== undefined && <Text className="muted">{note}</Text>}
      {rows.map((r, i) => {
        const field = reveal ? r.revealable : undefined
        if (!field) return <Cell key={i} title={r.label} description={r.value} />
        const value = revealed[field]
        return (
          <Cell
            key={i}
            title={r.label}
            description={value ? value : r.value}
            extra={
              !value ? (
                <Button size="small" className={`reveal-${field}`} onClick={() => show(field)}>
                  查看
                </Button>
              ) : (
                afterReveal?.(field, value)
              )
            }
          />
        )
      })}
    </View>
  )
}
