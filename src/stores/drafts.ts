import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { taroStorage } from './storage'

/** The childcare sign-up form as the worker left it. */
export interface ChildcareDraft {
  childName: string
  idNumber: string
  gender: 'male' | 'female' | ''
  school: string
  grade: string
  healthNotes: string
  contactName: string
  contactMobile: string
}

export const EMPTY_CHILDCARE_DRAFT: ChildcareDraft = {
  childName: '',
  idNumber: '',
  gender: '',
  school: '',
  grade: '',
  healthNotes: '',
  contactName: '',
  contactMobile: '',
}

interface DraftsState {
  childcare: ChildcareDraft
  setChildcare(change: Partial<ChildcareDraft>): void
  clearChildcare(): void
}

/** Drafts of long forms, kept on the phone: they survive closing the app and losing the network. */
export const useDrafts = create<DraftsState>()(
  persist(
    (set) => ({
      childcare: EMPTY_CHILDCARE_DRAFT,
      setChildcare: (change) => set((s) => ({ childcare: { ...s.childcare, ...change } })),
      clearChildcare: () => set({ childcare: EMPTY_CHILDCARE_DRAFT }),
    }),
    { name: 'lugong.drafts', storage: taroStorage },
  ),
)
