export default definePageConfig({ navigationBarTitleText: '企业与招聘会' })
