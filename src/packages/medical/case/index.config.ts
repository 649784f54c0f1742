export default definePageConfig({ navigationBarTitleText: '我的报销申请' })
