import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import { useState, type ReactNode } from 'react'
import type { CaseDetailRow, CaseSummary } from '@/types/cases'
import { formatTime } from '../utils/format'
import type { Load } from '../utils/useLoad'
import { showError } from '../utils/useSubmit'
import { Loadable } from './Loadable'

/** The head of a case: its title and its state (grey once it has ended for the worker). */
export function CaseTitle({ title, statusName, ended = false }: { title: string; statusName: string; ended?: boolean }) {
  return (
    <View className="row">
      <Text className="section-title case-title">{title}</Text>
      <Tag type={ended ? 'default' : 'primary'} className="case-status">
        {statusName}
      </Tag>
    </View>
  )
}

interface RowsProps {
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
export function CaseRows({ title, note, rows, reveal, afterReveal }: RowsProps) {
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

/** The worker's 撤回 at the foot of a case, asked once more before it is done. */
export function WithdrawCase({ label, warning, busy, withdraw }: { label: string; warning: string; busy: boolean; withdraw(): Promise<unknown> }) {
  async function confirmed() {
    const { confirm } = await Taro.showModal({ title: label, content: warning })
    if (confirm) await withdraw()
  }
  return (
    <View className="section">
      <Button block className="withdraw" loading={busy} onClick={confirmed}>
        {label}
      </Button>
    </View>
  )
}

/** When a case of the worker's was handed in: the line under it in their list. */
export const submittedLine = (c: CaseSummary) => `提交于 ${formatTime(c.submittedAt)}`

/**
 * The worker's own cases of one service, a part of its page (which may fail on its own): each
 * opens its case screen; `describe` says more than when it was handed in where the service has more.
 */
export function MyCases(props: {
  title: string
  load: Load<{ items: CaseSummary[] }>
  empty: string
  className: string
  itemClass: string
  url(caseId: string): string
  describe?(c: CaseSummary): string
}) {
  const { title, load, empty, className, itemClass, url, describe = submittedLine } = props
  return (
    <View className={`section ${className}`}>
      <Text className="section-title">{title}</Text>
      <Loadable load={load} part={title}>
        {(page) => (
          <>
            {page.items.length === 0 && <Text className="muted">{empty}</Text>}
            {page.items.map((c) => (
              <Cell
                key={c._id}
                className={itemClass}
                title={c.title}
                description={describe(c)}
                extra={<Tag type="primary">{c.statusName}</Tag>}
                clickable
                onClick={() => Taro.navigateTo({ url: url(c._id) })}
              />
            ))}
          </>
        )}
      </Loadable>
    </View>
  )
}
