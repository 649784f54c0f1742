import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Cell, Tag, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { EMPLOYER_STATUS_NAMES } from '@/types/jobs'
import type { EmployerDetail, NewInvitation } from '@/types/jobsViews'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { routes } from '../../../routes'
import { formatTime } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { EmployerForm } from './form'

const INVITATION_STATUS = { open: '可使用', used: '已使用', revoked: '已作废' } as const

/** An employer for the admin: verify or suspend it, invite and unbind its HR contacts, correct its particulars. */
export default function EmployerPage() {
  const id = useRouter().params.id
  const employer = useLoad(() => api.jobs.employer({ employerId: id! }), { deps: [id], when: Boolean(id) })
  return (
    <PageShell className="jobs-employer">
      {id ? (
        <Loadable load={employer} rows={10}>
          {(e) => <EmployerView employer={e} reload={employer.reload} />}
        </Loadable>
      ) : (
        <EmployerForm onSaved={(saved) => Taro.redirectTo({ url: routes.jobsEmployer(saved._id) })} />
      )}
    </PageShell>
  )
}

function EmployerView({ employer, reload }: { employer: EmployerDetail; reload(): Promise<void> }) {
  const [reason, setReason] = useState('')
  const [code, setCode] = useState<NewInvitation | null>(null)
  const { submit, busy, fieldErrors } = useSubmit()

  async function setStatus(status: 'verified' | 'suspended') {
    if (status === 'suspended') {
      const { confirm } = await Taro.showModal({ title: '暂停企业', content: '暂停后这家企业的岗位立即对职工隐藏，也不能再发布。确定暂停吗？' })
      if (!confirm) return
    }
    const done = await submit((requestId) => api.jobs.setEmployerStatus({ employerId: employer._id, status, reason: status === 'suspended' ? reason : undefined }, { requestId }))
    if (!done) return
    Taro.showToast({ title: status === 'verified' ? '已认证' : '已暂停', icon: 'success' })
    setReason('')
    reload()
  }

  async function invite() {
    const made = await submit((requestId) => api.jobs.createInvitation({ employerId: employer._id }, { requestId }))
    if (!made) return
    setCode(made)
    reload()
  }

  async function revokeInvitation(invitationId: string) {
    const done = await submit((requestId) => api.jobs.revokeInvitation({ invitationId }, { requestId }))
    if (done) reload()
  }

  async function unbind(userId: string, name?: string) {
    const { confirm } = await Taro.showModal({ title: '解除绑定', content: `解除${name ?? '这位联系人'}与企业的绑定？解除后他不能再管理这家企业的招聘。` })
    if (!confirm) return
    const done = await submit((requestId) => api.users.revokeRole({ userId, role: 'hr' }, { requestId }))
    if (done) reload()
  }

  return (
    <>
      <View className="section">
        <View className="row">
          <Text className="section-title employer-name">{employer.name}</Text>
          <Tag type={employer.status === 'verified' ? 'success' : employer.status === 'pending' ? 'warning' : 'default'} className="employer-status">
            {EMPLOYER_STATUS_NAMES[employer.status]}
          </Tag>
        </View>
        {employer.suspendedReason && employer.status === 'suspended' && <Text className="muted">暂停原因：{employer.suspendedReason}</Text>}
        {employer.verifiedAt && <Text className="muted">认证于 {formatTime(employer.verifiedAt)}</Text>}
        {employer.status !== 'verified' && (
          <View className="actions">
            <Button type="primary" loading={busy} className="verify-employer" onClick={() => setStatus('verified')}>
              认证通过
            </Button>
          </View>
        )}
        {employer.status === 'verified' && (
          <>
            <Text className="field-label">暂停原因</Text>
            <TextArea className="field-reason" value={reason} onChange={setReason} placeholder="如：营业执照过期、存在欠薪投诉" maxLength={200} />
            <FieldError message={fieldErrors.reason} value={reason} />
            <View className="actions">
              <Button loading={busy} className="suspend-employer" onClick={() => setStatus('suspended')}>
                暂停企业
              </Button>
            </View>
          </>
        )}
      </View>

      <View className="section hr-contacts">
        <Text className="section-title">招聘联系人</Text>
        {employer.hrContacts.length === 0 && <Text className="muted">还没有招聘联系人。生成邀请码交给企业，由联系人本人在“就业招聘”里输入。</Text>}
        {employer.hrContacts.map((c) => (
          <Cell key={c.userId} title={c.name ?? '（未实名）'} description={`用户编号 ${c.userId}`} extra={<Button size="small" className="unbind-hr" onClick={() => unbind(c.userId, c.name)}>解除</Button>} />
        ))}
        {code && (
          <View className="new-code">
            <Text className="section-title invitation-code">邀请码：{code.code}</Text>
            <Text className="muted">请交给企业的招聘联系人，{formatTime(code.expiresAt)} 前有效，只能用一次。离开本页后不再显示。</Text>
            <Button size="small" onClick={() => Taro.setClipboardData({ data: code.code })}>
              复制邀请码
            </Button>
          </View>
        )}
        {employer.status !== 'suspended' && (
          <View className="actions">
            <Button loading={busy} className="create-invitation" onClick={invite}>
              生成邀请码
            </Button>
          </View>
        )}
        {employer.invitations.map((i) => (
          <Cell
            key={i._id}
            className="invitation-item"
            title={`邀请码 ……${i.codeHint}`}
            description={`${INVITATION_STATUS[i.status]} · ${formatTime(i.expiresAt)} 前有效`}
            extra={
              i.status === 'open' ? (
                <Button size="small" className="revoke-invitation" onClick={() => revokeInvitation(i._id)}>
                  作废
                </Button>
              ) : undefined
            }
          />
        ))}
      </View>

      <EmployerForm employer={employer} onSaved={() => reload()} />
    </>
  )
}
