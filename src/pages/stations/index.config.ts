export default definePageConfig({ navigationBarTitleText: '职工驿站', enablePullDownRefresh: true })
