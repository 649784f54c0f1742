import type { Service } from '@/types/roles'
import { SERVICE_NAMES } from '@/types/roles'
import { routes } from './routes'

/** The six services on the home grid. One not built yet says so and leads nowhere. */
export interface ServiceTile {
  service: Service
  title: string
  hint: string
  /** Where it opens; absent while the service is not open yet. */
  url?: string
  isTab?: boolean
}

export const SERVICE_TILES: ServiceTile[] = [
  { service: 'stations', title: SERVICE_NAMES.stations, hint: '附近驿站 歇脚充电', url: routes.stations, isTab: true },
  { service: 'childcare', title: SERVICE_NAMES.childcare, hint: '暑假寒假 托管孩子', url: routes.childcareClasses },
  { service: 'aid', title: SERVICE_NAMES.aid, hint: '四季帮扶 先测一测', url: routes.aidSelfCheck },
  { service: 'medical', title: SERVICE_NAMES.medical, hint: '住院门诊 互助报销', url: routes.medicalHome },
  { service: 'legal', title: SERVICE_NAMES.legal, hint: '欠薪工伤 免费咨询' },
  { service: 'jobs', title: SERVICE_NAMES.jobs, hint: '招聘会 找工作' },
]
