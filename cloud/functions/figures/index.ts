import { FiguresInput, type FiguresContract } from '../../../types/figures'
import { defineFunction } from '../../core/defineFunction'
import { refuseTooManyExports, storeExport } from '../../core/exports'
import { dashboardOf } from './dashboard'
import { dashboardXlsx } from './xlsx'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * 数据看板 (the figures issue): the union's figures from its own records, for admins (every service)
 * and volunteers (their own services). Only aggregates leave the function; workers see none.
 */
export const figuresFunction = defineFunction<FiguresContract>('figures', {
  dashboard: {
    roles: ['admin', 'volunteer'],
    input: FiguresInput,
    access: 'read',
    // Counts of the union's work, never a person's data.
    audited: false,
    run: (ctx, input) => dashboardOf(ctx, input),
  },

  exportXlsx: {
    roles: ['admin', 'volunteer'],
    input: FiguresInput,
    access: 'write',
    // The answer is a link to a file for its caller alone: not kept under a requestId.
    remember: false,
    audited: true,
    async run(ctx, input) {
      await refuseTooManyExports(ctx, 'figures', 1)
      const view = await dashboardOf(ctx, input)
      const file = await storeExport(ctx, 'figures', { ext: 'xlsx', mime: XLSX_MIME, bytes: await dashboardXlsx(view), name: `鹿工之家数据看板（${view.period.label}）.xlsx` })
      await ctx.audit({ target: file.fileId, summary: `导出数据看板：${view.period.label}，${view.panels.map((p) => p.title).join('、')}` })
      return { file }
    },
  },
})
