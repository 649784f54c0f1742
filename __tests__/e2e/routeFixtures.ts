import { formatShanghai } from '../../cloud/domain/time'
import { MAIN_PAGES, SUBPACKAGES } from '../../src/routes'
import { addUpload, winterApplication } from '../cloud/aidFixtures'
import { newClass } from '../cloud/childcareFixtures'
import type { Harness } from '../cloud/harness'
import { inpatientClaim } from '../cloud/medicalFixtures'
import type { startRuntime } from './runtime'

/**
 * Every page of the mini-program, as `src/routes.ts` lists it (the tab pages, the login page and
 * every subpackage page of the service manifest), and what each needs to be opened with: who opens
 * it and the records its query names. The sweep (sweep.test.ts) walks all of them; a page added to
 * the manifest is walked as soon as it exists, opened by 张建国 without a query unless an entry here
 * says otherwise. A new service adds its pages' entries to `ROUTE_FIXTURES`, and what they need to
 * `World` (each record made once, when a page first asks for it).
 */

type Runtime = Awaited<ReturnType<typeof startRuntime>>

/** The dev personas' openids (cloud/local/seed/personas.ts). */
export type Persona = 'dev-worker' | 'dev-worker2' | 'dev-volunteer' | 'dev-hr' | 'dev-admin'

export interface RouteFixture {
  /** Who opens the page (default: 张建国, a real-named worker). */
  as?: Persona
  /** The page's query, from the records it needs. */
  query?(world: World): Promise<Record<string, string>>
  /** What is on the page once it shows its data, besides no skeleton left. */
  ready?: string
}

/** Every page path of the app, from the one route registry. */
export function allPages(): string[] {
  const subpackagePages = Object.values(SUBPACKAGES).flatMap(({ root, pages }) => Object.values(pages).map((page) => `${root}/${page}`))
  return [...Object.values(MAIN_PAGES), ...subpackagePages]
}

/** Pages that are no inner page: the tabs (their bar at the bottom) and the login page. */
export const TOP_LEVEL_PAGES = new Set<string>(Object.values(MAIN_PAGES))

const DAY = 24 * 60 * 60 * 1000

/** The records pages name in their query, each made once, when first asked for. */
export class World {
  private made = new Map<string, Promise<string>>()
  constructor(private readonly runtime: Runtime) {}

  private once(key: string, make: () => Promise<string>): Promise<string> {
    if (!this.made.has(key)) this.made.set(key, make())
    return this.made.get(key)!
  }

  /** The runtime as the cloud fixtures' harness (they add uploads and call actions). */
  private get harness(): Harness {
    const { runtime } = this
    return { db: runtime.db, ok: (openid: string, fn: string, action: string, payload: unknown) => runtime.call(openid, fn, action, payload) } as unknown as Harness
  }

  station(): Promise<string> {
    return Promise.resolve('demo-station-00001')
  }

  /** A class taking sign-ups now, starting in 40 days. */
  childcareClass(): Promise<string> {
    return this.once('class', async () => {
      const now = Date.now()
      const cls = await this.runtime.call<{ _id: string }>(
        'dev-admin',
        'childcare',
        'upsertClass',
        newClass({
          title: '巡检用的寒假爱心托班（五马街道职工之家）',
          startDate: formatShanghai(now + 40 * DAY, 'YYYY-MM-DD'),
          endDate: formatShanghai(now + 50 * DAY, 'YYYY-MM-DD'),
          opensAt: now - DAY,
          closesAt: now + 30 * DAY,
        }),
      )
      return cls._id
    })
  }

  /** 张建国's 冬送温暖 application, claimed by 王志愿 and asked for more (it waits for the worker). */
  aidCase(): Promise<string> {
    return this.once('aid', async () => {
      const fileId = await addUpload(this.harness, 'dev-worker', 'aid')
      const summary = await this.runtime.call<{ _id: string }>('dev-worker', 'aid', 'apply', winterApplication(fileId))
      await this.runtime.call('dev-volunteer', 'aid', 'claim', { caseId: summary._id })
      await this.runtime.call('dev-volunteer', 'aid', 'askInfo', { caseId: summary._id, note: '请补充户口本首页和本人页的照片，看得清姓名和住址' })
      return summary._id
    })
  }

  /** 张建国's claim for DOMAIN.md's worked example, waiting on the desk. */
  medicalCase(): Promise<string> {
    return this.once('medical', async () => {
      const fileId = await addUpload(this.harness, 'dev-worker', 'medical')
      const summary = await this.runtime.call<{ _id: string }>('dev-worker', 'medical', 'submitClaim', inpatientClaim(fileId))
      return summary._id
    })
  }
}

export const ROUTE_FIXTURES: Record<string, RouteFixture> = {
  'pages/index/index': { ready: '.service-grid' },
  'pages/stations/index': { ready: '.station-card' },
  'pages/inbox/index': {},
  'pages/me/index': { ready: '.profile-card' },
  'pages/login/index': { ready: '.persona' },

  'packages/profile/realname/index': { as: 'dev-worker2', ready: '.realname-form' },
  'packages/profile/policy/index': { query: async () => ({ key: 'child' }), ready: '.policy-text' },
  'packages/profile/policies/index': { as: 'dev-admin', ready: '.policy-item' },
  'packages/profile/policyedit/index': { as: 'dev-admin', query: async () => ({ key: 'aid' }), ready: '.save-policy' },
  'packages/figures/dashboard/index': { as: 'dev-admin', ready: '.panel' },

  'packages/stations/detail/index': { query: async (w) => ({ id: await w.station() }), ready: '.detail-name' },
  'packages/stations/admin/index': { as: 'dev-admin', ready: '.admin-station' },
  'packages/stations/edit/index': { as: 'dev-admin', query: async (w) => ({ id: await w.station() }), ready: '.edit-name' },

  'packages/childcare/classes/index': { ready: '.class-card' },
  'packages/childcare/signup/index': { query: async (w) => ({ classId: await w.childcareClass() }), ready: '.submit-signup' },
  'packages/childcare/mine/index': {},
  'packages/childcare/roster/index': { as: 'dev-volunteer', query: async (w) => ({ classId: await w.childcareClass() }) },
  'packages/childcare/admin/index': { as: 'dev-admin' },
  'packages/childcare/edit/index': { as: 'dev-admin', query: async (w) => ({ classId: await w.childcareClass() }) },

  'packages/aid/selfcheck/index': { ready: '.run-check' },
  'packages/aid/apply/index': { query: async () => ({ programme: 'winter_warmth' }), ready: '.submit-application' },
  'packages/aid/case/index': { query: async (w) => ({ caseId: await w.aidCase() }), ready: '.case-status' },
  'packages/aid/programmes/index': { as: 'dev-admin' },

  'packages/medical/home/index': {},
  'packages/medical/claim/index': { ready: '.submit-claim' },
  'packages/medical/case/index': { query: async (w) => ({ caseId: await w.medicalCase() }), ready: '.case-status' },
  'packages/medical/admin/index': { as: 'dev-admin' },

  'packages/desk/queue/index': {
    as: 'dev-volunteer',
    query: async (w) => {
      await w.medicalCase()
      return { service: 'medical' }
    },
    ready: '.queue-item',
  },
  'packages/desk/case/index': { as: 'dev-volunteer', query: async (w) => ({ service: 'aid', caseId: await w.aidCase() }), ready: '.case-status' },
}
