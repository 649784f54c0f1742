export default definePageConfig({ navigationBarTitleText: '注销申请' })
