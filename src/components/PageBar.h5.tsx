import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { MAIN_PAGES, TAB_PAGES } from '../routes'

/** Pages that need no bar: the tabs (their own bar at the bottom) and the login page. */
const TOP_LEVEL = new Set<string>(Object.values(MAIN_PAGES))

function currentPage(): { path: string; title?: string } {
  const { router, page } = Taro.getCurrentInstance()
  const path = (router?.path ?? '').split('?')[0].replace(/^\//, '')
  const config = (page as { config?: { navigationBarTitleText?: string } } | null | undefined)?.config
  return { path, title: config?.navigationBarTitleText }
}

function goBack() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.switchTab({ url: `/${TAB_PAGES.home}` })
}

/**
 * The H5 build's title bar on every inner page: the page's title, 返回 and 首页, so that a worker in a
 * webview without browser buttons is never stuck (after 报名成功, on a case page). The mini-program
 * has WeChat's bar instead (`PageBar.tsx`).
 */
export function PageBar({ title }: { title?: string }) {
  const page = currentPage()
  if (TOP_LEVEL.has(page.path)) return null
  return (
    <View className="page-bar">
      <View className="page-bar-button page-back" role="button" aria-label="返回上一页" onClick={goBack}>
        <Text className="page-bar-arrow" aria-hidden="true">
          ‹
        </Text>
        <Text>返回</Text>
      </View>
      <View className="page-bar-title" role="heading" aria-level={1}>
        {title ?? page.title ?? '鹿工之家'}
      </View>
      <View className="page-bar-button page-home" role="button" aria-label="回到首页" onClick={() => Taro.switchTab({ url: `/${TAB_PAGES.home}` })}>
        <Text>首页</Text>
      </View>
    </View>
  )
}
