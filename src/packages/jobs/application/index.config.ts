export default definePageConfig({ navigationBarTitleText: '应聘进展' })
