import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { OPEN_SERVICES, pageUrl, SERVICE_MANIFEST, SHARED_DESK_SERVICES, type ServiceEntry } from '@/types/services'
import type { Me } from '@/types/users'
import { isStaffOf } from '../stores/session'
import { routes } from '../routes'

interface DeskLink {
  key: string
  title: string
  description: string
  url: string
  className?: string
}

/** What 我的 → 工作台 offers this person: each service's staff pages from the manifest, the desk, and for admins the policy texts. */
export function deskLinksOf(me: Me | null): DeskLink[] {
  if (!me) return []
  const admin = me.roles.includes('admin')
  const links: DeskLink[] = []
  for (const service of OPEN_SERVICES) {
    const entry: ServiceEntry = SERVICE_MANIFEST[service]
    for (const page of entry.staffPages ?? []) {
      const lawyer = page.who === 'lawyer' && me.roles.includes('lawyer')
      if (page.who === 'admin' ? !admin : !lawyer && !isStaffOf(me, service)) continue
      links.push({ key: `${service}.${page.page}`, title: page.title, description: page.description, url: pageUrl(service, page.page as never), className: page.className })
    }
  }
  if (admin) links.push({ key: 'closings', title: '注销申请', description: '职工自己不能注销的账号，办完相关事项后在这里注销', url: routes.closings, className: 'open-closings' })
  // An employer's HR contact: its console of 就业招聘.
  if (me.roles.includes('hr')) {
    links.push({ key: 'hr', title: '招聘管理', description: '发布岗位、查看应聘者、邀请面试', url: routes.hrJobs, className: 'open-hr' })
  }
  const desks = SHARED_DESK_SERVICES.filter((s) => isStaffOf(me, s))
  if (desks.length > 0) {
    const names = desks.map((s) => SERVICE_MANIFEST[s].name).join('、')
    links.push({ key: 'desk', title: '办件台', description: `${names}申请：受理、补充材料、审批、发放`, url: routes.deskQueue(), className: 'open-desk' })
  }
  // The figures: an admin's of every service, a volunteer's of their own.
  if (admin || OPEN_SERVICES.some((s) => isStaffOf(me, s))) {
    links.push({ key: 'figures', title: '数据看板', description: '服务人次、帮扶和赔付金额、出勤率等统计，可导出Excel', url: routes.figures, className: 'open-figures' })
  }
  if (admin) {
    links.push({ key: 'policies', title: '协议文本', description: '隐私政策和各项信息收集说明：修改文字，或发布新版本请职工重新同意', url: routes.policies, className: 'open-policies' })
  }
  return links
}

export function StaffDesks({ me }: { me: Me | null }) {
  const links = deskLinksOf(me)
  if (links.length === 0) return null
  return (
    <View className="section staff-desks">
      <Text className="section-title">工作台</Text>
      {links.map((link) => (
        <Cell key={link.key} title={link.title} className={link.className} description={link.description} clickable onClick={() => Taro.navigateTo({ url: link.url })} />
      ))}
    </View>
  )
}
