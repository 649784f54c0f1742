import type { Availability } from '@/types/jobs'
import type { MyResume } from '@/types/jobsViews'

/** The résumé form as the worker left it (the phone: personal data); the salary in yuan as typed. */
export interface ResumeDraft {
  /** Set on the first edit: until then the form shows what the server keeps. */
  started: boolean
  phone: string
  experience: string
  skills: string
  certificates: string
  expectedSalary: string
  availability: Availability | ''
}

export const EMPTY_RESUME_DRAFT: ResumeDraft = {
  started: false,
  phone: '',
  experience: '',
  skills: '',
  certificates: '',
  expectedSalary: '',
  availability: '',
}

/** The form filled from the résumé the server keeps. */
export function draftOf(mine: MyResume): ResumeDraft {
  const r = mine.resume
  if (!r) return EMPTY_RESUME_DRAFT
  return {
    started: false,
    phone: r.phone,
    experience: r.experience,
    skills: r.skills,
    certificates: r.certificates,
    // The amount as it is typed: whole yuan.
    expectedSalary: r.expectedSalaryFen === undefined ? '' : String(r.expectedSalaryFen / 100),
    availability: r.availability,
  }
}
