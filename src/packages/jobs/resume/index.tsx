import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { AVAILABILITY_NAMES, type Availability } from '@/types/jobs'
import type { MyResume } from '@/types/jobsViews'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { useSignedIn } from '../../../components/useSignedIn'
import { routes } from '../../../routes'
import { useDraft } from '../../../stores/useDraft'
import { yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { draftOf, EMPTY_RESUME_DRAFT, type ResumeDraft } from '../draft'
import '../parts.scss'

const AVAILABILITIES = Object.keys(AVAILABILITY_NAMES) as Availability[]

/** 我的简历: kept on the server and sent as a copy with each application; the form keeps a draft while it is edited. */
export default function ResumePage() {
  useSignedIn()
  const mine = useLoad(() => api.jobs.myResume({}))
  return (
    <PageShell className="job-resume">
      <Loadable load={mine} rows={8}>
        {(m) => <ResumeForm mine={m} />}
      </Loadable>
    </PageShell>
  )
}

function ResumeForm({ mine }: { mine: MyResume }) {
  const [draft, setDraft, clearDraft] = useDraft('jobs.resume', EMPTY_RESUME_DRAFT)
  const form: ResumeDraft = draft.started ? draft : draftOf(mine)
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<ResumeDraft>) => setDraft({ ...form, ...change, started: true })

  async function save() {
    const saved = await submit((requestId) =>
      api.jobs.saveResume(
        {
          phone: form.phone,
          experience: form.experience,
          skills: form.skills,
          certificates: form.certificates,
          expectedSalaryFen: form.expectedSalary.trim() ? yuanToFen(form.expectedSalary) : undefined,
          availability: form.availability as Availability,
        },
        { requestId },
      ),
    )
    if (!saved) return
    clearDraft()
    Taro.showToast({ title: '简历已保存', icon: 'success' })
    setTimeout(() => Taro.navigateBack().catch(() => Taro.redirectTo({ url: routes.jobsSearch })), 600)
  }

  const err = (field: string) => fieldErrors[field]
  return (
    <RealNameFirst because="简历上的姓名和年龄来自实名信息：请先完成实名认证。">
      {mine.name && (
        <View className="section">
          <Text className="section-title resume-name">
            {mine.name} · {mine.age}岁
          </Text>
          <Text className="muted">姓名和年龄来自实名信息。手机号在企业邀请您面试后才对该企业显示。</Text>
        </View>
      )}
      <Text className="note">填写的内容会自动保存在手机上，退出后可以接着填。</Text>
      <View className="section resume-form">
        <Text className="field-label">联系手机</Text>
        <Input className="field-phone" type="number" maxLength={11} value={form.phone} onChange={(phone) => set({ phone })} placeholder="企业联系您用" />
        <FieldError message={err('phone')} value={form.phone} />
        <Text className="field-label">工作经历（选填）</Text>
        <TextArea className="field-experience" value={form.experience} onChange={(experience) => set({ experience })} placeholder="如：2019年至今在鹿城区做快递员" maxLength={1000} showCount />
        <FieldError message={err('experience')} value={form.experience} />
        <Text className="field-label">技能（选填）</Text>
        <TextArea className="field-skills" value={form.skills} onChange={(skills) => set({ skills })} placeholder="如：会骑电动车、会开叉车" maxLength={300} />
        <FieldError message={err('skills')} value={form.skills} />
        <Text className="field-label">证书（选填）</Text>
        <TextArea className="field-certificates" value={form.certificates} onChange={(certificates) => set({ certificates })} placeholder="如：C1驾驶证、电工证" maxLength={300} />
        <FieldError message={err('certificates')} value={form.certificates} />
        <Text className="field-label">期望月薪（元，选填）</Text>
        <Input className="field-expectedSalary" type="number" value={form.expectedSalary} onChange={(expectedSalary) => set({ expectedSalary })} placeholder="如：7000" />
        <FieldError message={err('expectedSalaryFen')} value={form.expectedSalary} />
        <Text className="field-label">什么时候能上岗</Text>
        <Radio.Group className="jobs-choices field-availability" direction="horizontal" value={form.availability} onChange={(v) => set({ availability: v as Availability })}>
          {AVAILABILITIES.map((a) => (
            <Radio key={a} value={a} shape="button">
              {AVAILABILITY_NAMES[a]}
            </Radio>
          ))}
        </Radio.Group>
        <FieldError message={err('availability')} value={form.availability} />
        <View className="actions">
          <Button type="primary" block loading={busy} className="save-resume" onClick={save}>
            保存简历
          </Button>
        </View>
      </View>
    </RealNameFirst>
  )
}
