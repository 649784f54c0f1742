export default definePageConfig({ navigationBarTitleText: '登录鹿工之家' })
