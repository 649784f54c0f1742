import { resolve } from 'node:path'
import { existsSync } from 'node:fs'
import simulate from 'miniprogram-simulate'
import type { Harness } from '../cloud/harness'

export const WEAPP = resolve(__dirname, '../../dist/weapp')

/** What the page asked WeChat for: every `wx.*` call by name, with its argument. */
export const wxCalls: Array<{ api: string; arg: unknown }> = []

const SYSTEM_INFO = {
  brand: 'devtools',
  model: 'iPhone 12',
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 700,
  statusBarHeight: 44,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 16',
  platform: 'devtools',
  SDKVersion: '3.5.0',
  fontSizeSetting: 16,
}

/** APIs the pages call whose effect the tests only observe. */
const RECORDED_APIS = [
  'navigateTo', 'navigateBack', 'redirectTo', 'switchTab', 'reLaunch', 'showToast', 'showModal', 'showLoading',
  'hideLoading', 'makePhoneCall', 'openLocation', 'chooseLocation', 'login', 'chooseImage', 'uploadFile',
  'stopPullDownRefresh', 'onNeedPrivacyAuthorization', 'nextTick', 'createSelectorQuery', 'pageScrollTo',
  'vibrateShort', 'getStorage', 'setStorage', 'removeStorage', 'getNetworkType', 'onNetworkStatusChange',
  'setTabBarBadge', 'removeTabBarBadge',
]

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }

/**
 * Installs the globals a built Taro weapp expects (`wx`, `App`, `Page`, `getApp`,
 * `getCurrentPages`) and loads `dist/weapp/app.js`. HTTP calls (`wx.request`) are answered by the
 * real cloud functions on the harness's database, as the signed-in `openid`.
 */
export function installWeapp(harness: Harness, openid: string) {
  if (!existsSync(`${WEAPP}/app.js`)) throw new Error('dist/weapp is missing: run `npm run build:weapp` first')
  const storage = new Map<string, unknown>([['lugong.token', 'mp-test-token']])
  const g = globalThis as Record<string, any>
  const known: Record<string, (...args: any[]) => unknown> = {
    getSystemInfoSync: () => SYSTEM_INFO,
    getWindowInfo: () => SYSTEM_INFO,
    getAppBaseInfo: () => SYSTEM_INFO,
    getDeviceInfo: () => SYSTEM_INFO,
    getMenuButtonBoundingClientRect: () => ({ top: 48, bottom: 80, left: 280, right: 367, width: 87, height: 32 }),
    canIUse: () => true,
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    removeStorageSync: (key: string) => storage.delete(key),
    getLocation: ({ fail, complete }: Callbacks) => {
      const error = { errMsg: 'getLocation:fail auth deny' }
      setTimeout(() => {
        fail?.(error)
        complete?.(error)
      }, 0)
    },
    request: ({ url, data, success, complete }: Callbacks & { url: string; data: any }) => {
      const fn = /\/api\/([a-z]+)$/.exec(url)?.[1] ?? ''
      const answer = harness.call(openid, fn, data.action, data.payload, data.requestId)
      answer.then((envelope) => {
        const res = { statusCode: 200, data: envelope, header: {}, errMsg: 'request:ok' }
        success?.(res)
        complete?.(res)
      })
      return { abort: () => undefined }
    },
  }
  // Taro builds its API table from `Object.keys(wx)`, so every API the pages use is a real key;
  // anything else is a recorded no-op as well.
  const record = (api: string) => (...args: unknown[]) => {
    wxCalls.push({ api, arg: args[0] })
    return known[api]?.(...args)
  }
  const target: Record<string, unknown> = { webpackJsonp: [] as unknown[] }
  for (const api of [...Object.keys(known), ...RECORDED_APIS]) target[api] = record(api)
  g.wx = new Proxy(target, {
    get: (t, name: string) => (name in t ? t[name] : record(name)),
  })
  let app: any
  const pages: any[] = []
  resetQuery = (query) => {
    nextQuery = query
  }
  g.App = (config: any) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages
  // A page is a component in miniprogram-simulate: its functions become methods and its
  // lifecycle runs from the component's.
  g.Page = (config: any) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
    return g.Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          pages.push(this)
          this.route = this.is
          this.onLoad?.(nextQuery)
          this.onShow?.()
        },
        ready(this: any) {
          this.onReady?.()
        },
        detached(this: any) {
          this.onUnload?.()
        },
      },
    })
  }
  require(`${WEAPP}/app.js`)
  app.onLaunch?.({ path: 'pages/index/index', query: {} })
}

let nextQuery: Record<string, string> = {}
let resetQuery: (query: Record<string, string>) => void = () => undefined

/** Loads and attaches a built page, as WeChat would open it (with `query` as its URL parameters). */
export function openPage(path: string, query: Record<string, string> = {}) {
  resetQuery(query)
  const id = simulate.load(`${WEAPP}/${path}`, { compiler: 'official', rootPath: WEAPP })
  const page = simulate.render(id)
  const parent = document.createElement('parent-wrapper')
  page.attach(parent)
  return page
}

type SimulatedPage = ReturnType<typeof openPage>

/** The page's text as a worker would read it. */
export const textOf = (page: SimulatedPage) => page.dom?.textContent ?? ''

/** Taps the first element matching `selector`; fails the test when there is none. */
export function tap(page: SimulatedPage, selector: string) {
  const element = page.querySelector(selector)
  if (!element) throw new Error(`nothing matches ${selector}`)
  element.dispatchEvent('tap')
}

/** Waits until `probe` holds (the page renders asynchronously after its calls are answered). */
export async function until(probe: () => boolean, timeoutMs = 5000) {
  const start = Date.now()
  while (!probe()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the page')
    await simulate.sleep(20)
  }
}
