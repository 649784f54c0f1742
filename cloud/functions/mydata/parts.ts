import type { OpenService } from '../../../types/services'
import { casePrivacyPart } from '../../core/cases/privacy'
import type { PersonalDataPart } from '../../core/privacy'
import { aidCaseSpec } from '../aid/cases'
import { childcarePrivacyPart } from '../childcare/privacy'
import { jobsPrivacyPart } from '../jobs/privacy'
import { legalPrivacyPart } from '../legal/privacy'
import { medicalPrivacyPart } from '../medical/privacy'
import { stationsPrivacyPart } from '../stations/privacy'

/** Every open service's part in 我的数据: a service without one does not compile. */
export const PRIVACY_PARTS = {
  stations: stationsPrivacyPart,
  childcare: childcarePrivacyPart,
  aid: casePrivacyPart(aidCaseSpec),
  medical: medicalPrivacyPart,
  legal: legalPrivacyPart,
  jobs: jobsPrivacyPart,
} satisfies Record<OpenService, PersonalDataPart>
