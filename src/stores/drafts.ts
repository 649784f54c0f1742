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

/** The hardship-aid application as the worker left it; amounts in yuan as typed. */
export interface AidDraft {
  programme: string
  members: Array<{ name: string; relation: string; age: string }>
  income: string
  spending: string
  sudden: string
  migrant: boolean
  months: string
  story: string
  bankName: string
  accountNo: string
  /** Files already uploaded (they stay on the server), by checklist item. */
  attachments: Array<{ fileId: string; material: string; src: string }>
}

export const EMPTY_AID_DRAFT: AidDraft = {
  programme: '',
  members: [],
  income: '',
  spending: '',
  sudden: '',
  migrant: false,
  months: '',
  story: '',
  bankName: '',
  accountNo: '',
  attachments: [],
}

/** A medical claim as the worker left it; the amount in yuan as typed. */
export interface MedicalDraft {
  category: string
  hospital: string
  admissionDate: string
  dischargeDate: string
  billDate: string
  selfPaid: string
  diagnosis: string
  bankName: string
  accountNo: string
  attachments: Array<{ fileId: string; material: string; src: string }>
}

export const EMPTY_MEDICAL_DRAFT: MedicalDraft = {
  category: '',
  hospital: '',
  admissionDate: '',
  dischargeDate: '',
  billDate: '',
  selfPaid: '',
  diagnosis: '',
  bankName: '',
  accountNo: '',
  attachments: [],
}

interface DraftsState {
  childcare: ChildcareDraft
  setChildcare(change: Partial<ChildcareDraft>): void
  clearChildcare(): void
  aid: AidDraft
  setAid(change: Partial<AidDraft>): void
  clearAid(): void
  medical: MedicalDraft
  setMedical(change: Partial<MedicalDraft>): void
  clearMedical(): void
}

/** Drafts of long forms, kept on the phone: they survive closing the app and losing the network. */
export const useDrafts = create<DraftsState>()(
  persist(
    (set) => ({
      childcare: EMPTY_CHILDCARE_DRAFT,
      setChildcare: (change) => set((s) => ({ childcare: { ...s.childcare, ...change } })),
      clearChildcare: () => set({ childcare: EMPTY_CHILDCARE_DRAFT }),
      aid: EMPTY_AID_DRAFT,
      setAid: (change) => set((s) => ({ aid: { ...s.aid, ...change } })),
      clearAid: () => set({ aid: EMPTY_AID_DRAFT }),
      medical: EMPTY_MEDICAL_DRAFT,
      setMedical: (change) => set((s) => ({ medical: { ...s.medical, ...change } })),
      clearMedical: () => set({ medical: EMPTY_MEDICAL_DRAFT }),
    }),
    { name: 'lugong.drafts', storage: taroStorage },
  ),
)
