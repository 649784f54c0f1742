export default definePageConfig({ navigationBarTitleText: '编辑阵地' })
