import { DEMO_EMPLOYER_ID } from '../../cloud/local/seed/personas'
import { MONDAY_10AM, type Harness } from './harness'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000

export { DEMO_EMPLOYER_ID }
export const HR = 'dev-hr'
export const ADMIN = 'dev-admin'
export const WORKER = 'dev-worker'
/** 张建国's mobile, as the demo data real-names him. */
export const WORKER_RESUME_PHONE = '13912345678'

/** A place in Lucheng and its neighbours, by name. */
export const PLACES = {
  centre: { lat: 28.0156, lng: 120.6554 },
  wuma: { lat: 28.0201, lng: 120.6552 },
  /** About 12 km west of the centre. */
  tengqiao: { lat: 28.0652, lng: 120.5401 },
}

export const newEmployer = (over: Record<string, unknown> = {}) => ({
  name: '温州鹿城测试制衣有限公司',
  // The GB 32100 example: a valid code.
  creditCode: '91350100M000100Y43',
  industry: 'C',
  address: '温州市鹿城区双屿街道工业区8号',
  lat: 28.0021,
  lng: 120.6012,
  contactName: '吴经理',
  contactPhone: '0577-88990011',
  ...over,
})

export const newJob = (over: Record<string, unknown> = {}) => ({
  title: '缝纫工',
  headcount: 6,
  salaryMinFen: 600_000,
  salaryMaxFen: 900_000,
  requirements: '熟练使用平车，有两年以上服装厂经验；计件工资。',
  benefits: ['room_board', 'insurance'],
  closingDate: '2026-12-31',
  ...over,
})

export const resume = (over: Record<string, unknown> = {}) => ({
  phone: WORKER_RESUME_PHONE,
  experience: '2019年至今在鹿城区顺丰网点做快递员。',
  skills: '会骑电动车，熟悉鹿城道路',
  certificates: '机动车驾驶证C1',
  expectedSalaryFen: 700_000,
  availability: 'week',
  ...over,
})

/** A fair a week ahead, 9:00–12:00, on site with a venue of `capacity` places. */
export const newFair = (over: Record<string, unknown> = {}) => ({
  title: '春风行动·测试专场',
  kind: 'onsite',
  startsAt: MONDAY_10AM + 7 * DAY - HOUR,
  endsAt: MONDAY_10AM + 7 * DAY + 2 * HOUR,
  organiser: '鹿城区总工会',
  description: '现场招聘，带好身份证。',
  venue: '鹿城区职工服务中心',
  address: '温州市鹿城区人民东路88号',
  lat: 28.0172,
  lng: 120.6631,
  capacity: 300,
  employerIds: [DEMO_EMPLOYER_ID],
  ...over,
})

/** A user who is the HR contact of `employerId`, straight into the database. */
export async function addHr(h: Harness, openid: string, employerId: string) {
  await h.db.collection('users').add({ data: { _id: openid, roles: ['worker', 'hr'], services: [], employerId, consents: {}, createdAt: 0, updatedAt: 0 } })
}

/** A job of the HR contact's employer, saved and published; answers its id. */
export async function publishedJob(h: Harness, over: Record<string, unknown> = {}, hr = HR): Promise<string> {
  const job = await h.ok(hr, 'jobs', 'saveJob', newJob(over))
  await h.ok(hr, 'jobs', 'publishJob', { jobId: job._id })
  return job._id
}

/** The worker's résumé saved and an application to `jobId`; answers the application's id. */
export async function applyTo(h: Harness, jobId: string, worker = WORKER, over: Record<string, unknown> = {}): Promise<string> {
  await h.ok(worker, 'jobs', 'saveResume', resume(over))
  return (await h.ok(worker, 'jobs', 'apply', { jobId }))._id
}

/** An employer made and verified by the admin; answers its id. */
export async function verifiedEmployer(h: Harness, over: Record<string, unknown> = {}): Promise<string> {
  const employer = await h.ok(ADMIN, 'jobs', 'saveEmployer', newEmployer(over))
  await h.ok(ADMIN, 'jobs', 'setEmployerStatus', { employerId: employer._id, status: 'verified' })
  return employer._id
}
