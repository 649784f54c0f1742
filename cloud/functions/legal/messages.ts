import type { LegalContract, ThreadPage } from '../../../types/legal'
import { loadCase } from '../../core/cases/workflow'
import type { CaseRecord } from '../../core/cases/record'
import type { Ctx } from '../../core/context'
import { failedPrecondition, forbidden, invalid, notFound } from '../../core/errors'
import { attachFiles, type FileRecord } from '../../core/files'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { COLLECTIONS, type MessageRecord, type ThreadRecord } from './records'
import { legalCaseSpec, mustBeOnCase, workLink } from './spec'

const PAGE = 30
/** A thread this long is better continued by phone or in the room; it also bounds what one case holds. */
export const MAX_MESSAGES_PER_CASE = 500

const OPEN = ['acknowledged', 'granted']

/**
 * One page of a case's messages, newest first, for the worker or the assignee; reading them marks
 * the caller's side read. Someone else is refused, whoever they are.
 */
export async function readThread(ctx: Ctx, caseId: string, cursor: string | undefined, side: 'owner' | 'assignee'): Promise<{ page: ThreadPage; record: CaseRecord }> {
  const record = await loadCase(ctx, 'legal', caseId)
  const caller = record.ownerId === ctx.user._id ? 'owner' : record.assigneeId === ctx.user._id ? 'assignee' : null
  if (caller !== side) throw forbidden(side === 'owner' ? '只能查看自己的申请' : '只有负责这件事的律师可以查看留言')
  const offset = decodeCursor(cursor)
  const { data } = await ctx.db
    .collection<MessageRecord>(COLLECTIONS.messages)
    .where({ caseId })
    .orderBy('at', 'desc')
    .skip(offset)
    .limit(PAGE + 1)
    .get()
  if (offset === 0) {
    // What this side has not read is now read; the other side's count is left alone.
    await ctx.db.collection<ThreadRecord>(COLLECTIONS.threads).where({ _id: caseId }).update({ data: { [side === 'owner' ? 'ownerUnread' : 'assigneeUnread']: 0 } })
  }
  return {
    record,
    page: {
      items: data.slice(0, PAGE).map((m) => ({
        _id: m._id,
        from: m.from,
        mine: m.authorId === ctx.user._id,
        text: ctx.pii.decrypt(m.text),
        files: m.files,
        at: m.at,
      })),
      nextCursor: data.length > PAGE ? encodeCursor(offset + PAGE) : undefined,
    },
  }
}

/** The files of a message: the sender's own uploads for legal help, not attached to anything yet. */
async function checkFiles(ctx: Ctx, fileIds: readonly string[]): Promise<string[]> {
  if (new Set(fileIds).size !== fileIds.length) throw invalid({ files: '同一个文件上传了两次' })
  for (const [i, fileId] of fileIds.entries()) {
    const { data: file } = await ctx.db.collection<FileRecord>('files').doc(fileId).get()
    if (!file || file.ownerId !== ctx.user._id || file.service !== 'legal' || file.attachedTo) {
      throw invalid({ [`files.${i}`]: '文件不存在或不是您为法律援助上传的，请重新上传' })
    }
  }
  return [...fileIds]
}

/**
 * A message on a case from the worker or the lawyer assigned, in one transaction with the thread's
 * unread count and the other side's inbox message (a WeChat message too, to a worker who agreed).
 * The inbox says a message came, never what it says.
 */
export async function sendMessage(ctx: Ctx, input: LegalContract['send']['input']): Promise<{ _id: string; at: number }> {
  const text = input.text ?? ''
  const fileIds = input.files ?? []
  if (text.length === 0 && fileIds.length === 0) throw invalid({ text: '请写下留言或选择文件' })
  const files = await checkFiles(ctx, fileIds)
  const now = ctx.now()
  const sealed = ctx.pii.encrypt(text)

  return ctx.transaction(async (t) => {
    const { data: record } = await t.tx.collection<CaseRecord>('cases').doc(input.caseId).get()
    if (!record || record.service !== 'legal') throw notFound('没有找到这份申请')
    const from = mustBeOnCase(ctx, record)
    if (!record.assigneeId) throw failedPrecondition('还没有指派律师，指派后就可以留言了')
    if (!OPEN.includes(record.status)) throw failedPrecondition('这件事已经结束，不能再留言')
    const threads = t.tx.collection<Omit<ThreadRecord, '_id'>>(COLLECTIONS.threads)
    const { data: thread } = await threads.doc(record._id).get()
    if ((thread?.count ?? 0) >= MAX_MESSAGES_PER_CASE) throw failedPrecondition('这件事的留言已经很多了，请电话联系或到调解室面谈')
    const message: Omit<MessageRecord, '_id'> = { caseId: record._id, from, authorId: ctx.user._id, text: sealed, files, at: now }
    const { _id } = await t.tx.collection<MessageRecord>(COLLECTIONS.messages).add({ data: message })
    const unread = from === 'owner' ? 'assigneeUnread' : 'ownerUnread'
    const next: ThreadRecord = thread
      ? { ...thread, [unread]: thread[unread] + 1, count: thread.count + 1, lastAt: now }
      : { _id: record._id, caseId: record._id, ownerUnread: 0, assigneeUnread: 0, count: 1, lastAt: now, [unread]: 1 }
    await threads.doc(record._id).set({ data: { caseId: next.caseId, ownerUnread: next.ownerUnread, assigneeUnread: next.assigneeUnread, count: next.count, lastAt: next.lastAt } })
    if (files.length) await attachFiles(t.tx, files, { collection: 'cases', id: record._id })
    if (from === 'owner') {
      await t.notify(record.assigneeId, { title: `${record.title}：申请人留言`, body: '申请人给您留言了，请打开案件查看。', link: workLink(record._id) })
    } else {
      await t.notify(
        record.ownerId,
        { title: `${record.title}：律师留言`, body: '负责您案件的律师给您留言了，请打开查看。', link: legalCaseSpec.caseLink(record._id) },
        { viaWeChat: record.notifyByWeChat },
      )
    }
    return { _id, at: now }
  })
}
