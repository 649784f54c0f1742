import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Cell, Radio, Tag } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { EMPLOYER_STATUS_NAMES, type EmployerStatus } from '@/types/jobs'
import { api } from '../../../api'
import { PagedList } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { usePaged } from '../../../utils/useLoad'
import '../parts.scss'

const STATUSES = Object.keys(EMPLOYER_STATUS_NAMES) as EmployerStatus[]
const STATUS_TAG: Record<EmployerStatus, 'warning' | 'success' | 'default'> = { pending: 'warning', verified: 'success', suspended: 'default' }

/** The admin's desk of 就业招聘: employers by state (to verify first), and the fairs. */
export default function JobsAdminPage() {
  useSignedIn()
  const [status, setStatus] = useState<EmployerStatus | ''>('pending')
  const employers = usePaged((cursor) => api.jobs.employers({ status: status || undefined, cursor, limit: 20 }), { deps: [status], onShow: true })
  const fairs = usePaged((cursor) => api.jobs.allFairs({ cursor, limit: 20 }), { onShow: true })
  return (
    <PageShell className="jobs-admin">
      <View className="section">
        <View className="row">
          <Text className="section-title">企业</Text>
          <Button size="small" type="primary" className="new-employer" onClick={() => Taro.navigateTo({ url: routes.jobsEmployer() })}>
            登记企业
          </Button>
        </View>
        <Radio.Group className="jobs-choices employer-filter" direction="horizontal" value={status} onChange={(v) => setStatus(v as EmployerStatus | '')}>
          {STATUSES.map((s) => (
            <Radio key={s} value={s} shape="button" className={`filter-${s}`}>
              {EMPLOYER_STATUS_NAMES[s]}
            </Radio>
          ))}
          <Radio value="" shape="button" className="filter-all">
            全部
          </Radio>
        </Radio.Group>
      </View>
      <PagedList list={employers} part="企业" className="employer-list" empty={status ? `没有${EMPLOYER_STATUS_NAMES[status]}的企业，点“全部”看所有企业` : '还没有登记企业'}>
        {(e) => (
          <Cell
            key={e._id}
            className="employer-item"
            title={e.name}
            description={`统一社会信用代码 ${e.creditCode || '未填写'}`}
            extra={<Tag type={STATUS_TAG[e.status]}>{EMPLOYER_STATUS_NAMES[e.status]}</Tag>}
            clickable
            onClick={() => Taro.navigateTo({ url: routes.jobsEmployer(e._id) })}
          />
        )}
      </PagedList>

      <View className="section">
        <View className="row">
          <Text className="section-title">春风行动招聘会</Text>
          <Button size="small" type="primary" className="new-fair" onClick={() => Taro.navigateTo({ url: routes.jobsFairEdit() })}>
            新建招聘会
          </Button>
        </View>
      </View>
      <PagedList list={fairs} part="招聘会" className="admin-fair-list" empty="还没有招聘会">
        {(f) => (
          <Cell
            key={f._id}
            className="admin-fair-item"
            title={f.title}
            description={`${formatTime(f.startsAt)} · ${f.kindName} · 已报名 ${f.signedUp} 人${f.capacity !== undefined ? ` / ${f.capacity}` : ''}`}
            clickable
            onClick={() => Taro.navigateTo({ url: routes.jobsFairEdit(f._id) })}
          />
        )}
      </PagedList>
    </PageShell>
  )
}
