import Taro from '@tarojs/taro'
import { TAB_PAGES } from '../routes'

/** 消息's place in the tab bar (app.config.ts lists the tabs in TAB_PAGES' order). */
export const INBOX_TAB_INDEX = Object.keys(TAB_PAGES).indexOf('inbox')

/**
 * The unread count on the 消息 tab, or no badge when there is nothing unread. WeChat refuses it
 * outside a tab page; the next tab page shown sets it again.
 */
export function showUnread(count: number) {
  const done = () => undefined
  if (count > 0) Taro.setTabBarBadge({ index: INBOX_TAB_INDEX, text: count > 99 ? '99+' : String(count) }).catch(done)
  else Taro.removeTabBarBadge({ index: INBOX_TAB_INDEX }).catch(done)
}
