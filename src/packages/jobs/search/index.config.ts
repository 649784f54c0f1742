export default definePageConfig({ navigationBarTitleText: '就业招聘', enablePullDownRefresh: true })
