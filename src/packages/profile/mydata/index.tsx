import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Collapse } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ExportedFile, MyDataView } from '@/types/mydata'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { formatTime } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { showError } from '../../../utils/useSubmit'
import { CloseAccount } from './CloseAccount'
import { Consents } from './Consents'
import './index.scss'

/** Opens a file of the copy: in WeChat the PDF in the reader and the JSON to a chat; in a browser, a download. */
async function openCopy(file: ExportedFile, kind: 'pdf' | 'json') {
  if (process.env.TARO_ENV !== 'weapp') {
    window.open(file.url, '_blank')
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url: file.url })
  if (kind === 'pdf') await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
  else await Taro.shareFileMessage({ filePath: tempFilePath, fileName: file.name })
}

export default function MyDataPage() {
  useSignedIn()
  const view = useLoad(() => api.mydata.view({}), { onShow: true })
  return (
    <PageShell className="mydata">
      <View className="section">
        <Text className="section-title">工会保存的您的信息</Text>
        <Text className="muted">按《个人信息保护法》，您可以查看、复制、撤回同意和注销账号。手机号、身份证号默认隐藏。</Text>
      </View>
      <Loadable load={view} rows={8}>
        {(data) => (
          <>
            <Held data={data} />
            <Consents consents={data.consents} onChanged={view.reload} />
          </>
        )}
      </Loadable>
      <Copy />
      <CloseAccount />
    </PageShell>
  )
}

function Held({ data }: { data: MyDataView }) {
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  async function reveal(field: 'mobile' | 'idNumber', label: string) {
    const { confirm } = await Taro.showModal({ title: `查看完整的${label}`, content: '请确认身边没有其他人在看您的手机。' })
    if (!confirm) return
    try {
      const { value } = await api.mydata.revealMine({ field })
      setRevealed((r) => ({ ...r, [label]: value }))
    } catch (error) {
      showError(error)
    }
  }
  return (
    <>
      <Collapse className="section held">
        {data.sections.map((section) => (
          <Collapse.Item key={section.key} name={section.key} title={`${section.title}（${section.items.length}）`} className={`held-${section.key}`}>
            {section.items.map((item, i) => (
              <View key={i} className="held-item">
                <Text className="held-title">
                  {item.title}
                  {item.at ? ` · ${formatTime(item.at)}` : ''}
                </Text>
                {item.rows.map((row) => (
                  <View key={row.label} className="held-row">
                    <Text className="held-label">{row.label}</Text>
                    <Text className="held-value">{revealed[row.label] ?? row.value}</Text>
                    {section.key === 'account' && (row.label === '手机号' || row.label === '身份证号') && !revealed[row.label] && (
                      <Button size="mini" className="reveal-mine" onClick={() => reveal(row.label === '手机号' ? 'mobile' : 'idNumber', row.label)}>
                        查看
                      </Button>
                    )}
                  </View>
                ))}
              </View>
            ))}
          </Collapse.Item>
        ))}
      </Collapse>
      <View className="section accesses">
        <Text className="section-title">谁查看过我的信息</Text>
        {data.accesses.length === 0 && <Text className="muted">还没有工作人员查看过您的个人信息。</Text>}
        {data.accesses.map((a, i) => (
          <Cell key={i} className="access" title={`${a.role}：${a.what}`} description={formatTime(a.at)} />
        ))}
      </View>
    </>
  )
}

function Copy() {
  const [copy, setCopy] = useState<{ pdf: ExportedFile; json: ExportedFile } | null>(null)
  const [busy, setBusy] = useState(false)
  async function make() {
    setBusy(true)
    try {
      setCopy(await api.mydata.exportMine({}))
    } catch (error) {
      showError(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="section copy">
      <Text className="section-title">导出我的数据</Text>
      <Text className="muted">生成一份PDF（方便阅读）和一份JSON（完整数据），只有您本人能打开，24小时内有效。</Text>
      {!copy && (
        <Button block type="primary" loading={busy} className="export-mine" onClick={make}>
          导出我的数据
        </Button>
      )}
      {copy && (
        <View className="actions">
          <Button className="open-pdf" type="primary" onClick={() => openCopy(copy.pdf, 'pdf').catch(showError)}>
            打开PDF
          </Button>
          <Button className="open-json" onClick={() => openCopy(copy.json, 'json').catch(showError)}>
            {process.env.TARO_ENV === 'weapp' ? '发送JSON文件' : '下载JSON文件'}
          </Button>
          <Text className="muted">有效期至 {formatTime(copy.pdf.expiresAt)}</Text>
        </View>
      )}
    </View>
  )
}
