export default definePageConfig({ navigationBarTitleText: '春风行动招聘会' })
