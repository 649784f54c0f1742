export default definePageConfig({ navigationBarTitleText: '编辑托班' })
