export default definePageConfig({ navigationBarTitleText: '编辑协议文本' })
