describe('drafts of long forms', () => {
  it('keeps the childcare sign-up draft in storage, so it survives closing the app', () => {
    jest.isolateModules(() => {
      const { useDrafts } = require('../../src/stores/drafts')
      useDrafts.getState().setChildcare({ childName: '张小明', school: '广场路小学' })
    })
    expect(localStorage.getItem('lugong.drafts')).toContain('张小明')
    jest.isolateModules(() => {
      // A fresh start of the app: the store reads the draft back.
      const { useDrafts } = require('../../src/stores/drafts')
      expect(useDrafts.getState().childcare).toMatchObject({ childName: '张小明', school: '广场路小学', idNumber: '' })
      useDrafts.getState().clearChildcare()
      expect(useDrafts.getState().childcare.childName).toBe('')
    })
  })
})
