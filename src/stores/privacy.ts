import { create } from 'zustand'

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void

/** WeChat's privacy authorisation waiting for the worker's answer (onNeedPrivacyAuthorization). */
export const usePrivacyRequest = create<{ pending: Resolve | null; ask(resolve: Resolve): void; answer(agree: boolean): void }>(
  (set, get) => ({
    pending: null,
    ask: (resolve) => set({ pending: resolve }),
    answer(agree) {
      get().pending?.(agree ? { event: 'agree', buttonId: 'agree-privacy' } : { event: 'disagree' })
      set({ pending: null })
    },
  }),
)
