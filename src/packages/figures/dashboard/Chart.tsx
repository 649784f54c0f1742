import { Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import UCharts from '@qiun/ucharts'
import { useEffect } from 'react'
import type { ChartView } from '@/types/figures'

const HEIGHT = 220
const COLORS = ['#c8161d', '#8c8c8c', '#1d4f91', '#a15c00', '#1b7f46', '#6a3d9a', '#b15928']

/** The canvas and its size in CSS pixels: the 2D canvas node on WeChat, the element itself on H5. */
async function canvasOf(id: string): Promise<{ canvas: HTMLCanvasElement; width: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const el = document.querySelector(`#${id} canvas`) ?? document.querySelector(`canvas#${id}`)
    return el ? { canvas: el as HTMLCanvasElement, width: (el as HTMLCanvasElement).parentElement?.clientWidth || 300 } : null
  }
  const found = await new Promise<Array<{ node?: HTMLCanvasElement; width?: number } | null>>((resolve) =>
    Taro.createSelectorQuery().select(`#${id}`).fields({ node: true, size: true }).exec(resolve),
  )
  const hit = found?.[0]
  return hit?.node ? { canvas: hit.node, width: hit.width || 300 } : null
}

/** Draws a chart with uCharts (docs/decisions.md: why uCharts), in the phone's pixels. */
async function draw(id: string, chart: ChartView) {
  const found = await canvasOf(id)
  if (!found) return
  const ratio = process.env.TARO_ENV === 'h5' ? window.devicePixelRatio || 1 : Taro.getWindowInfo().pixelRatio
  const { canvas, width } = found
  canvas.width = width * ratio
  canvas.height = HEIGHT * ratio
  const context = canvas.getContext('2d')
  if (!context) return
  const common = { context, width: width * ratio, height: HEIGHT * ratio, pixelRatio: ratio, canvas2d: true, animation: false, background: '#FFFFFF', color: COLORS, fontSize: 11 }
  if (chart.kind === 'bar') {
    new UCharts({
      ...common,
      type: 'column',
      categories: chart.categories,
      series: chart.series.map((s) => ({ name: s.name, data: s.values.map((v) => v ?? 0) })),
      xAxis: { disableGrid: true, fontSize: 10 },
      yAxis: { data: [{ min: 0 }] },
      legend: { show: true },
      dataLabel: false,
      extra: { column: { type: 'group', width: 6 } },
    })
  } else {
    const [series] = chart.series
    new UCharts({
      ...common,
      type: 'ring',
      series: [{ data: chart.categories.map((name, i) => ({ name, value: series.values[i] ?? 0 })).filter((d) => d.value > 0) }],
      legend: { show: true, position: 'right' },
      dataLabel: false,
      extra: { ring: { ringWidth: 24, offsetAngle: 0, labelWidth: 15 } },
    })
  }
}

/** A chart of a panel, with its numbers in words under it (a canvas says nothing to a screen reader). */
export function Chart({ chart }: { chart: ChartView }) {
  const id = `chart-${chart.key.replace(/\./g, '-')}`
  useEffect(() => {
    // A chart that cannot be drawn (an old WeChat, a test page) leaves its numbers in words.
    draw(id, chart).catch(() => undefined)
  }, [id, chart])
  const [now] = chart.series
  const words = chart.categories
    .map((c, i) => [c, now.values[i]] as const)
    .filter(([, v]) => v !== 0)
    .map(([c, v]) => `${c} ${v === null ? '不显示' : v}`)
    .join('，')
  return (
    <View className={`chart chart-${chart.kind}`}>
      <Text className="chart-title">{`${chart.title}（${chart.unit}）`}</Text>
      <Canvas id={id} canvasId={id} type="2d" className="chart-canvas" style={{ width: '100%', height: `${HEIGHT}px` }} />
      <Text className="chart-data muted">{`${now.name}：${words || '没有'}`}</Text>
      {chart.note && <Text className="chart-note muted">{chart.note}</Text>}
    </View>
  )
}
