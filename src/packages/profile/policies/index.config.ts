export default definePageConfig({ navigationBarTitleText: '隐私与协议' })
