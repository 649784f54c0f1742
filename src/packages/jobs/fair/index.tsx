import { Map, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Cell, Tag } from '@nutui/nutui-react-taro'
import { INDUSTRY_NAMES } from '@/types/jobs'
import type { FairDetail } from '@/types/jobsViews'
import { api } from '../../../api'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { fairPlaceText, JobCard, placesText, VerifiedBadge } from '../parts'
import { openMap } from '../../../utils/openMap'

const MARKER_ICON = '/assets/marker.png'

export default function FairPage() {
  const id = useRouter().params.id ?? ''
  const fair = useLoad(() => api.jobs.fair({ fairId: id }), { deps: [id], onShow: true })
  useShareAppMessage(() => ({ title: fair.data?.title ?? '春风行动招聘会', path: routes.jobsFair(id) }))
  return (
    <PageShell className="job-fair">
      <Loadable load={fair} rows={8}>
        {(f) => <FairView fair={f} reload={fair.reload} />}
      </Loadable>
    </PageShell>
  )
}

function FairView({ fair, reload }: { fair: FairDetail; reload(): Promise<void> }) {
  const { submit, busy } = useSubmit()
  const signed = fair.mySignUp?.status === 'signed'

  async function signUp() {
    const done = await submit((requestId) => api.jobs.signUpFair({ fairId: fair._id }, { requestId }))
    if (!done) return
    Taro.showToast({ title: '报名成功', icon: 'success' })
    reload()
  }

  async function cancel() {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: '取消后名额会让给别人，开始前还可以再报名。',
      // Plain words on both buttons: "取消 / 确定" reads both ways here.
      confirmText: '取消报名',
      cancelText: '不取消',
    })
    if (!confirm) return
    const done = await submit((requestId) => api.jobs.cancelFairSignUp({ fairId: fair._id }, { requestId }))
    if (done) reload()
  }

  const location = fair.location
  return (
    <>
      <View className="section">
        <View className="row">
          <Text className="section-title fair-title">{fair.title}</Text>
          <Tag type="primary">{fair.kindName}</Tag>
        </View>
        <Text className="job-line">
          {formatTime(fair.startsAt)} 至 {formatTime(fair.endsAt)}
        </Text>
        <Text className="job-line">
          {fairPlaceText(fair)} · 主办：{fair.organiser}
          {fair.demo ? ' · 演示数据' : ''}
        </Text>
        <Text className="job-line fair-places">{placesText(fair)}</Text>
        {fair.description && <Text className="text-block fair-description">{fair.description}</Text>}
      </View>

      {fair.kind === 'onsite' && location && (
        <View className="section">
          {fair.address && <Cell title="地址" description={fair.address} />}
          {process.env.TARO_ENV === 'weapp' && (
            <Map
              className="fair-map"
              style={{ width: '100%', height: '360rpx' }}
              latitude={location.lat}
              longitude={location.lng}
              scale={15}
              markers={[{ id: 0, latitude: location.lat, longitude: location.lng, title: fair.venue ?? fair.title, iconPath: MARKER_ICON, width: 24, height: 24 }]}
              onError={() => undefined}
            />
          )}
          <View className="actions">
            <Button
              className="navigate"
              onClick={() =>
                openMap({ lat: location.lat, lng: location.lng, name: fair.venue ?? fair.title, address: fair.address ?? '' }).catch(() =>
                  Taro.showToast({ title: '无法打开地图', icon: 'none' }),
                )
              }
            >
              导航前往
            </Button>
          </View>
        </View>
      )}

      {fair.link && (
        <View className="section">
          <Cell title={fair.kind === 'live' ? '直播链接' : '参加链接'} description={fair.link} extra="复制" clickable onClick={() => Taro.setClipboardData({ data: fair.link! })} />
        </View>
      )}

      <View className="section fair-signup">
        {fair.started ? (
          <Text className="muted">招聘会已经开始，不能再报名或取消。</Text>
        ) : signed ? (
          <>
            <Text className="fair-signed">您已报名，招聘会前一天会提醒您。</Text>
            <View className="actions">
              <Button loading={busy} className="cancel-signup" onClick={cancel}>
                取消报名
              </Button>
            </View>
          </>
        ) : (
          <RealNameFirst because="报名招聘会要先实名认证。">
            <View className="actions">
              <Button type="primary" block loading={busy} className="sign-up" disabled={fair.capacity !== undefined && fair.seatsLeft === 0} onClick={signUp}>
                {fair.capacity !== undefined && fair.seatsLeft === 0 ? '名额已满' : '报名参加'}
              </Button>
            </View>
          </RealNameFirst>
        )}
      </View>

      {fair.employers.length > 0 && (
        <View className="section fair-employers">
          <Text className="section-title">参会企业（{fair.employers.length}家）</Text>
          {fair.employers.map((e) => (
            <View key={e._id} className="row fair-employer">
              <Text>{e.name}</Text>
              <VerifiedBadge verified={e.verified} />
              <Text className="muted">{INDUSTRY_NAMES[e.industry]}</Text>
            </View>
          ))}
        </View>
      )}

      {fair.jobs.length > 0 && (
        <View className="fair-jobs">
          <Text className="section-title list-title">会上招聘的岗位</Text>
          {fair.jobs.map((job) => (
            <JobCard key={job._id} job={job} onOpen={() => Taro.navigateTo({ url: routes.job(job._id) })} />
          ))}
        </View>
      )}
    </>
  )
}
