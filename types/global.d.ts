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
