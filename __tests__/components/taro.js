// `@tarojs/taro` under jest: Taro's H5 APIs. The H5 build rewrites `Taro.someApi` into the API's own
// import (babel-plugin-transform-taroapi); here the default export carries the same APIs instead.
const React = require('react')
const taro = require('@tarojs/taro-h5')

// Taro's page hooks come from the React framework plugin, which only runs inside a Taro page. A page
// rendered alone here is shown once when it mounts; `showPage()` shows it again (back from another
// page), and `setRouterParams()` sets what `useRouter().params` answers.
const shown = new Set()
let routerParams = {}

function useDidShow(fn) {
  const ref = React.useRef(fn)
  ref.current = fn
  React.useEffect(() => {
    const callback = () => ref.current()
    shown.add(callback)
    callback()
    return () => shown.delete(callback)
  }, [])
}

const noopHook = () => undefined

const hooks = {
  useDidShow,
  useDidHide: noopHook,
  useRouter: () => ({ params: routerParams, path: '' }),
  useShareAppMessage: noopHook,
  usePullDownRefresh: noopHook,
  useReachBottom: noopHook,
  useLaunch: noopHook,
  useReady: noopHook,
  useUnload: noopHook,
}

const testing = {
  showPage: () => [...shown].forEach((callback) => callback()),
  setRouterParams: (params) => {
    routerParams = params
  },
}

const all = Object.assign(Object.create(Object.getPrototypeOf(taro.default)), taro.default, taro, hooks)

module.exports = { ...taro, ...hooks, ...testing, default: all }
