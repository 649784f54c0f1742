import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Me } from '../../types/users'
import { EMPTY_AID_DRAFT } from '../../src/packages/aid/draft'
import { EMPTY_CHILDCARE_DRAFT } from '../../src/packages/childcare/draft'
import { EMPTY_MEDICAL_DRAFT } from '../../src/packages/medical/draft'
import { forgetDrafts, LAST_USER_KEY, readDraft, useDraftStore } from '../../src/stores/drafts'
import { useSession } from '../../src/stores/session'
import { useDraft } from '../../src/stores/useDraft'

jest.mock('../../src/api/transport', () => require('./fakeServer').transport)

const DAY = 24 * 60 * 60 * 1000
const person = (openid: string) => ({ openid, roles: ['worker'], services: [], realNamed: true, profile: null, consents: {}, consentsDue: [], unread: 0 }) as Me
/** What the phone keeps under every key, as one string to search for personal data. */
const onThePhone = () => JSON.stringify({ ...localStorage })

/** Signs in on the login page (or after a session ran out): the profile arrives with its openid. */
function signIn(openid: string) {
  Taro.setStorageSync('lugong.token', `token-of-${openid}`)
  act(() => useSession.getState().setMe(person(openid)))
}

const aidForm = () => renderHook(() => useDraft('aid', EMPTY_AID_DRAFT))

beforeEach(() => {
  jest.restoreAllMocks()
  localStorage.clear()
  forgetDrafts()
  useSession.setState({ me: null })
})

describe('drafts are per person', () => {
  it('keeps a draft on the phone under the person who typed it', () => {
    signIn('worker-a')
    const { result } = aidForm()
    act(() => result.current[1]({ bankName: '温州银行', accountNo: '6222021234567890123' }))
    expect(result.current[0]).toMatchObject({ bankName: '温州银行', accountNo: '6222021234567890123', story: '' })
    expect(Object.keys(useDraftStore.getState().drafts)).toEqual(['worker-a/aid'])
    expect(onThePhone()).toContain('6222021234567890123')
  })

  it("does not show one person's draft to another person on the same phone", () => {
    signIn('worker-a')
    const a = aidForm()
    act(() => a.result.current[1]({ accountNo: '6222021234567890123' }))
    a.unmount()
    signIn('worker-b')
    const b = aidForm()
    expect(b.result.current[0]).toEqual(EMPTY_AID_DRAFT)
    expect(onThePhone()).not.toContain('6222021234567890123')
    expect(Taro.getStorageSync(LAST_USER_KEY)).toBe('worker-b')
  })

  it("keeps drafts apart by person even when the profile changes without a sign-in (keyed by openid)", () => {
    signIn('worker-a')
    const { result } = aidForm()
    act(() => result.current[1]({ accountNo: '6222021234567890123' }))
    act(() => useSession.setState({ me: person('worker-b') }))
    expect(result.current[0].accountNo).toBe('')
    act(() => useSession.setState({ me: person('worker-a') }))
    expect(result.current[0].accountNo).toBe('6222021234567890123')
  })

  it('forgets every draft at sign-out', () => {
    signIn('worker-a')
    const { result } = renderHook(() => useDraft('childcare', EMPTY_CHILDCARE_DRAFT))
    act(() => result.current[1]({ childName: '张小明', idNumber: '330302201501011234' }))
    expect(onThePhone()).toContain('330302201501011234')
    act(() => useSession.getState().signOut())
    expect(onThePhone()).not.toContain('330302201501011234')
    signIn('worker-a')
    expect(result.current[0]).toEqual(EMPTY_CHILDCARE_DRAFT)
  })

  it('keeps the draft for the same person signing in again after the session ran out, and after a restart', () => {
    signIn('worker-a')
    const { result } = renderHook(() => useDraft('medical', EMPTY_MEDICAL_DRAFT))
    act(() => result.current[1]({ diagnosis: '腰椎间盘突出' }))
    // The server refused the old token: the transport drops it and the login page opens.
    Taro.removeStorageSync('lugong.token')
    signIn('worker-a')
    expect(result.current[0].diagnosis).toBe('腰椎间盘突出')
    jest.isolateModules(() => {
      // The app started again: the store reads the drafts back from the phone.
      const drafts = require('../../src/stores/drafts')
      expect(drafts.readDraft('worker-a', 'medical', EMPTY_MEDICAL_DRAFT).diagnosis).toBe('腰椎间盘突出')
      expect(drafts.readDraft('worker-b', 'medical', EMPTY_MEDICAL_DRAFT).diagnosis).toBe('')
    })
  })

  it('drops a draft with personal data last edited 8 days ago, and keeps one edited 6 days ago', () => {
    const start = Date.UTC(2026, 10, 1, 2)
    const now = jest.spyOn(Date, 'now').mockReturnValue(start)
    signIn('worker-a')
    const aid = aidForm()
    act(() => aid.result.current[1]({ accountNo: '6222021234567890123' }))
    now.mockReturnValue(start + 2 * DAY)
    const medical = renderHook(() => useDraft('medical', EMPTY_MEDICAL_DRAFT))
    act(() => medical.result.current[1]({ diagnosis: '腰椎间盘突出' }))
    aid.unmount()
    medical.unmount()

    // Eight days after the aid draft's last edit, six after the medical one's.
    now.mockReturnValue(start + 8 * DAY)
    expect(aidForm().result.current[0]).toEqual(EMPTY_AID_DRAFT)
    expect(onThePhone()).not.toContain('6222021234567890123')
    expect(renderHook(() => useDraft('medical', EMPTY_MEDICAL_DRAFT)).result.current[0].diagnosis).toBe('腰椎间盘突出')
    expect(readDraft('worker-a', 'medical', EMPTY_MEDICAL_DRAFT).diagnosis).toBe('腰椎间盘突出')
  })

  it('does not read back personal data past its time after a restart', () => {
    const start = Date.UTC(2026, 10, 1, 2)
    const now = jest.spyOn(Date, 'now').mockReturnValue(start)
    signIn('worker-a')
    const { result } = aidForm()
    act(() => result.current[1]({ accountNo: '6222021234567890123' }))
    now.mockReturnValue(start + 8 * DAY)
    jest.isolateModules(() => {
      const drafts = require('../../src/stores/drafts')
      expect(drafts.useDraftStore.getState().drafts).toEqual({})
    })
  })

  it('drops the drafts of the old store, which were not tied to anyone, and records the new version', () => {
    // What version 0 of the store left on phones: one draft per form, no version, no owner.
    Taro.setStorageSync(
      'lugong.drafts',
      JSON.stringify({
        state: {
          childcare: { ...EMPTY_CHILDCARE_DRAFT, childName: '张小明', idNumber: '330302201501011234' },
          aid: { ...EMPTY_AID_DRAFT, accountNo: '6222021234567890123' },
          medical: { ...EMPTY_MEDICAL_DRAFT, diagnosis: '腰椎间盘突出' },
        },
        version: 0,
      }),
    )
    jest.isolateModules(() => {
      const drafts = require('../../src/stores/drafts')
      expect(drafts.useDraftStore.getState().drafts).toEqual({})
      expect(drafts.readDraft('worker-a', 'childcare', EMPTY_CHILDCARE_DRAFT)).toEqual(EMPTY_CHILDCARE_DRAFT)
    })
    const stored = JSON.parse(Taro.getStorageSync('lugong.drafts') as string)
    expect(stored).toEqual({ state: { drafts: {} }, version: 1 })
    for (const gone of ['张小明', '330302201501011234', '6222021234567890123', '腰椎间盘突出']) expect(onThePhone()).not.toContain(gone)
  })

  it('keeps what was typed before the profile arrived as that person\'s draft', async () => {
    Taro.setStorageSync('lugong.token', 'token-of-worker-a')
    const { server, ok } = require('./fakeServer')
    server.reset()
    server.on('users', 'me', () => ok(person('worker-a')))
    const { result } = aidForm()
    act(() => result.current[1]({ story: '家里人住院了' }))
    await act(async () => undefined)
    expect(useSession.getState().me?.openid).toBe('worker-a')
    expect(result.current[0].story).toBe('家里人住院了')
    expect(Object.keys(useDraftStore.getState().drafts)).toEqual(['worker-a/aid'])
  })
})
