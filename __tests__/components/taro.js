// `@tarojs/taro` under jest: Taro's H5 APIs. The H5 build rewrites `Taro.someApi` into the API's own
// import (babel-plugin-transform-taroapi); here the default export carries the same APIs instead.
const taro = require('@tarojs/taro-h5')

module.exports = { ...taro, default: Object.assign(Object.create(Object.getPrototypeOf(taro.default)), taro.default, taro) }
