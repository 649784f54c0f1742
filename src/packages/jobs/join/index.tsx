import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { EmployerBrief } from '@/types/jobsViews'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { PageShell } from '../../../components/PageShell'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { useSession } from '../../../stores/session'
import { useSubmit } from '../../../utils/useSubmit'

/** An employer's HR contact enters the one-time code the union gave them, once, and gets the HR console. */
export default function JoinEmployerPage() {
  useSignedIn()
  const [code, setCode] = useState('')
  const [joined, setJoined] = useState<EmployerBrief | null>(null)
  const { submit, busy, fieldErrors } = useSubmit()
  const alreadyHr = useSession((s) => s.me?.roles.includes('hr') ?? false)

  async function join() {
    const employer = await submit((requestId) => api.jobs.joinEmployer({ code }, { requestId }))
    if (!employer) return
    setJoined(employer)
    // The new role comes with the profile.
    await useSession.getState().refresh().catch(() => undefined)
  }

  if (joined) return <BoundToEmployer className="join-done" title={`已绑定“${joined.name}”`} text="您现在是这家企业的招聘联系人，可以发布岗位、查看应聘者。" />
  // Said before anything is asked of them: one employer per HR contact, changed through the union.
  if (alreadyHr) return <BoundToEmployer className="join-already" title="您已是企业的招聘联系人" text="一个账号只能绑定一家企业；如需更换，请联系工会解除原来的绑定。" />
  return (
    <PageShell className="job-join">
      <RealNameFirst because="绑定企业要先确认是您本人：请先完成实名认证。">
        <View className="section">
          <Text className="section-title">输入邀请码</Text>
          <Text className="muted">企业在工会登记并通过认证后，工会会给企业的招聘联系人一个8位邀请码，7天内有效，只能用一次。</Text>
          <Input className="field-code" value={code} onChange={setCode} placeholder="如：K7M2P9QA" maxLength={20} />
          <FieldError message={fieldErrors.code} value={code} />
          <View className="actions">
            <Button type="primary" block loading={busy} className="join-submit" onClick={join}>
              绑定企业
            </Button>
          </View>
        </View>
      </RealNameFirst>
    </PageShell>
  )
}

/** Bound to an employer (just now, or before): what it means, and the way to the HR console. */
function BoundToEmployer({ className, title, text }: { className: string; title: string; text: string }) {
  return (
    <PageShell className="job-join">
      <View className="section">
        <Text className={`section-title ${className}`}>{title}</Text>
        <Text className="muted">{text}</Text>
        <View className="actions">
          <Button type="primary" block className="open-hr" onClick={() => Taro.redirectTo({ url: routes.hrJobs })}>
            去招聘管理
          </Button>
        </View>
      </View>
    </PageShell>
  )
}
