import { MAIN_PAGES, SUBPACKAGES, TAB_PAGES } from './routes'

/** Drawn by scripts/render-tab-icons.cjs. */
const icon = (name: string) => ({
  iconPath: `assets/tab/${name}.png`,
  selectedIconPath: `assets/tab/${name}-active.png`,
})

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
      { pagePath: TAB_PAGES.home, text: '首页', ...icon('home') },
      { pagePath: TAB_PAGES.stations, text: '驿站', ...icon('stations') },
      { pagePath: TAB_PAGES.inbox, text: '消息', ...icon('inbox') },
      { pagePath: TAB_PAGES.me, text: '我的', ...icon('me') },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的职工驿站' },
  },
  requiredPrivateInfos: ['getLocation'],
  lazyCodeLoading: 'requiredComponents',
})
