import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell } from '@nutui/nutui-react-taro'
import { api } from '../../../api'
import { PagedList } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { usePaged } from '../../../utils/useLoad'
import { ApplicationStatusTag, interviewText } from '../parts'

/** 我的求职: every application, an interview waiting for an answer marked; the résumé one tap away. */
export default function MyApplicationsPage() {
  useSignedIn()
  const list = usePaged((cursor) => api.jobs.myApplications({ cursor, limit: 20 }), { onShow: true })
  return (
    <PageShell className="job-mine">
      <View className="section">
        <View className="actions">
          <Button size="small" className="open-resume" onClick={() => Taro.navigateTo({ url: routes.jobsResume })}>
            我的简历
          </Button>
          <Button size="small" className="open-search" onClick={() => Taro.navigateTo({ url: routes.jobsSearch })}>
            找工作
          </Button>
        </View>
      </View>
      <PagedList list={list} className="my-applications" empty="还没有投递过岗位">
        {(a) => (
          <Cell
            key={a._id}
            className={`my-application ${a.waitsForMe ? 'waits-for-me' : ''}`}
            title={`${a.job.title} · ${a.job.employerName}`}
            description={a.status === 'interview' && a.interview ? `面试：${interviewText(a.interview)}${a.waitsForMe ? ' · 请确认' : ''}` : `投递于 ${formatTime(a.appliedAt)}`}
            extra={<ApplicationStatusTag status={a.status} />}
            clickable
            onClick={() => Taro.navigateTo({ url: routes.jobsApplication(a._id) })}
          />
        )}
      </PagedList>
      <Text className="note">招聘会的报名在“我的办事”里，也可以在招聘会页面查看。</Text>
    </PageShell>
  )
}
