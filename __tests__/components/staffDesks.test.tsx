import { deskLinksOf } from '../../src/components/StaffDesks'
import type { Me } from '../../types/users'

const person = (roles: Me['roles'], services: Me['services'] = []): Me => ({
  openid: 'u1',
  roles,
  services,
  realNamed: true,
  profile: null,
  consents: {},
  consentsDue: [],
  unread: 0,
})

describe('我的 → 工作台, from the service manifest', () => {
  const titles = (me: Me) => deskLinksOf(me).map((l) => l.title)

  it('offers a worker nothing', () => {
    expect(titles(person(['worker']))).toEqual([])
  })

  it("offers a volunteer their services' staff pages and the desk of their case services only", () => {
    expect(titles(person(['worker', 'volunteer'], ['stations']))).toEqual(['阵地管理', '数据看板'])
    const aid = deskLinksOf(person(['worker', 'volunteer'], ['aid']))
    expect(aid.map((l) => l.title)).toEqual(['办件台', '数据看板'])
    expect(aid[0].description).toBe('困难帮扶申请：受理、补充材料、审批、发放')
  })

  it('offers an admin every staff page, the desk of every case service and the policy texts', () => {
    expect(titles(person(['worker', 'admin']))).toEqual(['阵地管理', '托班管理', '帮扶项目设置', '医疗互助设置', '法律援助办件台', '我负责的法援案件', '法律援助设置', '企业与招聘会', '注销申请', '办件台', '数据看板', '协议文本'])
  })

  it('offers a lawyer of the panel their own cases only, and a legal volunteer the legal desk (not the shared one)', () => {
    expect(titles(person(['worker', 'lawyer']))).toEqual(['我负责的法援案件'])
    expect(titles(person(['worker', 'volunteer'], ['legal']))).toEqual(['法律援助办件台', '我负责的法援案件', '数据看板'])
  })

  it('offers the figures to admins and to volunteers of any service, never to a lawyer, an HR contact or a worker', () => {
    expect(deskLinksOf(person(['worker', 'admin'])).find((l) => l.title === '数据看板')?.url).toBe('/packages/figures/dashboard/index')
    for (const who of [person(['worker']), person(['worker', 'lawyer']), person(['worker', 'hr']), person(['worker', 'volunteer'], [])]) expect(titles(who)).not.toContain('数据看板')
  })

  it("offers an employer's HR contact the HR console, and nothing of the union's desks", () => {
    const hr = deskLinksOf(person(['worker', 'hr']))
    expect(hr.map((l) => [l.title, l.url])).toEqual([['招聘管理', '/packages/hr/jobs/index']])
  })
})
