import type { Db } from '../cloud/db/types'
import { creditCodeCheckChar, CREDIT_CODE_CHARS } from '../cloud/domain/jobs/creditCode'
import { closesAtOf } from '../cloud/domain/jobs/visibility'
import { formatShanghai } from '../cloud/domain/time'
import type { EmployerRecord, JobRecord } from '../cloud/functions/jobs/records'
import { BENEFITS, INDUSTRIES, type Benefit, type Industry } from '../types/jobs'

const DAY = 24 * 60 * 60 * 1000

/** Job titles by trade, and words their requirements are written with: what a worker types. */
const TITLES: Partial<Record<Industry, string[]>> = {
  C: ['普工', '缝纫工', '质检员', '包装工', '电焊工', '机修工'],
  E: ['钢筋工', '木工', '水电工', '架子工'],
  F: ['理货员', '收银员', '导购', '配送员'],
  G: ['快递员', '分拣员', '货车司机', '叉车司机', '仓库管理员'],
  H: ['厨师', '服务员', '洗碗工', '外卖骑手'],
  N: ['保洁员', '绿化工', '环卫车司机'],
  O: ['保安', '家政服务员', '维修工'],
}
const WORDS = ['夜班', '白班', '吃苦耐劳', '有经验优先', '电动车', '驾驶证', '计件', '包吃住', '五险一金', '身体健康', '熟悉鹿城道路', '会用扫码枪']
export const KEYWORDS = Object.values(TITLES).flat().map((t) => t.slice(0, 2))

/** A deterministic random stream, so every run measures the same data and questions. */
function stream(seed: number) {
  let s = seed
  return () => (s = (s * 16807) % 2147483647) / 2147483647
}

function creditCode(i: number): string {
  const body = `91330302MA${String(i).padStart(5, '0')}`
  const first17 = body + CREDIT_CODE_CHARS[i % 31] + CREDIT_CODE_CHARS[(i * 7) % 31]
  return first17 + creditCodeCheckChar(first17)
}

/**
 * `employers` verified employers and `count` published jobs spread over Lucheng and its edges
 * (ids `bench-*`), in one transaction each, written as the jobs function writes them.
 */
export async function addBenchJobs(db: Db, employers: number, count: number, now: number) {
  const rand = stream(11)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const trades = Object.keys(TITLES) as Industry[]
  const made: EmployerRecord[] = Array.from({ length: employers }, (_, i) => {
    const lat = 27.96 + rand() * 0.14
    const lng = 120.52 + rand() * 0.24
    return {
      _id: `bench-employer-${i}`,
      name: `温州鹿城测试${i}号有限公司`,
      creditCode: creditCode(i),
      industry: i < trades.length * 60 ? trades[i % trades.length] : pick(INDUSTRIES),
      address: `温州市鹿城区测试路${i}号`,
      location: { type: 'Point', coordinates: [lng, lat] },
      contactName: '联系人',
      contactPhone: '0577-88000000',
      status: 'verified',
      verifiedAt: now,
      createdAt: now,
      updatedAt: now,
    }
  })
  await db.runTransaction(async (tx) => {
    for (const e of made) await tx.collection<EmployerRecord>('employers').add({ data: e })
  })
  const closingDate = formatShanghai(now + 60 * DAY, 'YYYY-MM-DD')
  const jobs: JobRecord[] = Array.from({ length: count }, (_, i) => {
    const employer = made[i % employers]
    const title = pick(TITLES[employer.industry] ?? ['普工'])
    const min = 3000 + Math.floor(rand() * 60) * 100
    const benefits = BENEFITS.filter(() => rand() < 0.3) as Benefit[]
    const lat = employer.location.coordinates[1] + (rand() - 0.5) * 0.02
    const lng = employer.location.coordinates[0] + (rand() - 0.5) * 0.02
    const publishedAt = now - Math.floor(rand() * 30 * DAY)
    return {
      _id: `bench-job-${i}`,
      employerId: employer._id,
      employerName: employer.name,
      industry: employer.industry,
      title,
      headcount: 1 + Math.floor(rand() * 20),
      salaryMinFen: min * 100,
      salaryMaxFen: Math.floor(min * (1 + rand())) * 100,
      requirements: Array.from({ length: 5 }, () => pick(WORDS)).join('，') + '。',
      benefits,
      address: employer.address,
      location: { type: 'Point', coordinates: [lng, lat] },
      lat,
      lng,
      closingDate,
      closesAt: closesAtOf(closingDate),
      status: 'published',
      listed: true,
      publishedAt,
      createdBy: 'bench',
      createdAt: publishedAt,
      updatedAt: publishedAt,
    }
  })
  await db.runTransaction(async (tx) => {
    for (const j of jobs) await tx.collection<JobRecord>('jobs').add({ data: j })
  })
}

/** "A worker somewhere in Lucheng looks for <word> in <trade>, at least <pay> a month, near me": the search. */
export function jobSearchQueries(n: number) {
  const rand = stream(23)
  const trades = Object.keys(TITLES) as Industry[]
  return Array.from({ length: n }, () => {
    const industry = trades[Math.floor(rand() * trades.length)]
    const titles = TITLES[industry]!
    return {
      keyword: titles[Math.floor(rand() * titles.length)].slice(0, 2),
      industry,
      minSalaryFen: (4000 + Math.floor(rand() * 30) * 100) * 100,
      lat: 27.99 + rand() * 0.07,
      lng: 120.58 + rand() * 0.14,
      withinKm: 10,
      limit: 20,
    }
  })
}
