import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Radio, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { EMPLOYER_STATUS_NAMES, JOB_STATUS_NAMES, type JobStatus } from '@/types/jobs'
import type { HrJob } from '@/types/jobsViews'
import { api } from '../../../api'
import { Loadable, LoadMore } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { usePaged } from '../../../utils/useLoad'
import { salaryText, VerifiedBadge } from '../../jobs/parts'

const STATUSES = Object.keys(JOB_STATUS_NAMES) as JobStatus[]
const STATUS_TAG: Record<JobStatus, 'success' | 'warning' | 'default'> = { published: 'success', draft: 'warning', closed: 'default' }

/** 我的 → 招聘管理: the HR contact's employer and its jobs, with how many applied and how many wait for an answer. */
export default function HrJobsPage() {
  useSignedIn()
  const [status, setStatus] = useState<JobStatus | ''>('')
  const list = usePaged((cursor) => api.jobs.hrJobs({ status: status || undefined, cursor, limit: 20 }), { deps: [status], onShow: true })
  return (
    <PageShell className="hr-jobs">
      <Loadable load={list} rows={6}>
        {(page) => (
          <>
            <View className="section hr-employer">
              <View className="row">
                <Text className="section-title">{page.employer.name}</Text>
                <VerifiedBadge verified={page.employer.status === 'verified'} />
              </View>
              {page.employer.status !== 'verified' && (
                <Text className="note employer-not-verified">
                  企业{EMPLOYER_STATUS_NAMES[page.employer.status]}：岗位可以先保存为草稿，工会认证后才能发布
                  {page.employer.status === 'suspended' ? '；暂停期间不能邀请面试或录用，求职者的手机号也不显示' : ''}。{page.employer.suspendedReason ?? ''}
                </Text>
              )}
              <View className="actions">
                <Button type="primary" className="new-job" onClick={() => Taro.navigateTo({ url: routes.hrEdit() })}>
                  发布新岗位
                </Button>
              </View>
            </View>
            <View className="section">
              <Radio.Group className="jobs-choices job-status-filter" direction="horizontal" value={status} onChange={(v) => setStatus(v as JobStatus | '')}>
                <Radio value="" shape="button">
                  全部
                </Radio>
                {STATUSES.map((s) => (
                  <Radio key={s} value={s} shape="button" className={`filter-${s}`}>
                    {JOB_STATUS_NAMES[s]}
                  </Radio>
                ))}
              </Radio.Group>
            </View>
            {page.items.length === 0 ? <Text className="empty-note">还没有岗位</Text> : page.items.map((job) => <HrJobCard key={job._id} job={job} />)}
            <View className="section">
              <LoadMore list={list} />
            </View>
          </>
        )}
      </Loadable>
    </PageShell>
  )
}

function HrJobCard({ job }: { job: HrJob }) {
  return (
    <View className="list-card job-card hr-job">
      <View className="list-card-head">
        <Text className="job-title">{job.title}</Text>
        <Tag type={STATUS_TAG[job.status]}>{JOB_STATUS_NAMES[job.status]}</Tag>
      </View>
      <Text className="job-salary">{salaryText(job.salaryMinFen, job.salaryMaxFen)}</Text>
      <Text className="job-line">
        招{job.headcount}人 · {job.closingDate} 截止 · 已投递 {job.applicants.total} 人{job.applicants.waiting ? `，${job.applicants.waiting} 人待回复` : ''}
      </Text>
      <View className="actions">
        <Button size="small" type="primary" className="open-applicants" onClick={() => Taro.navigateTo({ url: routes.hrApplicants(job._id) })}>
          应聘者（{job.applicants.total}）
        </Button>
        {job.status !== 'closed' && (
          <Button size="small" className="edit-job" onClick={() => Taro.navigateTo({ url: routes.hrEdit(job._id) })}>
            编辑
          </Button>
        )}
      </View>
    </View>
  )
}
