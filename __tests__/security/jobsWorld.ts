import { DEMO_EMPLOYER_ID } from '../../cloud/local/seed/personas'
import type { Harness } from '../cloud/harness'
import { newEmployer, newFair, newJob, resume } from '../cloud/jobsFixtures'

/** The jobs part of the security world: what the catalogue's jobs payloads name. */
export interface JobsWorldIds {
  /** A published job of the demo employer (dev-hr's) both workers applied to. */
  job: string
  /** A published job nobody applied to. */
  freshJob: string
  /** A draft of the demo employer. */
  draftJob: string
  /** Each worker's application to `job`, not yet opened by HR. */
  application: Record<'worker' | 'otherWorker', string>
  /** Each worker's application to a second job, invited to an interview tomorrow. */
  interviewApplication: Record<'worker' | 'otherWorker', string>
  /** A fair nobody signed up for, and one both workers signed up for. */
  fair: string
  signedFair: string
  /** An employer waiting for verification. */
  pendingEmployer: string
  /** An open invitation's code (kept nowhere but here), and another open invitation. */
  invitationCode: string
  openInvitation: string
}

/** The résumé phones of the two workers: personal values the records must never hold. */
export const RESUME_PHONES = { worker: '13912345678', otherWorker: '13912340000' }

/** Builds it as `dev-hr`, `dev-admin` and the two workers would, through the actions. */
export async function buildJobsWorld(h: Harness, owners: Record<'worker' | 'otherWorker', string>, now: number): Promise<JobsWorldIds> {
  const hr = 'dev-hr'
  const admin = 'dev-admin'
  const publish = async (title: string) => {
    const { _id } = await h.ok(hr, 'jobs', 'saveJob', newJob({ title }))
    await h.ok(hr, 'jobs', 'publishJob', { jobId: _id })
    return _id as string
  }
  const job = await publish('安全测试岗位')
  const interviewJob = await publish('安全测试面试岗位')
  const freshJob = await publish('没人投递的岗位')
  const draftJob = (await h.ok(hr, 'jobs', 'saveJob', newJob({ title: '安全测试草稿' })))._id as string

  const application = {} as JobsWorldIds['application']
  const interviewApplication = {} as JobsWorldIds['interviewApplication']
  for (const owner of ['worker', 'otherWorker'] as const) {
    await h.ok(owners[owner], 'jobs', 'saveResume', resume({ phone: RESUME_PHONES[owner] }))
    application[owner] = (await h.ok(owners[owner], 'jobs', 'apply', { jobId: job }))._id
    interviewApplication[owner] = (await h.ok(owners[owner], 'jobs', 'apply', { jobId: interviewJob }))._id
    await h.ok(hr, 'jobs', 'invite', { applicationId: interviewApplication[owner], at: now + 24 * 60 * 60 * 1000, mode: 'onsite', place: '温州市鹿城区车站大道577号三楼' })
  }

  const fair = (await h.ok(admin, 'jobs', 'saveFair', newFair({ title: '安全测试招聘会' })))._id as string
  const signedFair = (await h.ok(admin, 'jobs', 'saveFair', newFair({ title: '已报名的招聘会' })))._id as string
  for (const owner of ['worker', 'otherWorker'] as const) await h.ok(owners[owner], 'jobs', 'signUpFair', { fairId: signedFair })

  const pendingEmployer = (await h.ok(admin, 'jobs', 'saveEmployer', newEmployer({ name: '待认证的测试企业' })))._id as string
  const invitationCode = (await h.ok(admin, 'jobs', 'createInvitation', { employerId: DEMO_EMPLOYER_ID })).code as string
  const openInvitation = (await h.ok(admin, 'jobs', 'createInvitation', { employerId: DEMO_EMPLOYER_ID }))._id as string
  return { job, freshJob, draftJob, application, interviewApplication, fair, signedFair, pendingEmployer, invitationCode, openInvitation }
}
