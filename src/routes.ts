/** Every page of the mini-program, by what it is: the one route registry (ARCHITECTURE.md). */
export const TAB_PAGES = {
  home: 'pages/index/index',
  stations: 'pages/stations/index',
  inbox: 'pages/inbox/index',
  me: 'pages/me/index',
} as const

export const MAIN_PAGES = { ...TAB_PAGES, login: 'pages/login/index' } as const

/** One subpackage per service or desk; each keeps its pages out of the main package. */
export const SUBPACKAGES = {
  stations: { root: 'packages/stations', pages: { detail: 'detail/index', admin: 'admin/index', edit: 'edit/index' } },
  profile: { root: 'packages/profile', pages: { realName: 'realname/index' } },
  aid: { root: 'packages/aid', pages: { selfCheck: 'selfcheck/index', apply: 'apply/index', case: 'case/index', programmes: 'programmes/index' } },
  medical: { root: 'packages/medical', pages: { home: 'home/index', claim: 'claim/index', case: 'case/index', admin: 'admin/index' } },
  desk: { root: 'packages/desk', pages: { queue: 'queue/index', case: 'case/index' } },
  childcare: {
    root: 'packages/childcare',
    pages: {
      classes: 'classes/index',
      signUp: 'signup/index',
      mine: 'mine/index',
      roster: 'roster/index',
      admin: 'admin/index',
      edit: 'edit/index',
    },
  },
} as const

type Sub = typeof SUBPACKAGES
const sub = <K extends keyof Sub>(pkg: K, page: keyof Sub[K]['pages']) =>
  `/${SUBPACKAGES[pkg].root}/${(SUBPACKAGES[pkg].pages as Record<string, string>)[page as string]}`

export const routes = {
  home: `/${TAB_PAGES.home}`,
  stations: `/${TAB_PAGES.stations}`,
  inbox: `/${TAB_PAGES.inbox}`,
  me: `/${TAB_PAGES.me}`,
  login: `/${MAIN_PAGES.login}`,
  stationDetail: (id: string) => `${sub('stations', 'detail')}?id=${encodeURIComponent(id)}`,
  stationAdmin: sub('stations', 'admin'),
  stationEdit: (id?: string) => (id ? `${sub('stations', 'edit')}?id=${encodeURIComponent(id)}` : sub('stations', 'edit')),
  realName: sub('profile', 'realName'),
  aidSelfCheck: sub('aid', 'selfCheck'),
  aidApply: (programme?: string) => (programme ? `${sub('aid', 'apply')}?programme=${encodeURIComponent(programme)}` : sub('aid', 'apply')),
  aidProgrammes: sub('aid', 'programmes'),
  aidCase: (caseId: string) => `${sub('aid', 'case')}?caseId=${encodeURIComponent(caseId)}`,
  medicalHome: sub('medical', 'home'),
  medicalClaim: sub('medical', 'claim'),
  medicalCase: (caseId: string) => `${sub('medical', 'case')}?caseId=${encodeURIComponent(caseId)}`,
  medicalAdmin: sub('medical', 'admin'),
  deskQueue: (service?: string) => (service ? `${sub('desk', 'queue')}?service=${encodeURIComponent(service)}` : sub('desk', 'queue')),
  deskCase: (service: string, caseId: string) =>
    `${sub('desk', 'case')}?service=${encodeURIComponent(service)}&caseId=${encodeURIComponent(caseId)}`,
  childcareClasses: sub('childcare', 'classes'),
  childcareSignUp: (classId: string) => `${sub('childcare', 'signUp')}?classId=${encodeURIComponent(classId)}`,
  childcareMine: sub('childcare', 'mine'),
  childcareRoster: (classId: string) => `${sub('childcare', 'roster')}?classId=${encodeURIComponent(classId)}`,
  childcareAdmin: sub('childcare', 'admin'),
  childcareEdit: (classId?: string) =>
    classId ? `${sub('childcare', 'edit')}?classId=${encodeURIComponent(classId)}` : sub('childcare', 'edit'),
}
