import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FigureView, PanelView } from '@/types/figures'
import { Chart } from './Chart'

/** `aid.paid` → `figure-aid-paid`: each figure is found by its key on the page. */
export const figureClass = (key: string) => `figure-${key.replace(/\./g, '-')}`

function Figure({ figure }: { figure: FigureView }) {
  const [open, setOpen] = useState(false)
  return (
    <View className={`figure ${figureClass(figure.key)}`}>
      <View className="figure-main">
        <Text className="figure-title">{figure.title}</Text>
        <Text className="figure-now">
          <Text className="figure-value">{figure.now.text}</Text>
          <Text className="figure-unit">{figure.unit}</Text>
        </Text>
      </View>
      <Text className="figure-before muted">
        {`上年同期 ${figure.before.text}${figure.before.value !== null ? figure.unit : ''}${figure.change ? `，${figure.change}` : ''}`}
      </Text>
      {figure.breakdowns.map((b) => (
        <View key={b.title} className="breakdown">
          <Text className="breakdown-title muted">{b.title}</Text>
          {b.rows.map((row) => (
            <View key={row.label} className="breakdown-row">
              <Text className="breakdown-label">{row.label}</Text>
              <Text className="breakdown-value">{row.now.text}</Text>
              <Text className="breakdown-before muted">{`上年 ${row.before.text}`}</Text>
            </View>
          ))}
        </View>
      ))}
      <Text className="figure-toggle" onClick={() => setOpen(!open)}>
        {open ? '收起口径' : '统计口径'}
      </Text>
      {open && <Text className="figure-definition muted">{figure.definition}</Text>}
    </View>
  )
}

/** One service's figures, then its charts. */
export function Panel({ panel }: { panel: PanelView }) {
  return (
    <View className={`section panel panel-${panel.service}`}>
      <Text className="section-title">{panel.title}</Text>
      {panel.figures.map((f) => (
        <Figure key={f.key} figure={f} />
      ))}
      {panel.charts.map((c) => (
        <Chart key={c.key} chart={c} />
      ))}
    </View>
  )
}
