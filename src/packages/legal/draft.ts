import type { AttachedFile } from '../../components/CaseFormParts'

/** The legal intake as the worker left it (what happened, the household: personal data); amounts in yuan as typed. */
export interface LegalDraft {
  category: string
  story: string
  employer: string
  amount: string
  /** '' not answered yet, 'yes' or 'no'. */
  stillEmployed: string
  employmentEndedOn: string
  learnedOn: string
  deadlineDate: string
  deadlineWhat: string
  contact: string
  preferredTimes: string
  migrant: boolean
  hometown: string
  householdSize: string
  income: string
  spending: string
  sudden: string
  attachments: AttachedFile[]
}

export const EMPTY_LEGAL_DRAFT: LegalDraft = {
  category: '',
  story: '',
  employer: '',
  amount: '',
  stillEmployed: '',
  employmentEndedOn: '',
  learnedOn: '',
  deadlineDate: '',
  deadlineWhat: '',
  contact: '',
  preferredTimes: '',
  migrant: false,
  hometown: '',
  householdSize: '',
  income: '',
  spending: '',
  sudden: '',
  attachments: [],
}
