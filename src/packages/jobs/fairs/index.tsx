import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, Tag } from '@nutui/nutui-react-taro'
import { api } from '../../../api'
import { PagedList } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { usePaged } from '../../../utils/useLoad'
import { fairPlaceText, placesText } from '../parts'

/** The union's 春风行动 fairs still to come, soonest first. */
export default function FairsPage() {
  useSignedIn()
  const list = usePaged((cursor) => api.jobs.fairs({ cursor, limit: 20 }), { onShow: true })
  return (
    <PageShell className="job-fairs">
      <PagedList list={list} className="fair-list" empty="近期没有招聘会，请留意工会通知">
        {(f) => (
          <Cell
            key={f._id}
            className="fair-item"
            title={f.title}
            description={`${formatTime(f.startsAt)} · ${fairPlaceText(f)} · ${placesText(f)}`}
            extra={<Tag type="primary">{f.kindName}</Tag>}
            clickable
            onClick={() => Taro.navigateTo({ url: routes.jobsFair(f._id) })}
          />
        )}
      </PagedList>
      <Text className="note">春风行动是工会每年举办的招聘活动，报名后招聘会前一天会提醒您。</Text>
    </PageShell>
  )
}
