export default definePageConfig({ navigationBarTitleText: '托班花名册' })
