export default definePageConfig({ navigationBarTitleText: '鹿工之家' })
