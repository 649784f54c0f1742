import type { ErrorBody } from '../../types/envelope'

export type LoginMode = 'dev' | 'production'
export type LoginResult = { ok: true; openid: string } | { ok: false; error: ErrorBody }

const DEV_CODE = /^dev:([a-z0-9_-]{1,32})$/

/**
 * A login code → the caller's openid. In dev mode `dev:<name>` is `dev-<name>`; otherwise the code
 * is a `wx.login` code exchanged with WeChat (code2session) using WECHAT_APPID and WECHAT_SECRET.
 */
export async function exchangeLoginCode(code: string, mode: LoginMode): Promise<LoginResult> {
  const dev = DEV_CODE.exec(code)
  if (dev) {
    if (mode !== 'dev') return { ok: false, error: { code: 'UNAUTHENTICATED', message: '体验账号只能在开发模式下使用' } }
    return { ok: true, openid: `dev-${dev[1]}` }
  }
  const appid = process.env.WECHAT_APPID
  const secret = process.env.WECHAT_SECRET
  if (!appid || !secret) {
    return { ok: false, error: { code: 'UNAUTHENTICATED', message: '服务器没有配置微信登录' } }
  }
  const url = new URL('https://api.weixin.qq.com/sns/jscode2session')
  url.search = new URLSearchParams({ appid, secret, js_code: code, grant_type: 'authorization_code' }).toString()
  try {
    const res = (await (await fetch(url)).json()) as { openid?: string; errcode?: number }
    if (res.openid) return { ok: true, openid: res.openid }
  } catch {
    // Falls through to the refusal below: the worker can simply try again.
  }
  return { ok: false, error: { code: 'UNAUTHENTICATED', message: '微信登录失败，请重试' } }
}
