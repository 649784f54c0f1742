import type { FigureDef, Source } from './definition'
import type { ServiceFigures } from './layout'

const FAIRS: Source = { collection: 'fairs', where: [{ field: 'status', is: 'open' }], time: { field: 'startsAt', kind: 'ms' } }
const JOBS: Source = { collection: 'jobs', where: [], time: { field: 'publishedAt', kind: 'ms' } }
const APPLICATIONS: Source = { collection: 'job_applications', where: [], time: { field: 'createdAt', kind: 'ms' } }

export const JOBS_FAIRS: FigureDef = {
  key: 'jobs.fairs',
  title: '招聘会',
  unit: '场',
  definition: '本期举办（开始时间在本期内、没有取消）的春风行动招聘会，现场、网络和直播都算。',
  source: FAIRS,
  measure: { kind: 'count' },
  people: null,
}

export const JOBS_FAIR_SIGN_UPS: FigureDef = {
  key: 'jobs.fairSignUps',
  title: '招聘会报名',
  unit: '人次',
  definition: '本期举办的招聘会的报名人次（取消报名的不计）。',
  source: FAIRS,
  measure: { kind: 'sum', field: 'signedUp' },
  people: 'value',
}

export const JOBS_PUBLISHED: FigureDef = {
  key: 'jobs.published',
  title: '发布岗位',
  unit: '个',
  definition: '本期认证企业发布的招聘岗位。',
  source: JOBS,
  measure: { kind: 'count' },
  people: null,
}

export const JOBS_HEADCOUNT: FigureDef = {
  key: 'jobs.headcount',
  title: '招聘人数',
  unit: '人',
  definition: '本期发布的岗位计划招聘的人数之和。',
  source: JOBS,
  measure: { kind: 'sum', field: 'headcount' },
  people: null,
}

export const JOBS_APPLICATIONS: FigureDef = {
  key: 'jobs.applications',
  title: '投递简历',
  unit: '人次',
  definition: '本期职工投递简历的人次（一人投一个岗位计一次，含后来撤回的）。',
  source: APPLICATIONS,
  measure: { kind: 'count' },
  people: 'value',
}

export const JOBS_APPLICANTS: FigureDef = {
  key: 'jobs.applicants',
  title: '求职人数',
  unit: '人',
  definition: '本期投递过简历的职工人数，一人投多个岗位只计一次。',
  source: APPLICATIONS,
  measure: { kind: 'distinct', field: 'workerId' },
  people: 'value',
}

export const JOBS_INTERVIEWS: FigureDef = {
  key: 'jobs.interviews',
  title: '面试邀请',
  unit: '人次',
  definition: '本期投递的简历中，企业发出面试邀请的。',
  source: APPLICATIONS,
  measure: { kind: 'count', when: [{ field: 'interview', present: true }] },
  people: 'value',
}

export const JOBS_HIRES: FigureDef = {
  key: 'jobs.hires',
  title: '录用',
  unit: '人次',
  definition: '本期投递的简历中，企业已经录用的。',
  source: APPLICATIONS,
  measure: { kind: 'count', when: [{ field: 'status', is: 'hired' }] },
  people: 'value',
}

export const JOBS_FIGURES: ServiceFigures = {
  service: 'jobs',
  figures: [JOBS_FAIRS, JOBS_FAIR_SIGN_UPS, JOBS_PUBLISHED, JOBS_HEADCOUNT, JOBS_APPLICATIONS, JOBS_APPLICANTS, JOBS_INTERVIEWS, JOBS_HIRES],
  charts: [{ key: 'jobs.applicationsByMonth', title: '每月投递简历', kind: 'bar', figure: JOBS_APPLICATIONS.key }],
}
