export * from './envelope'
export * from './roles'
export * from './users'
export * from './stations'
export * from './childcare'
export * from './aid'
export * from './cases'
export * from './files'
export * from './medical'
export * from './mydata'
export * from './requests'
export * from './services'
export * from './jobs'
export * from './jobsViews'
export * from './legal'
export * from './figures'

import type { UsersContract } from './users'
import type { StationsContract } from './stations'
import type { ChildcareContract } from './childcare'
import type { AidContract } from './aid'
import type { FilesContract } from './files'
import type { MedicalContract } from './medical'
import type { MydataContract } from './mydata'
import type { JobsContract } from './jobsViews'
import type { LegalContract } from './legal'
import type { FiguresContract } from './figures'

/** Every cloud function and its action map: the one contract both ends are typed from. */
export interface Functions {
  users: UsersContract
  stations: StationsContract
  childcare: ChildcareContract
  aid: AidContract
  medical: MedicalContract
  legal: LegalContract
  figures: FiguresContract
  files: FilesContract
  mydata: MydataContract
  jobs: JobsContract
}
export type FunctionName = keyof Functions
