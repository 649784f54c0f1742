import { MAIN_PAGES, SUBPACKAGES, TAB_PAGES } from './routes'

export default defineAppConfig({
  pages: Object.values(MAIN_PAGES),
  subPackages: Object.values(SUBPACKAGES).map(({ root, pages }) => ({ root, pages: Object.values(pages) })),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '鹿工之家',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: TAB_PAGES.home, text: '首页' },
      { pagePath: TAB_PAGES.stations, text: '驿站' },
      { pagePath: TAB_PAGES.inbox, text: '消息' },
      { pagePath: TAB_PAGES.me, text: '我的' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的职工驿站' },
  },
  requiredPrivateInfos: ['getLocation'],
  lazyCodeLoading: 'requiredComponents',
})
