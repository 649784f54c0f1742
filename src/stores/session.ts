import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { Me } from '@/types/users'
import { api, auth } from '../api'
import { draftsSignedIn, forgetDrafts } from './drafts'
import { taroStorage } from './storage'
import { showUnread } from '../utils/tabBadge'

/** WeChat's font size setting (px) from which care mode starts on by itself. */
const LARGE_FONT_PX = 20

let largeTextSetting: boolean | undefined

/** Whether WeChat's font size is large; read once, as it only changes with an app restart. */
function systemPrefersLargeText(): boolean {
  if (largeTextSetting === undefined) {
    try {
      const info = process.env.TARO_ENV === 'weapp' ? (Taro.getAppBaseInfo() as { fontSizeSetting?: number }) : undefined
      largeTextSetting = (info?.fontSizeSetting ?? 0) >= LARGE_FONT_PX
    } catch {
      largeTextSetting = false
    }
  }
  return largeTextSetting
}

interface SessionState {
  me: Me | null
  /** null: follow WeChat's font size; true/false: the worker chose in 我的. */
  careChoice: boolean | null
  setMe(me: Me | null): void
  refresh(): Promise<Me | null>
  setCareMode(on: boolean): void
  signOut(): void
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      me: null,
      careChoice: null,
      setMe(me) {
        // Drafts on the phone are kept for the same person only (stores/drafts).
        if (me) draftsSignedIn(me.openid)
        set({ me })
      },
      async refresh() {
        if (!auth.signedIn()) return null
        const me = await api.users.me({})
        draftsSignedIn(me.openid)
        set({ me })
        showUnread(me.unread)
        return me
      },
      setCareMode: (on) => set({ careChoice: on }),
      signOut() {
        auth.signOut()
        forgetDrafts()
        set({ me: null })
      },
    }),
    { name: 'lugong.session', storage: taroStorage, partialize: (s) => ({ me: s.me, careChoice: s.careChoice }) },
  ),
)

export const useCareMode = () => useSession((s) => s.careChoice ?? systemPrefersLargeText())

export { isStaffOf } from '@/domain/identity/roles'
