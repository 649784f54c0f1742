import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Cell, Radio } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { APPLICATION_STATUSES, APPLICATION_STATUS_NAMES, JOB_STATUS_NAMES, type ApplicationStatus } from '@/types/jobs'
import type { ApplicantRow } from '@/types/jobsViews'
import { api } from '../../../api'
import { Loadable, LoadMore } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { formatYuan } from '../../../utils/money'
import { usePaged } from '../../../utils/useLoad'
import { ApplicationStatusTag } from '../../jobs/parts'

function lineOf(a: ApplicantRow): string {
  const parts = [`手机 ${a.phoneMasked}`]
  if (a.expectedSalaryFen !== undefined) parts.push(`期望 ${formatYuan(a.expectedSalaryFen, { cents: false })}`)
  if (a.interviewAt) parts.push(`面试 ${formatTime(a.interviewAt)}${a.confirmed ? '（已确认）' : '（待确认）'}`)
  else parts.push(`投递于 ${formatTime(a.appliedAt)}`)
  return parts.join(' · ')
}

/** The applicants of one job, by state, the name and phone masked; a tap opens the résumé. */
export default function HrApplicantsPage() {
  useSignedIn()
  const jobId = useRouter().params.jobId ?? ''
  const [status, setStatus] = useState<ApplicationStatus | ''>('')
  const list = usePaged((cursor) => api.jobs.applicants({ jobId, status: status || undefined, cursor, limit: 20 }), { deps: [jobId, status], onShow: true })
  return (
    <PageShell className="hr-applicants">
      <Loadable load={list} rows={6}>
        {(page) => {
          const total = APPLICATION_STATUSES.reduce((n, s) => n + page.counts[s], 0)
          return (
            <>
              <View className="section">
                <Text className="section-title applicants-job">
                  {page.job.title}（{JOB_STATUS_NAMES[page.job.status]}）
                </Text>
                <Radio.Group className="jobs-choices applicant-filter" direction="horizontal" value={status} onChange={(v) => setStatus(v as ApplicationStatus | '')}>
                  <Radio value="" shape="button" className="filter-all">
                    全部({total})
                  </Radio>
                  {APPLICATION_STATUSES.map((s) => (
                    <Radio key={s} value={s} shape="button" className={`filter-${s}`}>
                      {APPLICATION_STATUS_NAMES[s]}({page.counts[s]})
                    </Radio>
                  ))}
                </Radio.Group>
              </View>
              {page.items.length === 0 ? (
                <Text className="empty-note">还没有应聘者</Text>
              ) : (
                <View className="section applicant-list">
                  {page.items.map((a) => (
                    <Cell
                      key={a._id}
                      className="applicant-item"
                      title={`${a.nameMasked} · ${a.age}岁`}
                      description={lineOf(a)}
                      extra={<ApplicationStatusTag status={a.status} />}
                      clickable
                      onClick={() => Taro.navigateTo({ url: routes.hrApplication(a._id) })}
                    />
                  ))}
                  <LoadMore list={list} />
                </View>
              )}
              <Text className="note">手机号在您邀请面试后显示；每次查看简历都会记录，求职者可以查询。</Text>
            </>
          )
        }}
      </Loadable>
    </PageShell>
  )
}
