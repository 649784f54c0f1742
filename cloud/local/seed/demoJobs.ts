import type { Benefit, Industry } from '../../../types/jobs'
import { industryOf, statusOf } from '../../domain/jobs/employer'
import { closesAtOf } from '../../domain/jobs/visibility'
import { formatShanghai, shanghaiMidnight } from '../../domain/time'
import type { Db } from '../../db/types'
import type { EmployerRecord, FairRecord, JobRecord } from '../../functions/jobs/records'
import { DEMO_EMPLOYER_ID } from './personas'

const DAY_MS = 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

export const DEMO_EMPLOYER_2_ID = 'demo-employer-2'
export const DEMO_FAIR_ID = 'demo-fair-1'

const point = (lat: number, lng: number) => ({ type: 'Point' as const, coordinates: [lng, lat] as [number, number] })

/** The demo employers, complete: a valid GB 32100 code (made up, with its check character), address, place, trade. */
export function demoEmployers(now: number): EmployerRecord[] {
  return [
    {
      _id: DEMO_EMPLOYER_ID,
      name: '温州鹿城顺达快递有限公司',
      creditCode: '91330302MA2HL8QD19',
      industry: 'G',
      address: '温州市鹿城区车站大道577号',
      location: point(28.0125, 120.662),
      contactName: '陈经理',
      contactPhone: '0577-88123456',
      status: 'verified',
      verifiedAt: now,
      demo: true,
      createdAt: now,
      updatedAt: now,
    },
    {
      _id: DEMO_EMPLOYER_2_ID,
      name: '温州瓯江环境服务有限公司',
      creditCode: '91330302MA2CJ7YK5A',
      industry: 'N',
      address: '温州市鹿城区南汇街道锦江路88号',
      location: point(27.9986, 120.6832),
      contactName: '周主管',
      contactPhone: '0577-88654321',
      status: 'verified',
      verifiedAt: now,
      demo: true,
      createdAt: now,
      updatedAt: now,
    },
  ]
}

/**
 * What a demo employer document lacks, taken from the demo data: a data folder seeded before the
 * jobs service gets the code, address, place and state, and an industry written as its name becomes
 * its section — while anything an admin set stays as it is.
 */
export function missingEmployerFields(stored: Record<string, unknown>, demo: EmployerRecord): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(demo)) if (key !== '_id' && stored[key] === undefined) patch[key] = value
  if (stored.status === undefined) patch.status = statusOf(stored)
  const industry = industryOf(stored.industry)
  if (stored.industry !== undefined && industry !== undefined && industry !== stored.industry) patch.industry = industry
  return patch
}

interface DemoJob {
  id: string
  employer: EmployerRecord
  title: string
  headcount: number
  salary: [number, number]
  requirements: string
  benefits: Benefit[]
  place?: { address: string; lat: number; lng: number }
  atFair?: boolean
}

/** Six published jobs of the two demo employers around Lucheng, open for 90 days from the first seeding. */
export function demoJobs(now: number): JobRecord[] {
  const [express, cleaning] = demoEmployers(now)
  const closingDate = formatShanghai(now + 90 * DAY_MS, 'YYYY-MM-DD')
  const jobs: DemoJob[] = [
    { id: 'demo-job-1', employer: express, title: '快递分拣员', headcount: 10, salary: [5500, 7500], requirements: '18–50岁，身体健康，能适应夜班分拣；计件工资，多劳多得。', benefits: ['room_board', 'insurance', 'overtime_pay'], atFair: true },
    { id: 'demo-job-2', employer: express, title: '快递派送员', headcount: 8, salary: [6500, 9500], requirements: '会骑电动车，熟悉鹿城区道路，有快递或外卖经验优先。', benefits: ['meals', 'insurance', 'transport'], place: { address: '温州市鹿城区五马街道解放路180号营业部', lat: 28.0201, lng: 120.6552 }, atFair: true },
    { id: 'demo-job-3', employer: express, title: '仓库叉车司机', headcount: 2, salary: [7000, 9000], requirements: '持有叉车操作证（N1），两年以上仓库工作经验。', benefits: ['housing', 'insurance', 'bonus'], place: { address: '温州市鹿城区藤桥镇物流园3号仓', lat: 28.0652, lng: 120.5701 } },
    { id: 'demo-job-4', employer: cleaning, title: '道路保洁员', headcount: 20, salary: [3800, 4500], requirements: '60岁以下，身体健康，责任心强；早班5:00开始。', benefits: ['meals', 'insurance', 'paid_leave'], atFair: true },
    { id: 'demo-job-5', employer: cleaning, title: '环卫车驾驶员', headcount: 3, salary: [6000, 7500], requirements: '持B2及以上驾驶证，三年以上驾龄，无重大事故记录。', benefits: ['insurance', 'weekends', 'bonus'] },
    { id: 'demo-job-6', employer: cleaning, title: '公园绿化养护工', headcount: 5, salary: [4200, 5200], requirements: '会使用割草机等园林工具，有绿化养护经验优先，提供岗前培训。', benefits: ['room_board', 'training'], place: { address: '温州市鹿城区江心屿景区管理处', lat: 28.0348, lng: 120.6608 } },
  ]
  return jobs.map((j, i) => {
    const place = j.place ?? { address: j.employer.address, lat: j.employer.location.coordinates[1], lng: j.employer.location.coordinates[0] }
    const publishedAt = now - (i + 1) * HOUR_MS
    const industry: Industry = j.employer.industry
    return {
      _id: j.id,
      employerId: j.employer._id,
      employerName: j.employer.name,
      industry,
      title: j.title,
      headcount: j.headcount,
      salaryMinFen: j.salary[0] * 100,
      salaryMaxFen: j.salary[1] * 100,
      requirements: j.requirements,
      benefits: j.benefits,
      address: place.address,
      location: point(place.lat, place.lng),
      lat: place.lat,
      lng: place.lng,
      ...(j.atFair ? { fairId: DEMO_FAIR_ID } : {}),
      closingDate,
      closesAt: closesAtOf(closingDate),
      status: 'published',
      listed: true,
      publishedAt,
      createdBy: 'seed',
      demo: true,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    }
  })
}

/** One 春风行动 fair a week after the first seeding, 9:00–12:00 at the district's workers' centre. */
export function demoFair(now: number): FairRecord {
  const day = formatShanghai(now + 7 * DAY_MS, 'YYYY-MM-DD')
  const startsAt = shanghaiMidnight(day) + 9 * HOUR_MS
  return {
    _id: DEMO_FAIR_ID,
    title: `${day.slice(0, 4)}春风行动·鹿城专场招聘会`,
    kind: 'onsite',
    startsAt,
    endsAt: startsAt + 3 * HOUR_MS,
    organiser: '鹿城区总工会',
    description: '快递物流、环卫保洁、制造业等企业现场招聘，提供政策咨询和职工权益服务。请带好身份证。',
    venue: '鹿城区职工服务中心一楼大厅',
    address: '温州市鹿城区人民东路88号',
    location: point(28.0172, 120.6631),
    capacity: 300,
    seatsLeft: 300,
    signedUp: 0,
    employerIds: [DEMO_EMPLOYER_ID, DEMO_EMPLOYER_2_ID],
    status: 'open',
    demo: true,
    createdBy: 'seed',
    createdAt: now,
    updatedAt: now,
  }
}

/** Fills what the stored demo employers lack; answers how many documents it changed. */
export async function completeDemoEmployers(db: Db, now: number): Promise<number> {
  let changed = 0
  for (const demo of demoEmployers(now)) {
    const { data } = await db.collection<EmployerRecord>('employers').doc(demo._id).get()
    if (!data) continue
    const patch = missingEmployerFields(data as unknown as Record<string, unknown>, demo)
    if (Object.keys(patch).length === 0) continue
    await db.collection('employers').doc(demo._id).update({ data: patch })
    changed++
  }
  return changed
}
