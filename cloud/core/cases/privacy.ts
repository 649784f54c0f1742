import { CASE_STATUS_NAMES, OPEN_CASE_STATUSES, type TimelineEntry } from '../../../types/cases'
import { step } from '../../domain/cases/workflow'
import type { DataItem, DataSection } from '../../../types/mydata'
import { SERVICE_MANIFEST, type ServiceEntry } from '../../../types/services'
import { formatYuan } from '../../domain/money'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../context'
import { CLOSED_NAME, latestConsent, type ClosingPart, type PersonalDataPart } from '../privacy'
import type { CaseRecord } from './record'
import { caseView } from './views'
import { takeStep, type CaseServiceSpec } from './workflow'

/** Still moving and the worker's to stop (the workflow's own rule): withdrawn when the account closes. */
const withdrawable = (r: CaseRecord) => step(r, 'withdraw', { id: r.ownerId, kind: 'owner' }).ok
/** Still moving and no longer the worker's to stop: it stops the closing until it ends. */
const blocks = (r: CaseRecord) => OPEN_CASE_STATUSES.includes(r.status) && !withdrawable(r)

async function casesOf(ctx: Ctx, service: CaseRecord['service'], ownerId: string): Promise<CaseRecord[]> {
  const { data } = await ctx.db.collection<CaseRecord>('cases').where({ ownerId, service }).orderBy('submittedAt', 'desc').limit(1000).get()
  return data
}

const when = (ms: number) => formatShanghai(ms, 'YYYY-MM-DD HH:mm')

/** A case as the worker's copy of their data holds it: its lines, its steps, and — whole — every sealed particular. */
function itemOf(ctx: Ctx, spec: CaseServiceSpec, record: CaseRecord, whole: boolean): DataItem {
  const view = caseView(ctx, spec, record)
  const rows = [
    { label: '状态', value: CASE_STATUS_NAMES[record.status] },
    ...view.rows.map((r) => ({ label: r.label, value: r.value })),
    ...(record.amountFen !== undefined ? [{ label: '批准金额', value: formatYuan(record.amountFen) }] : []),
    { label: '同意的说明', value: `版本 ${record.consent.version}，${when(record.consent.at)}` },
    ...record.timeline.map((e) => ({ label: `${when(e.at)} ${CASE_STATUS_NAMES[e.status]}`, value: e.note ?? '' })),
    { label: '上传的材料', value: `${record.attachments.length} 份` },
  ]
  if (whole && record.sealed) rows.push({ label: '全部个人信息', value: ctx.pii.decrypt(record.sealed) })
  return { title: record.title, at: record.submittedAt, rows }
}

/**
 * A case service's part in 我的数据. Closing withdraws what is still moving; a case approved but not
 * yet paid stops it (the money must reach the worker first). Every case then stays as a record of
 * service — the programme or category, the amounts, the dates and the payment reference — with the
 * person's particulars, notes and files erased and their id replaced by the alias.
 */
export function casePrivacyPart<S>(spec: CaseServiceSpec<S>): PersonalDataPart {
  const name = SERVICE_MANIFEST[spec.service].name
  return {
    async collect(ctx, userId, whole): Promise<DataSection[]> {
      const records = await casesOf(ctx, spec.service, userId)
      return records.length ? [{ key: spec.service, title: name, items: records.map((r) => itemOf(ctx, spec, r, whole)) }] : []
    },

    async plan(ctx, userId): Promise<ClosingPart> {
      const records = await casesOf(ctx, spec.service, userId)
      if (records.length === 0) return { erased: [], kept: [], withdrawn: [], blockers: [] }
      return {
        erased: [`${name}申请里的个人信息、家庭情况、银行卡、说明和上传的材料`],
        kept: [`${name}的办理记录（项目、金额、日期、付款凭证号），不含个人信息：工会的服务记录和历年统计需要`],
        withdrawn: records.filter(withdrawable).map((r) => `${name}：${r.title}`),
        blockers: records.filter(blocks).map((r) => ({
          title: `${name}：${r.title}`,
          why:
            r.status === 'approved'
              ? `已批准 ${formatYuan(r.amountFen ?? 0)}，还没有发放。请等发放后再注销，或联系工会。`
              : '正在为您办理，请等办结后再注销，或联系工会。',
        })),
      }
    },

    async consentsGiven(ctx, userId) {
      const policy = (SERVICE_MANIFEST[spec.service] as ServiceEntry).consent
      const given = latestConsent((await casesOf(ctx, spec.service, userId)).map((r) => r.consent))
      return policy && given ? { [policy]: given } : {}
    },

    async withdrawOpen(ctx, userId) {
      for (const record of await casesOf(ctx, spec.service, userId)) {
        if (withdrawable(record)) await takeStep(ctx, spec, record._id, 'withdraw')
      }
    },

    async close(ctx, userId, alias) {
      const now = ctx.now()
      // As staff (a volunteer, a lawyer) they handled others' cases: those stay, under the alias; one
      // they were still reviewing goes back to the queue for another volunteer to claim.
      const _ = ctx.db.command
      await ctx.db.collection<CaseRecord>('cases').where({ service: spec.service, assigneeId: userId, status: 'in_review' }).update({ data: { assigneeId: _.remove() } })
      await ctx.db.collection<CaseRecord>('cases').where({ service: spec.service, assigneeId: userId }).update({ data: { assigneeId: alias } })
      for (const record of await casesOf(ctx, spec.service, userId)) {
        if (blocks(record)) throw new Error('closing a case that must end first')
        const withdrawing = withdrawable(record)
        const steps: TimelineEntry[] = withdrawing ? [...record.timeline, { at: now, action: 'withdraw', status: 'withdrawn', by: 'owner' }] : record.timeline
        await ctx.db
          .collection<CaseRecord>('cases')
          .doc(record._id)
          .update({
            data: {
              ownerId: alias,
              closed: true,
              applicantMasked: CLOSED_NAME,
              status: withdrawing ? 'withdrawn' : record.status,
              openKey: `closed:${record._id}`,
              notifyByWeChat: false,
              // What was decided and paid stays; what the person wrote or sent does not.
              details: _.set(spec.keptOnClosing?.(record) ?? { kind: record.kind }),
              masked: _.set({}),
              attachments: _.set([]),
              timeline: _.set(steps.map(({ note: _note, ...step }) => step)),
              sealed: _.remove(),
              askedFor: _.remove(),
              rejectReason: _.remove(),
              updatedAt: now,
            },
          })
      }
    },
  }
}
