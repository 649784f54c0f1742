import { pageUrl, SERVICE_KEYS, SERVICE_MANIFEST, type ServiceEntry } from '@/types/services'

/** Every page of the mini-program, by what it is: the one route registry (ARCHITECTURE.md). */
export const TAB_PAGES = {
  home: 'pages/index/index',
  stations: 'pages/stations/index',
  inbox: 'pages/inbox/index',
  me: 'pages/me/index',
} as const

export const MAIN_PAGES = { ...TAB_PAGES, login: 'pages/login/index' } as const

/**
 * The packages that belong to no one service's workers: the profile, the volunteers' desk, the
 * HR console of 就业招聘 (its own subpackage, so a worker looking for a job never downloads it), and
 * the figures of all services.
 */
const SHARED_PACKAGES = {
  profile: {
    root: 'packages/profile',
    pages: { realName: 'realname/index', policy: 'policy/index', policies: 'policies/index', policyEdit: 'policyedit/index', myData: 'mydata/index', closings: 'closings/index' },
  },
  desk: { root: 'packages/desk', pages: { queue: 'queue/index', case: 'case/index' } },
  hr: { root: 'packages/hr', pages: { jobs: 'jobs/index', edit: 'edit/index', applicants: 'applicants/index', application: 'application/index' } },
  /** 数据看板: the union's figures, for its staff (with the chart package only this page needs). */
  figures: { root: 'packages/figures', pages: { dashboard: 'dashboard/index' } },
} as const

/** One subpackage per service of the manifest that has pages, and the shared ones. */
export const SUBPACKAGES: Record<string, { root: string; pages: Record<string, string> }> = {
  ...Object.fromEntries(
    SERVICE_KEYS.map((s) => SERVICE_MANIFEST[s] as ServiceEntry)
      .filter((entry) => Object.keys(entry.pages).length > 0)
      .map((entry) => [entry.root.replace('packages/', ''), { root: entry.root, pages: entry.pages }]),
  ),
  ...SHARED_PACKAGES,
}

const shared = <K extends keyof typeof SHARED_PACKAGES>(pkg: K, page: keyof (typeof SHARED_PACKAGES)[K]['pages'], query = '') =>
  `/${SHARED_PACKAGES[pkg].root}/${(SHARED_PACKAGES[pkg].pages as Record<string, string>)[page as string]}${query}`

export const routes = {
  home: `/${TAB_PAGES.home}`,
  stations: `/${TAB_PAGES.stations}`,
  inbox: `/${TAB_PAGES.inbox}`,
  me: `/${TAB_PAGES.me}`,
  login: `/${MAIN_PAGES.login}`,
  stationDetail: (id: string) => pageUrl('stations', 'detail', { id }),
  stationAdmin: pageUrl('stations', 'admin'),
  stationEdit: (id?: string) => pageUrl('stations', 'edit', id ? { id } : {}),
  realName: shared('profile', 'realName'),
  myData: shared('profile', 'myData'),
  closings: shared('profile', 'closings'),
  figures: shared('figures', 'dashboard'),
  /** A policy's text: the version in force, or the one named (what a consent was given to). */
  policy: (key: string, version?: string) =>
    shared('profile', 'policy', `?key=${encodeURIComponent(key)}${version ? `&version=${encodeURIComponent(version)}` : ''}`),
  /** 我的 → 隐私与协议: every policy, what the worker agreed to, and for admins the texts to edit. */
  policies: shared('profile', 'policies'),
  policyEdit: (key: string) => shared('profile', 'policyEdit', `?key=${encodeURIComponent(key)}`),
  aidSelfCheck: pageUrl('aid', 'selfCheck'),
  aidApply: (programme?: string) => pageUrl('aid', 'apply', programme ? { programme } : {}),
  aidProgrammes: pageUrl('aid', 'programmes'),
  aidCase: (caseId: string) => pageUrl('aid', 'case', { caseId }),
  medicalHome: pageUrl('medical', 'home'),
  medicalClaim: pageUrl('medical', 'claim'),
  medicalCase: (caseId: string) => pageUrl('medical', 'case', { caseId }),
  medicalAdmin: pageUrl('medical', 'admin'),
  deskQueue: (service?: string) => shared('desk', 'queue', service ? `?service=${encodeURIComponent(service)}` : ''),
  deskCase: (service: string, caseId: string) =>
    shared('desk', 'case', `?service=${encodeURIComponent(service)}&caseId=${encodeURIComponent(caseId)}`),
  childcareClasses: pageUrl('childcare', 'classes'),
  childcareSignUp: (classId: string) => pageUrl('childcare', 'signUp', { classId }),
  childcareMine: pageUrl('childcare', 'mine'),
  childcareRoster: (classId: string) => pageUrl('childcare', 'roster', { classId }),
  childcareAdmin: pageUrl('childcare', 'admin'),
  childcareEdit: (classId?: string) => pageUrl('childcare', 'edit', classId ? { classId } : {}),
  jobsSearch: pageUrl('jobs', 'search'),
  job: (id: string) => pageUrl('jobs', 'job', { id }),
  jobsResume: pageUrl('jobs', 'resume'),
  jobsMine: pageUrl('jobs', 'mine'),
  jobsApplication: (id: string) => pageUrl('jobs', 'application', { id }),
  jobsFairs: pageUrl('jobs', 'fairs'),
  jobsFair: (id: string) => pageUrl('jobs', 'fair', { id }),
  jobsJoin: pageUrl('jobs', 'join'),
  jobsAdmin: pageUrl('jobs', 'admin'),
  jobsEmployer: (id?: string) => pageUrl('jobs', 'employer', id ? { id } : {}),
  jobsFairEdit: (id?: string) => pageUrl('jobs', 'fairEdit', id ? { id } : {}),
  hrJobs: shared('hr', 'jobs'),
  hrEdit: (id?: string) => shared('hr', 'edit', id ? `?id=${encodeURIComponent(id)}` : ''),
  hrApplicants: (jobId: string) => shared('hr', 'applicants', `?jobId=${encodeURIComponent(jobId)}`),
  hrApplication: (id: string) => shared('hr', 'application', `?id=${encodeURIComponent(id)}`),
}
