import { Map, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { INDUSTRY_NAMES } from '@/types/jobs'
import type { JobDetail, MyResume } from '@/types/jobsViews'
import { api } from '../../../api'
import { askToNotifyByWeChat } from '../../../api/subscribe'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { openMap } from '../../../utils/openMap'
import { useLoad, type Load } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { ApplicationStatusTag, BenefitTags, salaryText, VerifiedBadge } from '../parts'

const MARKER_ICON = '/assets/marker.png'

export default function JobPage() {
  const id = useRouter().params.id ?? ''
  const job = useLoad(() => api.jobs.job({ jobId: id }), { deps: [id], onShow: true })
  // The résumé it would go out with: a part of the page, again after the worker edits it.
  const resume = useLoad(() => api.jobs.myResume({}), { onShow: true })
  useShareAppMessage(() => ({ title: job.data ? `${job.data.title} · ${job.data.employer.name}` : '就业招聘', path: routes.job(id) }))
  return (
    <PageShell className="job-detail">
      <Loadable load={job} rows={8}>
        {(j) => <JobView job={j} resume={resume} reload={job.reload} />}
      </Loadable>
    </PageShell>
  )
}

function JobView({ job, resume, reload }: { job: JobDetail; resume: Load<MyResume>; reload(): Promise<void> }) {
  const { submit, busy } = useSubmit()
  const { lat, lng } = job.location

  async function apply() {
    const { confirm } = await Taro.showModal({
      title: '投递简历',
      content: `把您的简历投给${job.employer.name}？企业邀请您面试后才能看到您的手机号。`,
      confirmText: '投递',
    })
    if (!confirm) return
    // Asked on the tap itself, as WeChat requires.
    const notifyByWeChat = await askToNotifyByWeChat()
    const done = await submit((requestId) => api.jobs.apply({ jobId: job._id, notifyByWeChat }, { requestId }))
    if (!done) return
    Taro.showToast({ title: '已投递', icon: 'success' })
    reload()
  }

  const navigate = () => openMap({ lat, lng, name: job.employer.name, address: job.address }).catch(() => Taro.showToast({ title: '无法打开地图', icon: 'none' }))

  return (
    <>
      <View className="section">
        <Text className="section-title job-detail-title">{job.title}</Text>
        <Text className="job-salary">{salaryText(job.salaryMinFen, job.salaryMaxFen)}</Text>
        <View className="row job-employer">
          <Text>{job.employer.name}</Text>
          <VerifiedBadge verified={job.employer.verified} />
        </View>
        <Text className="job-line">
          {INDUSTRY_NAMES[job.employer.industry]} · 招{job.headcount}人 · {job.closingDate} 截止
          {job.demo ? ' · 演示数据' : ''}
        </Text>
        <BenefitTags benefits={job.benefits} />
        {!job.open && <Text className="note">这个岗位已经停止招聘。</Text>}
      </View>

      <View className="section">
        <Text className="section-title">岗位要求</Text>
        <Text className="text-block job-requirements">{job.requirements}</Text>
      </View>

      <View className="section">
        <Cell title="工作地点" description={job.address} />
        {process.env.TARO_ENV === 'weapp' && (
          <Map
            className="job-map"
            style={{ width: '100%', height: '360rpx' }}
            latitude={lat}
            longitude={lng}
            scale={15}
            markers={[{ id: 0, latitude: lat, longitude: lng, title: job.employer.name, iconPath: MARKER_ICON, width: 24, height: 24 }]}
            onError={() => undefined}
          />
        )}
        <View className="actions">
          <Button className="navigate" onClick={navigate}>
            导航前往
          </Button>
        </View>
      </View>

      {job.fair && (
        <View className="section">
          <Cell
            title={job.fair.title}
            description={`${formatTime(job.fair.startsAt)} 开始，可到招聘会现场面谈`}
            className="job-fair"
            clickable
            onClick={() => Taro.navigateTo({ url: routes.jobsFair(job.fair!._id) })}
          />
        </View>
      )}

      <View className="section apply-part">
        {job.myApplication ? (
          <>
            <View className="row">
              <Text>我的申请</Text>
              <ApplicationStatusTag status={job.myApplication.status} />
            </View>
            <View className="actions">
              <Button type="primary" className="open-application" onClick={() => Taro.navigateTo({ url: routes.jobsApplication(job.myApplication!._id) })}>
                查看进展
              </Button>
            </View>
            {/* Withdrawn, the worker may apply again while the job is open (the withdraw dialog says so). */}
            {job.myApplication.status === 'withdrawn' && job.open && <ApplyPart resume={resume} busy={busy} onApply={apply} again />}
          </>
        ) : job.open ? (
          <ApplyPart resume={resume} busy={busy} onApply={apply} />
        ) : null}
      </View>
    </>
  )
}

function ApplyPart({ resume, busy, onApply, again = false }: { resume: Load<MyResume>; busy: boolean; onApply(): void; again?: boolean }) {
  return (
    <RealNameFirst because="投递简历要先实名认证：简历上的姓名和年龄来自实名信息。">
      <Loadable load={resume} part="我的简历">
        {(mine) =>
          mine.resume ? (
            <>
              <Text className="muted">
                将投递：{mine.name} · {mine.age}岁 · 手机 {mine.resume.phoneMasked}
              </Text>
              <View className="actions">
                <Button type="primary" block loading={busy} className="apply" onClick={onApply}>
                  {again ? '重新投递' : '投递简历'}
                </Button>
                <Button size="small" className="edit-resume" onClick={() => Taro.navigateTo({ url: routes.jobsResume })}>
                  修改简历
                </Button>
              </View>
            </>
          ) : (
            <>
              <Text className="muted">还没有简历，填好后就能投递。</Text>
              <View className="actions">
                <Button type="primary" block className="write-resume" onClick={() => Taro.navigateTo({ url: routes.jobsResume })}>
                  填写我的简历
                </Button>
              </View>
            </>
          )
        }
      </Loadable>
    </RealNameFirst>
  )
}
