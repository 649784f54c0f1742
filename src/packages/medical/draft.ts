import type { AttachedFile } from '../../components/CaseFormParts'

/** A medical claim as the worker left it (diagnosis, bank card: personal data); the amount in yuan as typed. */
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
  attachments: AttachedFile[]
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
