import Taro from '@tarojs/taro'

/** The WeChat subscribe-message template for "your request changed", when one is configured. */
const STATUS_TEMPLATE = process.env.TARO_APP_TMPL_STATUS || ''

/**
 * Asks the worker, on the tap that submits, whether WeChat may message them when the request
 * changes; true when they agreed. Outside WeChat, or with no template configured, nothing is asked.
 */
export async function askToNotifyByWeChat(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || !STATUS_TEMPLATE) return false
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [STATUS_TEMPLATE] } as never)) as Record<string, string>
    return res[STATUS_TEMPLATE] === 'accept'
  } catch {
    return false
  }
}
