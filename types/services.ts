import type { PolicyKey } from './policies'
import type { Service } from './roles'

/**
 * The service manifest: what the rest of the portal needs to know about each service, as data.
 * The function registry, the typed client, `cloudbaserc.json`, the home grid, 我的, the desk and
 * every link a message or a request row leads to are derived from it, so a new service is its
 * three rooms (types, cloud function, subpackage) plus one entry here (ARCHITECTURE.md).
 */
export interface ServiceEntry {
  /** How a worker calls it. */
  name: string
  /** Built and open to workers; a service that is not says 即将开放 on the grid and leads nowhere. */
  open: boolean
  /** Its tile on the home grid: a hint, and the page it opens (a tab or a page of its subpackage). */
  tile: { hint: string; tab?: 'stations'; page?: string }
  /** Its subpackage of the mini-program and the pages in it (path under the root, without `.tsx`). */
  root: `packages/${string}`
  pages: Record<string, string>
  /**
   * Its requests are cases on the shared workflow: the page a case opens, and a queue on the shared
   * desk — or on a desk page of its own (`desk`) where its queue and steps differ (legal help).
   */
  cases?: { page: string; param: 'caseId'; desk?: string }
  /**
   * Its own pages in 我的 → 工作台: for its staff (its volunteers and admins), admins only, or the
   * lawyers of the panel (and its staff, who may be assigned cases too).
   */
  /**
   * What its requests rest on beside the privacy policy, which every service does: its own consent
   * (`types/policies.ts`), and the real-name profile. Withdrawing either stops new requests here and
   * withdraws the open ones the rules let the worker withdraw (我的数据).
   */
  consent?: PolicyKey
  realName?: true
  staffPages?: ReadonlyArray<{ page: string; title: string; description: string; who: 'staff' | 'admin' | 'lawyer'; className?: string }>
}

export const SERVICE_MANIFEST = {
  stations: {
    name: '服务阵地',
    open: true,
    tile: { hint: '附近驿站 歇脚充电', tab: 'stations' },
    root: 'packages/stations',
    pages: { detail: 'detail/index', admin: 'admin/index', edit: 'edit/index' },
    staffPages: [{ page: 'admin', title: '阵地管理', description: '新建、编辑、暂停驿站，处理问题反馈', who: 'staff', className: 'open-station-admin' }],
  },
  childcare: {
    name: '爱心托班',
    open: true,
    tile: { hint: '暑假寒假 托管孩子', page: 'classes' },
    consent: 'child',
    realName: true,
    root: 'packages/childcare',
    pages: {
      classes: 'classes/index',
      signUp: 'signup/index',
      mine: 'mine/index',
      roster: 'roster/index',
      admin: 'admin/index',
      edit: 'edit/index',
    },
    staffPages: [{ page: 'admin', title: '托班管理', description: '花名册、每日签到、出勤率；管理员可新建和编辑托班', who: 'staff', className: 'open-childcare-admin' }],
  },
  aid: {
    name: '困难帮扶',
    open: true,
    tile: { hint: '四季帮扶 先测一测', page: 'selfCheck' },
    consent: 'aid',
    realName: true,
    root: 'packages/aid',
    pages: { selfCheck: 'selfcheck/index', apply: 'apply/index', case: 'case/index', programmes: 'programmes/index' },
    cases: { page: 'case', param: 'caseId' },
    staffPages: [{ page: 'programmes', title: '帮扶项目设置', description: '四季帮扶的金额、材料和低保线', who: 'admin', className: 'open-aid-programmes' }],
  },
  medical: {
    name: '医疗互助',
    open: true,
    tile: { hint: '住院门诊 互助报销', page: 'home' },
    consent: 'medical',
    realName: true,
    root: 'packages/medical',
    pages: { home: 'home/index', claim: 'claim/index', case: 'case/index', admin: 'admin/index' },
    cases: { page: 'case', param: 'caseId' },
    staffPages: [{ page: 'admin', title: '医疗互助设置', description: '导入参保名单，设置每年的报销方案', who: 'admin', className: 'open-medical-admin' }],
  },
  legal: {
    name: '法律援助',
    open: true,
    tile: { hint: '欠薪工伤 免费咨询', page: 'home' },
    consent: 'legal',
    realName: true,
    root: 'packages/legal',
    pages: {
      home: 'home/index',
      ask: 'ask/index',
      case: 'case/index',
      desk: 'desk/index',
      work: 'work/index',
      lawyer: 'lawyer/index',
      admin: 'admin/index',
    },
    cases: { page: 'case', param: 'caseId', desk: 'desk' },
    staffPages: [
      { page: 'desk', title: '法律援助办件台', description: '按承诺剩余时间排队：受理、指派律师、答复、结案', who: 'staff', className: 'open-legal-desk' },
      { page: 'lawyer', title: '我负责的法援案件', description: '给职工留言、预约调解室、结案', who: 'lawyer', className: 'open-legal-lawyer' },
      { page: 'admin', title: '法律援助设置', description: '承诺时限、调解室时段和闭室日期、放假安排', who: 'admin', className: 'open-legal-admin' },
    ],
  },
  jobs: {
    name: '就业招聘',
    open: true,
    tile: { hint: '招聘会 找工作', page: 'search' },
    realName: true,
    root: 'packages/jobs',
    pages: {
      search: 'search/index',
      job: 'job/index',
      resume: 'resume/index',
      mine: 'mine/index',
      application: 'application/index',
      fairs: 'fairs/index',
      fair: 'fair/index',
      join: 'join/index',
      admin: 'admin/index',
      employer: 'employer/index',
      fairEdit: 'fairedit/index',
    },
    staffPages: [{ page: 'admin', title: '企业与招聘会', description: '登记和认证企业、发放招聘联系人邀请码、举办春风行动招聘会', who: 'admin', className: 'open-jobs-admin' }],
  },
} as const satisfies Record<Service, ServiceEntry>

export type Manifest = typeof SERVICE_MANIFEST

/** The services that are built: each has a cloud function of the same name. */
export type OpenService = { [K in keyof Manifest]: Manifest[K]['open'] extends true ? K : never }[keyof Manifest]

/** The services whose requests are cases on the shared workflow, with a desk queue. */
export type DeskService = { [K in keyof Manifest]: Manifest[K] extends { cases: object } ? K : never }[keyof Manifest]

export const SERVICE_KEYS = Object.keys(SERVICE_MANIFEST) as Service[]
export const OPEN_SERVICES = SERVICE_KEYS.filter((s) => SERVICE_MANIFEST[s].open) as OpenService[]
export const DESK_SERVICES = SERVICE_KEYS.filter((s) => 'cases' in SERVICE_MANIFEST[s]) as DeskService[]

/** The case services whose queue is on the shared desk (`packages/desk`): those without a desk of their own. */
export type SharedDeskService = { [K in DeskService]: Manifest[K]['cases'] extends { desk: string } ? never : K }[DeskService]
/** The open services a consent carries: the privacy policy all of them, the real-name one those that need it, a service's own that service. */
export function servicesOnConsent(key: PolicyKey): OpenService[] {
  return OPEN_SERVICES.filter((s) => {
    const entry: ServiceEntry = SERVICE_MANIFEST[s]
    return key === 'privacy' || (key === 'realname' ? entry.realName === true : entry.consent === key)
  })
}

export const SHARED_DESK_SERVICES = DESK_SERVICES.filter((s) => !(SERVICE_MANIFEST[s].cases as ServiceEntry['cases'])?.desk) as SharedDeskService[]

type PageOf<S extends Service> = keyof Manifest[S]['pages'] & string

/** The route of a page of a service's subpackage, with its query: `/packages/aid/case/index?caseId=…`. */
export function pageUrl<S extends Service>(service: S, page: PageOf<S>, query: Record<string, string> = {}): string {
  const entry: ServiceEntry = SERVICE_MANIFEST[service]
  const path = `/${entry.root}/${entry.pages[page]}`
  const search = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return search ? `${path}?${search}` : path
}

/** The page a case of a desk service opens for its owner (inbox messages, 我的办事). */
export function caseUrl(service: DeskService, caseId: string): string {
  const { page, param } = SERVICE_MANIFEST[service].cases
  return pageUrl(service, page, { [param]: caseId })
}
