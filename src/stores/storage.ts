import Taro from '@tarojs/taro'
import { createJSONStorage } from 'zustand/middleware'

/** zustand's persistence over Taro storage; Taro answers '' for a missing key, zustand wants null. */
export const taroStorage = createJSONStorage(() => ({
  getItem: (key: string) => (Taro.getStorageSync(key) as string) || null,
  setItem: (key: string, value: string) => Taro.setStorageSync(key, value),
  removeItem: (key: string) => Taro.removeStorageSync(key),
}))
