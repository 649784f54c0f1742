/** The childcare sign-up form as the parent left it (the child's ID number: personal data). */
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
