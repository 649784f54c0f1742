export default definePageConfig({ navigationBarTitleText: '申请医疗互助报销' })
