export default definePageConfig({ navigationBarTitleText: '我的法律援助' })
