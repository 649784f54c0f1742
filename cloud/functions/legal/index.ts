import { CaseIdInput, CaseRevealInput } from '../../../types/cases'
import {
  AskInput,
  AssignedInput,
  AssignInput,
  BookInput,
  CalendarYearInput,
  CloseInput,
  ClosedDatesInput,
  DeclineAidInput,
  DeskCancelInput,
  GrantInput,
  LegalQueueInput,
  PromiseInput,
  RateInput,
  RoomTemplateInput,
  SendInput,
  ThreadInput,
  type LegalContract,
} from '../../../types/legal'
import type { RoleRequirement } from '../../../types/roles'
import { Empty } from '../../../types/users'
import { rebuildCaseRequests } from '../../core/cases/requestRow'
import { myCasesAction, withdrawAction } from '../../core/cases/actions'
import { caseSummary, unseal } from '../../core/cases/views'
import { loadCase, loadOwnCase, takeStep } from '../../core/cases/workflow'
import type { Ctx } from '../../core/context'
import { defineFunction } from '../../core/defineFunction'
import { forbidden, invalid } from '../../core/errors'
import { rebuildRequestsAction } from '../../core/requests/rebuild'
import { assignables, setCalendarYear, setClosedDates, setPromise, setRoomTemplate, settings } from './admin'
import { lowIncomeLine, promiseConfig } from './config'
import { ask } from './intake'
import { readThread, sendMessage } from './messages'
import { legalQueue, assignedCases } from './queue'
import { detailsOf, type LegalSealed } from './records'
import { book, cancelAppointment, roomsWithSlots } from './rooms'
import { legalCaseSpec, sideOf } from './spec'
import { legalSummary, staffView, workerView } from './views'

const DESK: RoleRequirement[] = ['volunteer:legal', 'admin']
/** Whom a case may be assigned to, and the desk: what the lawyer's side of an action first asks. */
const LAWYER_OR_DESK: RoleRequirement[] = ['lawyer', 'volunteer:legal', 'admin']
const ASSIGNEE: RoleRequirement[] = ['lawyer', 'volunteer:legal']

/** A desk step: audited in its own transaction; a repeat of its requestId gets the same summary. */
const deskStep = { roles: DESK, access: 'write', remember: true, audited: true } as const

/** The desk or the person assigned; anyone else is refused before a word of the case is read. */
async function loadWorkedCase(ctx: Ctx, caseId: string) {
  const record = await loadCase(ctx, 'legal', caseId)
  const side = sideOf(ctx, record)
  if (!side) throw forbidden('只能查看指派给您的案件')
  return { record, side }
}

export const legalFunction = defineFunction<LegalContract>('legal', {
  intake: {
    roles: ['worker'],
    input: Empty,
    access: 'read',
    audited: false,
    run: async (ctx) => ({ lowIncomeLineFen: await lowIncomeLine(ctx), promise: await promiseConfig(ctx) }),
  },

  ask: { roles: ['worker'], input: AskInput, access: 'write', remember: true, collectsNew: true, audited: false, run: (ctx, input) => ask(ctx, input) },

  mine: myCasesAction('legal'),

  case: {
    roles: ['worker'],
    input: CaseIdInput,
    access: 'read',
    audited: false,
    run: async (ctx, input) => workerView(ctx, await loadOwnCase(ctx, 'legal', input.caseId)),
  },

  withdraw: withdrawAction(legalCaseSpec),

  rate: {
    roles: ['worker'],
    input: RateInput,
    access: 'write',
    remember: true,
    audited: false,
    run: async (ctx, input) => caseSummary(await takeStep(ctx, legalCaseSpec, input.caseId, 'rate', { stars: input.stars, note: input.comment || undefined })),
  },

  // Reading the messages marks them read: a write, whose answer (the messages) is never remembered.
  thread: {
    roles: ['worker'],
    input: ThreadInput,
    access: 'write',
    remember: false,
    audited: false,
    run: async (ctx, input) => (await readThread(ctx, input.caseId, input.cursor, 'owner')).page,
  },

  caseThread: {
    roles: ASSIGNEE,
    input: ThreadInput,
    access: 'write',
    remember: false,
    // The worker's words: the lawyer's reading them is recorded, as any look at a case.
    audited: true,
    async run(ctx, input) {
      const { page, record } = await readThread(ctx, input.caseId, input.cursor, 'assignee')
      await ctx.audit({ target: record._id, subjects: [record.ownerId], summary: '查看案件留言' })
      return page
    },
  },

  send: { roles: ['worker'], input: SendInput, access: 'write', remember: true, audited: false, run: (ctx, input) => sendMessage(ctx, input) },

  rooms: { roles: ['worker'], input: Empty, access: 'read', audited: false, run: (ctx) => roomsWithSlots(ctx) },

  // The worker's or the lawyer's; a step the lawyer takes is in the audit too (every step taken for the union is).
  book: { roles: ['worker'], input: BookInput, access: 'write', remember: true, audited: false, run: (ctx, input) => book(ctx, input) },

  cancelBooking: {
    roles: ['worker'],
    input: CaseIdInput,
    access: 'write',
    remember: true,
    audited: false,
    run: async (ctx, input) => caseSummary(await cancelAppointment(ctx, input.caseId, null)),
  },

  queue: { roles: DESK, input: LegalQueueInput, access: 'read', audited: false, run: (ctx, input) => legalQueue(ctx, input) },

  assigned: { roles: LAWYER_OR_DESK, input: AssignedInput, access: 'read', audited: false, run: (ctx, input) => assignedCases(ctx, input) },

  staffCase: {
    roles: LAWYER_OR_DESK,
    input: CaseIdInput,
    access: 'read',
    // What happened to the worker, their employer, their household: reading it is recorded.
    audited: true,
    async run(ctx, input) {
      const { record, side } = await loadWorkedCase(ctx, input.caseId)
      await ctx.audit({ target: record._id, subjects: [record.ownerId], summary: side === 'desk' ? '查看法律援助案件' : '律师查看案件' })
      return staffView(ctx, record, side)
    },
  },

  lawyers: { roles: DESK, input: Empty, access: 'read', audited: false, run: (ctx) => assignables(ctx) },

  acknowledge: { ...deskStep, input: CaseIdInput, run: async (ctx, input) => legalSummary(ctx, await takeStep(ctx, legalCaseSpec, input.caseId, 'acknowledge', {}, ['staff'])) },
  assign: {
    ...deskStep,
    input: AssignInput,
    run: async (ctx, input) => legalSummary(ctx, await takeStep(ctx, legalCaseSpec, input.caseId, 'assign', { assigneeId: input.assigneeId }, ['staff'])),
  },
  grant: { ...deskStep, input: GrantInput, run: async (ctx, input) => legalSummary(ctx, await takeStep(ctx, legalCaseSpec, input.caseId, 'grant', { note: input.note || undefined }, ['staff'])) },
  decline: {
    ...deskStep,
    input: DeclineAidInput,
    run: async (ctx, input) => legalSummary(ctx, await takeStep(ctx, legalCaseSpec, input.caseId, 'decline', { note: input.note, referral: input.referral }, ['staff'])),
  },

  // The lawyer assigned or the desk.
  close: {
    roles: LAWYER_OR_DESK,
    input: CloseInput,
    access: 'write',
    remember: true,
    audited: true,
    async run(ctx, input) {
      const record = await takeStep(ctx, legalCaseSpec, input.caseId, 'close', { outcome: input.outcome, amountFen: input.recoveredFen, note: input.note })
      return legalSummary(ctx, record)
    },
  },

  deskCancelBooking: { ...deskStep, input: DeskCancelInput, run: async (ctx, input) => legalSummary(ctx, await cancelAppointment(ctx, input.caseId, { note: input.note })) },

  reveal: {
    roles: LAWYER_OR_DESK,
    input: CaseRevealInput,
    // A read: the answer is personal data in the clear, so its requestId is never remembered.
    access: 'read',
    audited: true,
    async run(ctx, input) {
      const { record, side } = await loadWorkedCase(ctx, input.caseId)
      const field = Object.hasOwn(legalCaseSpec.revealable, input.field) ? legalCaseSpec.revealable[input.field] : undefined
      if (!field) throw invalid({ field: '这项信息不能查看' })
      // The lawyer sees the worker's phone only when the worker asked to be called.
      if (side === 'lawyer' && !(input.field === 'mobile' && detailsOf(record).contact === 'phone')) {
        throw forbidden(input.field === 'mobile' ? '申请人没有选择电话联系，请通过案件留言联系' : '律师不能查看这项信息')
      }
      await ctx.audit({ target: record._id, subjects: [record.ownerId], summary: `${side === 'lawyer' ? '律师' : ''}查看${field.label}`, fields: [input.field] })
      return { field: input.field, value: field.value(record, unseal<LegalSealed>(ctx, record)) }
    },
  },

  settings: { roles: ['admin'], input: Empty, access: 'read', audited: false, run: (ctx) => settings(ctx) },
  setPromise: { roles: ['admin'], input: PromiseInput, access: 'write', remember: true, audited: true, run: (ctx, input) => setPromise(ctx, input) },
  setCalendarYear: { roles: ['admin'], input: CalendarYearInput, access: 'write', remember: true, audited: true, run: (ctx, input) => setCalendarYear(ctx, input) },
  setRoomTemplate: { roles: ['admin'], input: RoomTemplateInput, access: 'write', remember: true, audited: true, run: (ctx, input) => setRoomTemplate(ctx, input) },
  setClosedDates: { roles: ['admin'], input: ClosedDatesInput, access: 'write', remember: true, audited: true, run: (ctx, input) => setClosedDates(ctx, input) },

  rebuildRequests: rebuildRequestsAction('法律援助申请', (db) => rebuildCaseRequests(db, 'legal', legalCaseSpec.caseLink)),
})
