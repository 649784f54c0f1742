/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
    TARO_APP_API_BASE?: string
    TARO_APP_CLOUD_ENV?: string
    TARO_APP_TMPL_STATUS?: string
  }
}

/** uCharts ships no types: the one class the dashboard draws with (src/packages/figures/dashboard/Chart.tsx). */
declare module '@qiun/ucharts' {
  export default class UCharts {
    constructor(options: Record<string, unknown>)
  }
}
