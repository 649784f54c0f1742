import {
  ApplicantsInput,
  ApplicationIdInput,
  JobApplyInput,
  DeclineInput,
  EmployerIdInput,
  EmployersInput,
  FairIdInput,
  FairsInput,
  FairUpsertInput,
  HireInput,
  HrJobsInput,
  InvitationIdInput,
  InviteInput,
  JobIdInput,
  JobSearchInput,
  JobUpsertInput,
  JoinEmployerInput,
  MyApplicationsInput,
  ResumeInput,
  SetEmployerStatusInput,
} from '../../../types/jobs'
import type { JobsContract } from '../../../types/jobsViews'
import { Empty } from '../../../types/users'
import { EmployerUpsertInput } from '../../domain/jobs/employer'
import { defineFunction } from '../../core/defineFunction'
import { rebuildRequestsAction } from '../../core/requests/rebuild'
import { apply, confirmInterview, myApplication, myApplications, myResume, saveResume, withdrawApplication } from './applications'
import { createInvitation, employerDetail, joinEmployer, listEmployers, revokeInvitation, saveEmployer, setEmployerStatus } from './employers'
import { allFairs, cancelFairSignUp, fairDetail, saveFair, signUpFair, upcomingFairs } from './fairs'
import { applicants, decline, hire, hrApplication, invite } from './hrApplications'
import { closeJob, hrJob, hrJobs, publishJob, saveJob } from './hrJobs'
import { rebuildJobsRequests } from './requests'
import { jobDetail, searchJobs } from './search'

const WORKER = ['worker'] as const
/** The HR contact of an employer, acting for that employer only (each action checks whose record it is). */
const HR = ['hr'] as const
const ADMIN = ['admin'] as const

export const jobsFunction = defineFunction<JobsContract>('jobs', {
  // Workers: find, apply, follow; fairs.
  search: { roles: WORKER, input: JobSearchInput, access: 'read', audited: false, run: searchJobs },
  job: { roles: WORKER, input: JobIdInput, access: 'read', audited: false, run: (ctx, input) => jobDetail(ctx, input.jobId) },
  // A read: the answer holds the worker's own phone in full.
  myResume: { roles: WORKER, input: Empty, access: 'read', audited: false, run: (ctx) => myResume(ctx) },
  saveResume: { roles: WORKER, input: ResumeInput, access: 'write', remember: true, collectsNew: true, audited: false, run: saveResume },
  apply: { roles: WORKER, input: JobApplyInput, access: 'write', remember: true, collectsNew: true, audited: false, run: apply },
  myApplications: { roles: WORKER, input: MyApplicationsInput, access: 'read', audited: false, run: myApplications },
  myApplication: { roles: WORKER, input: ApplicationIdInput, access: 'read', audited: false, run: (ctx, input) => myApplication(ctx, input.applicationId) },
  withdrawApplication: {
    roles: WORKER,
    input: ApplicationIdInput,
    access: 'write',
    remember: true,
    audited: false,
    run: (ctx, input) => withdrawApplication(ctx, input.applicationId),
  },
  confirmInterview: {
    roles: WORKER,
    input: ApplicationIdInput,
    access: 'write',
    remember: true,
    audited: false,
    run: (ctx, input) => confirmInterview(ctx, input.applicationId),
  },
  fairs: { roles: WORKER, input: FairsInput, access: 'read', audited: false, run: upcomingFairs },
  fair: { roles: WORKER, input: FairIdInput, access: 'read', audited: false, run: (ctx, input) => fairDetail(ctx, input.fairId) },
  signUpFair: { roles: WORKER, input: FairIdInput, access: 'write', remember: true, collectsNew: true, audited: false, run: (ctx, input) => signUpFair(ctx, input.fairId) },
  cancelFairSignUp: {
    roles: WORKER,
    input: FairIdInput,
    access: 'write',
    remember: true,
    audited: false,
    run: (ctx, input) => cancelFairSignUp(ctx, input.fairId),
  },
  // A worker becomes an employer's HR contact: a change of role, recorded.
  joinEmployer: { roles: WORKER, input: JoinEmployerInput, access: 'write', remember: true, collectsNew: true, audited: true, run: (ctx, input) => joinEmployer(ctx, input.code) },

  // The HR console.
  hrJobs: { roles: HR, input: HrJobsInput, access: 'read', audited: false, run: hrJobs },
  hrJob: { roles: HR, input: JobIdInput, access: 'read', audited: false, run: (ctx, input) => hrJob(ctx, input.jobId) },
  saveJob: { roles: HR, input: JobUpsertInput, access: 'write', remember: true, audited: true, run: saveJob },
  publishJob: { roles: HR, input: JobIdInput, access: 'write', remember: true, audited: true, run: (ctx, input) => publishJob(ctx, input.jobId) },
  closeJob: { roles: HR, input: JobIdInput, access: 'write', remember: true, audited: true, run: (ctx, input) => closeJob(ctx, input.jobId) },
  // Names and phones masked: a list, not a look at anyone's data.
  applicants: { roles: HR, input: ApplicantsInput, access: 'read', audited: false, run: applicants },
  // Opening a résumé is recorded, and the first opening marks it viewed; the answer may hold the phone.
  hrApplication: {
    roles: HR,
    input: ApplicationIdInput,
    access: 'write',
    remember: false,
    audited: true,
    run: (ctx, input) => hrApplication(ctx, input.applicationId),
  },
  invite: { roles: HR, input: InviteInput, access: 'write', remember: true, audited: true, run: invite },
  hire: { roles: HR, input: HireInput, access: 'write', remember: true, audited: true, run: hire },
  decline: { roles: HR, input: DeclineInput, access: 'write', remember: true, audited: true, run: decline },

  // Admins: employers, HR invitations, fairs.
  employers: { roles: ADMIN, input: EmployersInput, access: 'read', audited: false, run: listEmployers },
  employer: { roles: ADMIN, input: EmployerIdInput, access: 'read', audited: false, run: (ctx, input) => employerDetail(ctx, input.employerId) },
  saveEmployer: { roles: ADMIN, input: EmployerUpsertInput, access: 'write', remember: true, audited: true, run: saveEmployer },
  setEmployerStatus: { roles: ADMIN, input: SetEmployerStatusInput, access: 'write', remember: true, audited: true, run: setEmployerStatus },
  // Not remembered: the answer is the code itself, which is stored only as a keyed hash.
  createInvitation: {
    roles: ADMIN,
    input: EmployerIdInput,
    access: 'write',
    remember: false,
    audited: true,
    run: (ctx, input) => createInvitation(ctx, input.employerId),
  },
  revokeInvitation: {
    roles: ADMIN,
    input: InvitationIdInput,
    access: 'write',
    remember: true,
    audited: true,
    run: (ctx, input) => revokeInvitation(ctx, input.invitationId),
  },
  allFairs: { roles: ADMIN, input: FairsInput, access: 'read', audited: false, run: allFairs },
  saveFair: { roles: ADMIN, input: FairUpsertInput, access: 'write', remember: true, audited: true, run: saveFair },

  rebuildRequests: rebuildRequestsAction('应聘和招聘会报名', rebuildJobsRequests),
})
