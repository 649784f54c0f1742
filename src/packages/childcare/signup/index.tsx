import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ClassDetail, Enrollment } from '@/types/childcare'
import { api } from '../../../api'
import { askToNotifyByWeChat } from '../../../api/subscribe'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { ConsentAndSubmit, useConsent } from '../../../components/ConsentLine'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { routes } from '../../../routes'
import { useDraft } from '../../../stores/useDraft'
import { formatFee } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { EMPTY_CHILDCARE_DRAFT } from '../draft'

const GRADES = [1, 2, 3, 4, 5, 6]

export default function ChildcareSignUpPage() {
  const classId = useRouter().params.classId ?? ''
  const cls = useLoad(() => api.childcare.classDetail({ classId }), { deps: [classId] })
  const [result, setResult] = useState<Enrollment | null>(null)
  if (result) return <SignUpResult result={result} />
  // The form appears with the class it signs up for.
  return (
    <PageShell className="childcare-signup">
      <Loadable load={cls} rows={8}>
        {(c) => <SignUpForm cls={c} onPlaced={setResult} />}
      </Loadable>
    </PageShell>
  )
}

function SignUpResult({ result }: { result: Enrollment }) {
  return (
    <PageShell className="childcare-result">
      <View className="section result-card">
        {result.status === 'enrolled' ? (
          <Text className="section-title result-seat">报名成功，已获得名额</Text>
        ) : (
          <Text className="section-title result-waitlist">名额已满，您在候补第 {result.waitlistPosition} 位</Text>
        )}
        <Text className="muted">
          {result.classTitle} · {result.childName}
        </Text>
        <Text className="muted result-hint">
          {result.status === 'enrolled' ? '开班前3天以前可以取消。' : '有人取消时按顺序递补，递补成功会通知您。'}
        </Text>
        <View className="actions">
          <Button type="primary" onClick={() => Taro.redirectTo({ url: routes.childcareMine })}>
            查看我的报名
          </Button>
        </View>
      </View>
    </PageShell>
  )
}

function SignUpForm({ cls, onPlaced }: { cls: ClassDetail; onPlaced(enrollment: Enrollment): void }) {
  const [draft, setDraft, clearDraft] = useDraft('childcare', EMPTY_CHILDCARE_DRAFT)
  const consent = useConsent('child')
  const { submit, busy, fieldErrors } = useSubmit()

  async function send() {
    // Asked on the tap itself, as WeChat requires; the answer rides along with the sign-up.
    const notifyByWeChat = await askToNotifyByWeChat()
    const placed = await submit((requestId) =>
      api.childcare.enroll(
        {
          classId: cls._id,
          child: {
            name: draft.childName,
            idNumber: draft.idNumber,
            gender: draft.gender as 'male',
            school: draft.school,
            grade: Number(draft.grade),
            healthNotes: draft.healthNotes,
          },
          emergencyContact: { name: draft.contactName, mobile: draft.contactMobile },
          consentVersion: consent.version,
          notifyByWeChat,
        },
        { requestId },
      ),
    )
    if (!placed) return
    clearDraft()
    onPlaced(placed)
  }

  const err = (field: string) => fieldErrors[field]
  return (
    <>
      <View className="section">
        <Text className="section-title">{cls.title}</Text>
        <Text className="muted">
          {cls.startDate} 至 {cls.endDate} · {cls.minAge}–{cls.maxAge}岁 · {formatFee(cls.feeFen)} ·{' '}
          {cls.seatsLeft > 0 ? `剩余 ${cls.seatsLeft} 个名额` : `已满，候补 ${cls.waitlistLength} 人`}
        </Text>
      </View>
      <RealNameFirst because="只有孩子的监护人本人才能为孩子报名：请先完成您的实名认证。">
      <Text className="note">填写的内容会自动保存在手机上，网络不好或退出后可以接着填。</Text>
      <View className="section signup-form">
        <Text className="field-label">孩子姓名</Text>
        <Input className="field-childName" value={draft.childName} onChange={(childName) => setDraft({ childName })} placeholder="与户口本一致" />
        <FieldError message={err('child.name')} value={draft.childName} />
        <Text className="field-label">孩子身份证号</Text>
        <Input className="field-idNumber" value={draft.idNumber} onChange={(idNumber) => setDraft({ idNumber })} placeholder="18位，用于核对年龄" maxLength={18} />
        <FieldError message={err('child.idNumber')} value={draft.idNumber} />
        <Text className="field-label">性别</Text>
        <Radio.Group className="field-gender" direction="horizontal" value={draft.gender} onChange={(v) => setDraft({ gender: v as 'male' })}>
          <Radio value="male">男</Radio>
          <Radio value="female">女</Radio>
        </Radio.Group>
        <FieldError message={err('child.gender')} value={draft.gender} />
        <Text className="field-label">学校</Text>
        <Input className="field-school" value={draft.school} onChange={(school) => setDraft({ school })} placeholder="如：广场路小学" />
        <FieldError message={err('child.school')} value={draft.school} />
        <Text className="field-label">年级</Text>
        <Radio.Group className="field-grade" direction="horizontal" value={draft.grade} onChange={(v) => setDraft({ grade: String(v) })}>
          {GRADES.map((g) => (
            <Radio key={g} value={String(g)} shape="button">
              {g}年级
            </Radio>
          ))}
        </Radio.Group>
        <FieldError message={err('child.grade')} value={draft.grade} />
        <Text className="field-label">健康情况（过敏、疾病等，没有可不填）</Text>
        <TextArea className="field-healthNotes" value={draft.healthNotes} onChange={(healthNotes) => setDraft({ healthNotes })} placeholder="如：花生过敏、哮喘" maxLength={300} />
        <FieldError message={err('child.healthNotes')} value={draft.healthNotes} />
        <Text className="field-label">紧急联系人</Text>
        <Input className="field-contactName" value={draft.contactName} onChange={(contactName) => setDraft({ contactName })} placeholder="姓名" />
        <FieldError message={err('emergencyContact.name')} value={draft.contactName} />
        <Input className="field-contactMobile" value={draft.contactMobile} onChange={(contactMobile) => setDraft({ contactMobile })} placeholder="手机号" type="number" maxLength={11} />
        <FieldError message={err('emergencyContact.mobile')} value={draft.contactMobile} />
      </View>
      <ConsentAndSubmit policy="child" consent={consent} error={err('consentVersion')} consentClass="child-consent" submitClass="submit-signup" submitLabel="提交报名" busy={busy} onSubmit={send}>
        我是孩子的监护人，同意工会为托班服务收集孩子的信息
      </ConsentAndSubmit>
      </RealNameFirst>
    </>
  )
}
