import Taro from '@tarojs/taro'

/** The bearer token of the HTTP transport, kept where the transport can read it synchronously. */
const TOKEN_KEY = 'lugong.token'

export const tokenStore = {
  get: (): string | null => (Taro.getStorageSync(TOKEN_KEY) as string) || null,
  set: (token: string) => Taro.setStorageSync(TOKEN_KEY, token),
  clear: () => Taro.removeStorageSync(TOKEN_KEY),
}
