import type { AttachedFile } from '../../components/CaseFormParts'

/**
 * The hardship-aid application as the worker left it (household, income, bank card: personal
 * data); amounts in yuan as typed.
 */
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
  attachments: AttachedFile[]
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
