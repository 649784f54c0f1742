export default definePageConfig({ navigationBarTitleText: '托班管理' })
