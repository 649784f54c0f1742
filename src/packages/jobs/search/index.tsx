import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Checkbox, Input, Radio } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { BENEFITS, BENEFIT_NAMES, DEFAULT_RADIUS_KM, INDUSTRIES, INDUSTRY_NAMES, JOB_SORTS, JOB_SORT_NAMES, SEARCH_RADII_KM, type Benefit, type Industry, type JobSort } from '@/types/jobs'
import { api } from '../../../api'
import { PagedList } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { useSession } from '../../../stores/session'
import { yuanToFen } from '../../../utils/money'
import { useHere } from '../../../utils/useHere'
import { usePaged } from '../../../utils/useLoad'
import { JobCard } from '../parts'

interface Filters {
  keyword: string
  minSalaryYuan: string
  industry: Industry | ''
  benefits: Benefit[]
  withinKm: (typeof SEARCH_RADII_KM)[number]
  sort: JobSort
}

const NONE: Filters = { keyword: '', minSalaryYuan: '', industry: '', benefits: [], withinKm: DEFAULT_RADIUS_KM, sort: 'distance' }

/** 就业招聘: jobs near the worker, found by words, trade, pay and benefits; fairs, applications and the résumé one tap away. */
export default function JobSearchPage() {
  useSignedIn()
  const here = useHere()
  // What is typed, and what the list was last searched with (搜索 applies the typed words and pay).
  const [typed, setTyped] = useState<Filters>(NONE)
  const [applied, setApplied] = useState<Filters>(NONE)
  const [showFilters, setShowFilters] = useState(false)

  const minSalaryFen = applied.minSalaryYuan.trim() ? yuanToFen(applied.minSalaryYuan) : undefined
  const list = usePaged(
    (cursor) =>
      api.jobs.search({
        keyword: applied.keyword.trim() || undefined,
        minSalaryFen,
        industry: applied.industry || undefined,
        benefits: applied.benefits,
        withinKm: applied.withinKm,
        sort: applied.sort,
        lat: here!.lat,
        lng: here!.lng,
        limit: 20,
        cursor,
      }),
    { deps: [here, applied], when: here !== null },
  )

  const set = (change: Partial<Filters>) => setTyped((f) => ({ ...f, ...change }))
  // Choices take effect at once; typed words and pay on 搜索.
  const choose = (change: Partial<Filters>) => {
    set(change)
    setApplied((f) => ({ ...f, ...change }))
  }
  const search = () => setApplied(typed)
  const activeCount = (applied.industry ? 1 : 0) + applied.benefits.length + (applied.minSalaryYuan.trim() ? 1 : 0)
  // An HR contact comes here for the console: it is at the top for them, the code at the bottom for others.
  const isHr = useSession((s) => s.me?.roles.includes('hr') ?? false)

  return (
    <PageShell className="job-search">
      <View className="section">
        <View className="row">
          <Input className="search-keyword" value={typed.keyword} onChange={(keyword) => set({ keyword })} placeholder="岗位、企业或要求，如：快递 分拣" confirmType="search" onConfirm={search} />
          <Button type="primary" size="small" className="search-submit" onClick={search}>
            搜索
          </Button>
        </View>
        <View className="row job-links">
          <Button size="small" className="open-fairs" onClick={() => Taro.navigateTo({ url: routes.jobsFairs })}>
            春风行动招聘会
          </Button>
          <Button size="small" className="open-mine" onClick={() => Taro.navigateTo({ url: routes.jobsMine })}>
            我的求职
          </Button>
          <Button size="small" className="open-resume" onClick={() => Taro.navigateTo({ url: routes.jobsResume })}>
            我的简历
          </Button>
          {isHr && (
            <Button size="small" type="primary" className="open-hr" onClick={() => Taro.navigateTo({ url: routes.hrJobs })}>
              招聘管理
            </Button>
          )}
        </View>
      </View>

      {here && !here.located && <Text className="note location-note">未获取到您的位置，按鹿城区中心计算距离</Text>}

      <View className="section filter-bar">
        <Text className="field-label">离我多远</Text>
        <Radio.Group className="jobs-choices filter-radius" direction="horizontal" value={applied.withinKm} onChange={(v) => choose({ withinKm: Number(v) as Filters['withinKm'] })}>
          {SEARCH_RADII_KM.map((km) => (
            <Radio key={km} value={km} shape="button" className={`radius-${km}`}>
              {km}公里内
            </Radio>
          ))}
        </Radio.Group>
        <Text className="field-label">排序</Text>
        <Radio.Group className="jobs-choices filter-sort" direction="horizontal" value={applied.sort} onChange={(v) => choose({ sort: v as JobSort })}>
          {JOB_SORTS.map((s) => (
            <Radio key={s} value={s} shape="button" className={`sort-${s}`}>
              {JOB_SORT_NAMES[s]}
            </Radio>
          ))}
        </Radio.Group>
        <View className="actions">
          <Button size="small" className="filter-toggle" onClick={() => setShowFilters(!showFilters)}>
            {showFilters ? '收起筛选' : `更多筛选${activeCount ? `（${activeCount}）` : ''}`}
          </Button>
        </View>
        {showFilters && (
          <View className="filter-panel">
            <Text className="field-label">月薪至少（元）</Text>
            <View className="row">
              <Input className="filter-min-salary" type="number" value={typed.minSalaryYuan} onChange={(minSalaryYuan) => set({ minSalaryYuan })} placeholder="如：6000，不填不限" />
              <Button
                size="small"
                type="primary"
                className="filter-apply"
                onClick={() => {
                  search()
                  // The results are under the panel: fold it so the worker sees what changed.
                  setShowFilters(false)
                }}
              >
                确定
              </Button>
            </View>
            <Text className="field-label">行业</Text>
            <Radio.Group className="jobs-choices filter-industry" direction="horizontal" value={applied.industry} onChange={(v) => choose({ industry: v as Industry | '' })}>
              <Radio value="" shape="button">
                不限
              </Radio>
              {INDUSTRIES.map((i) => (
                <Radio key={i} value={i} shape="button" className={`industry-${i}`}>
                  {INDUSTRY_NAMES[i]}
                </Radio>
              ))}
            </Radio.Group>
            <Text className="field-label">福利（都要有）</Text>
            <Checkbox.Group className="jobs-choices filter-benefits" direction="horizontal" value={applied.benefits} onChange={(v) => choose({ benefits: v as Benefit[] })}>
              {BENEFITS.map((b) => (
                <Checkbox key={b} shape="button" value={b} label={BENEFIT_NAMES[b]} className={`benefit-${b}`} />
              ))}
            </Checkbox.Group>
          </View>
        )}
      </View>

      <PagedList list={list} cards className="job-list" empty="附近没有符合条件的岗位，试试扩大距离或减少筛选条件">
        {(job) => <JobCard key={job._id} job={job} onOpen={() => Taro.navigateTo({ url: routes.job(job._id) })} />}
      </PagedList>

      {!isHr && (
        <View className="section">
          <Button block size="small" className="open-join" onClick={() => Taro.navigateTo({ url: routes.jobsJoin })}>
            我是企业招聘联系人（输入邀请码）
          </Button>
        </View>
      )}
    </PageShell>
  )
}
