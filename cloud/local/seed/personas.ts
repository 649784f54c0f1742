import type { Role, Service } from '../../../types/roles'
import { SERVICES } from '../../../types/roles'
import { idCheckChar } from '../../domain/identity/idNumber'

/** The dev personas of ARCHITECTURE.md: log in with the code `dev:<name>` in dev mode. */
export interface Persona {
  code: string
  openid: string
  label: string
  description: string
  roles: Role[]
  services: Service[]
  employerId?: string
  profile?: { name: string; mobile: string; idNumber: string; employer: string; unionMember: boolean }
}

const id = (first17: string) => first17 + idCheckChar(first17)

export const DEMO_EMPLOYER_ID = 'demo-employer-1'

export const PERSONAS: Persona[] = [
  {
    code: 'dev:worker',
    openid: 'dev-worker',
    label: '张建国',
    description: '快递员，已实名，工会会员',
    roles: ['worker'],
    services: [],
    profile: {
      name: '张建国',
      mobile: '13857712345',
      idNumber: id('33030219850315123'),
      employer: '温州鹿城顺达快递有限公司',
      unionMember: true,
    },
  },
  { code: 'dev:worker2', openid: 'dev-worker2', label: '李秀英', description: '保洁员，未实名', roles: ['worker'], services: [] },
  {
    code: 'dev:volunteer',
    openid: 'dev-volunteer',
    label: '王志愿',
    description: '工会志愿者，服务所有业务',
    roles: ['worker', 'volunteer'],
    services: [...SERVICES],
    // Real-named, so that 我的 and the home page greet the volunteer by name.
    profile: {
      name: '王志愿',
      mobile: '13967788765',
      idNumber: id('33030219900808662'),
      employer: '鹿城区总工会',
      unionMember: false,
    },
  },
  {
    code: 'dev:hr',
    openid: 'dev-hr',
    label: '陈人事',
    description: '企业HR（温州鹿城顺达快递有限公司）',
    roles: ['worker', 'hr'],
    services: [],
    employerId: DEMO_EMPLOYER_ID,
  },
  { code: 'dev:admin', openid: 'dev-admin', label: '林管理', description: '工会管理员', roles: ['worker', 'admin'], services: [] },
  {
    code: 'dev:lawyer',
    openid: 'dev-lawyer',
    label: '赵律师',
    description: '法援律师团成员，只看指派给自己的案件',
    roles: ['worker', 'lawyer'],
    services: [],
    profile: {
      name: '赵明',
      mobile: '13906771234',
      idNumber: id('33030219780612203'),
      employer: '浙江鹿城律师事务所',
      unionMember: false,
    },
  },
]
