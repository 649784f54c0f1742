import { FIRST_VERSION } from '../../cloud/domain/policies/texts'
import type { Harness } from './harness'

export const DESK = 'dev-volunteer'
export const LAWYER = 'dev-lawyer'
export const WORKER = 'dev-worker'
/** The first demo mediation room (劳动争议调解室). */
export const ROOM = 'demo-station-00008'

/** DOMAIN.md §5's first case: a migrant worker's unpaid wages after the job ended (no means test). */
export const unpaidWages = (over: Record<string, unknown> = {}) => ({
  category: 'wage_arrears',
  story: '我在工地干了三个月，老板一直拖欠工资，一共欠了一万二千元，多次讨要都没有结果。',
  employer: '温州鹿城某建筑劳务有限公司',
  amountInDisputeFen: 1_200_000,
  stillEmployed: false,
  employmentEndedOn: '2026-10-31',
  contact: 'phone',
  preferredTimes: '工作日晚上',
  migrant: true,
  hometown: '贵州省毕节市',
  attachments: [],
  consentVersion: FIRST_VERSION,
  ...over,
})

/** A dismissal of a local worker: means-tested, with the household. */
export const dismissal = (over: Record<string, unknown> = {}) => ({
  ...unpaidWages(),
  category: 'contract',
  story: '公司说我旷工，直接把我辞退了，没有给任何补偿，我想知道怎么维权。',
  stillEmployed: false,
  employmentEndedOn: '2026-11-02',
  learnedOn: '2026-11-02',
  migrant: false,
  hometown: undefined,
  householdSize: 3,
  annualIncomeFen: 4_800_000,
  unavoidableSpendingFen: 1_200_000,
  contact: 'visit',
  ...over,
})

export async function askForHelp(h: Harness, openid = WORKER, over: Record<string, unknown> = {}): Promise<string> {
  return (await h.ok(openid, 'legal', 'ask', unpaidWages(over)))._id
}

export type Stage = 'acknowledged' | 'assigned' | 'granted' | 'closed'

/** Takes a case as far as `stage`, the desk (dev-volunteer) and the lawyer (dev-lawyer) acting. */
export async function walk(h: Harness, caseId: string, stage: Stage, lawyer = LAWYER) {
  await h.ok(DESK, 'legal', 'acknowledge', { caseId })
  if (stage === 'acknowledged') return
  await h.ok(DESK, 'legal', 'assign', { caseId, assigneeId: lawyer })
  if (stage === 'assigned') return
  await h.ok(DESK, 'legal', 'grant', { caseId })
  if (stage === 'granted') return
  await h.ok(lawyer, 'legal', 'close', { caseId, outcome: 'mediated', recoveredFen: 1_200_000, note: '调解成功，公司当场支付全部工资' })
}

/** The first free slot of the room, from `legal.rooms`. */
export async function firstSlot(h: Harness, openid = WORKER, room = ROOM) {
  const { rooms } = await h.ok(openid, 'legal', 'rooms', {})
  const found = rooms.find((r: { stationId: string }) => r.stationId === room)
  if (!found?.slots.length) throw new Error(`no free slot at ${room}`)
  return found.slots[0] as { date: string; start: string; end: string; startAt: number }
}
