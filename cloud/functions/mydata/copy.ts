import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { AccessEntry, DataSection } from '../../../types/mydata'
import { formatShanghai } from '../../domain/time'

/** The font the PDF copy is set in: Noto Sans (Simplified Chinese), subset into each copy. */
const FONT = join(dirname(createRequire(__filename).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf')

export interface PersonalCopy {
  exportedAt: number
  sections: DataSection[]
  accesses: AccessEntry[]
}

const when = (ms: number) => formatShanghai(ms, 'YYYY-MM-DD HH:mm')

/** The complete data, as JSON a program can read. */
export const copyAsJson = (copy: PersonalCopy) => Buffer.from(JSON.stringify(copy, null, 2), 'utf8')

/** A readable summary: each service's records with their lines, then who opened the data. */
export async function copyAsPdf(copy: PersonalCopy): Promise<Buffer> {
  // Loaded when a copy is made: the font engine is heavy, and nothing else needs it.
  const { default: PDFDocument } = await import('pdfkit')
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: '鹿工之家 · 我的数据', Author: '鹿城区总工会' } })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.registerFont('zh', FONT)
    doc.font('zh')
    doc.fontSize(18).text('鹿工之家 · 我的数据')
    doc.fontSize(10).fillColor('#666').text(`导出时间 ${when(copy.exportedAt)}。这份文件含有您的个人信息，请妥善保管，不要转发给不认识的人。`)
    doc.moveDown()
    for (const section of copy.sections) {
      doc.fillColor('#c8161d').fontSize(14).text(section.title)
      for (const item of section.items) {
        doc.fillColor('#000').fontSize(11).text(`${item.title}${item.at ? `（${when(item.at)}）` : ''}`)
        for (const row of item.rows) doc.fillColor('#333').fontSize(9).text(`${row.label}：${row.value}`, { indent: 12 })
        doc.moveDown(0.3)
      }
      doc.moveDown(0.5)
    }
    doc.fillColor('#c8161d').fontSize(14).text('谁查看过我的信息')
    if (copy.accesses.length === 0) doc.fillColor('#333').fontSize(9).text('没有工作人员查看过。')
    for (const a of copy.accesses) doc.fillColor('#333').fontSize(9).text(`${when(a.at)} ${a.role}：${a.what}`, { indent: 12 })
    doc.end()
  })
}
