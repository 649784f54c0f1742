export default definePageConfig({ navigationBarTitleText: '帮扶项目设置' })
