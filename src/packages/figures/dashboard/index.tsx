import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { PeriodChoice } from '@/types/figures'
import type { ExportedFile } from '@/types/mydata'
import { formatShanghai } from '@/domain/time'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { Panel } from './Panel'
import { PeriodPicker, thisYear } from './PeriodPicker'
import './index.scss'

/** The spreadsheet: opened in WeChat's reader (to forward or save), downloaded in a browser. */
async function openSheet(file: ExportedFile) {
  if (process.env.TARO_ENV !== 'weapp') {
    const link = document.createElement('a')
    link.href = file.url
    link.download = file.name
    document.body.appendChild(link)
    link.click()
    link.remove()
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url: file.url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}

/**
 * 数据看板: the union's figures for a period, against the same period a year earlier — an admin's of
 * every service, a volunteer's of their own — with what each figure counts, the annual report's
 * paragraph to copy, and the whole as an Excel file.
 */
export default function FiguresPage() {
  useSignedIn()
  const [period, setPeriod] = useState<PeriodChoice>(thisYear)
  const view = useLoad(() => api.figures.dashboard({ period }), { deps: [JSON.stringify(period)] })
  const { submit, busy } = useSubmit()

  async function exportSheet() {
    const done = await submit((requestId) => api.figures.exportXlsx({ period }, { requestId }))
    if (!done) return
    try {
      await openSheet(done.file)
    } catch {
      Taro.showToast({ title: '没能打开文件，请稍后再试', icon: 'none' })
    }
  }

  return (
    <PageShell className="figures">
      <PeriodPicker value={period} onChange={setPeriod} />
      <Loadable load={view} rows={10}>
        {(d) => (
          <>
            <View className="section figures-head">
              <Text className="section-title">{d.period.label}</Text>
              <Text className="muted">{`与${d.period.beforeLabel}同期比较。`}</Text>
              <Text className="computed-at muted">{`数据截至 ${formatShanghai(d.computedAt, 'HH:mm')}（每5分钟更新一次）`}</Text>
            </View>
            {d.summary && (
              <View className="section summary">
                <Text className="section-title">年报摘要</Text>
                <Text className="summary-text" userSelect>
                  {d.summary}
                </Text>
                <Button size="small" className="copy-summary" onClick={() => Taro.setClipboardData({ data: d.summary })}>
                  复制这段话
                </Button>
              </View>
            )}
            {d.panels.map((panel) => (
              <Panel key={panel.service} panel={panel} />
            ))}
            <View className="section notes">
              {d.notes.map((note) => (
                <Text key={note} className="note muted">
                  {note}
                </Text>
              ))}
            </View>
            <View className="section">
              <Button type="primary" block loading={busy} className="export-xlsx" onClick={exportSheet}>
                导出Excel
              </Button>
              <Text className="muted export-note">每项服务一张表，最后一张是统计口径；文件只有您能打开，24小时内有效。</Text>
            </View>
          </>
        )}
      </Loadable>
    </PageShell>
  )
}
