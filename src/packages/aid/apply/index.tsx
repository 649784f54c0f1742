import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useEffect } from 'react'
import { MATERIAL_NAMES, RELATION_NAMES, RELATIONS, type Material, type Programme } from '@/types/aid'
import { MAX_FILES_PER_CASE } from '@/types/cases'
import { api } from '../../../api'
import { askToNotifyByWeChat } from '../../../api/subscribe'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { BankCardFields, bankAccountInput, ChecklistUploads, attachmentsInput, replaceMaterial } from '../../../components/CaseFormParts'
import { PageShell } from '../../../components/PageShell'
import { ConsentAndSubmit, useConsent } from '../../../components/ConsentLine'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { routes } from '../../../routes'
import { useDraft } from '../../../stores/useDraft'
import { formatFee } from '../../../utils/money'
import { EMPTY_AID_DRAFT, type AidDraft } from '../draft'
import { HouseholdMoney, householdMoneyInput } from '../HouseholdMoney'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import './index.scss'

/** Programmes applied for here; 春送岗位 is a job referral, found under 就业招聘. */
const applicable = (p: Programme) => p.kind !== 'spring_jobs'
const paysMoney = (p: Programme | undefined) => p !== undefined && (p.deepFen !== undefined || p.relativeFen !== undefined || p.accidentMaxFen !== undefined)

function amountsOf(p: Programme) {
  const parts = [
    p.deepFen !== undefined && `深度困难${formatFee(p.deepFen)}`,
    p.relativeFen !== undefined && `相对困难${formatFee(p.relativeFen)}`,
    p.accidentMaxFen !== undefined && `意外致困最高${formatFee(p.accidentMaxFen)}`,
  ].filter(Boolean)
  return parts.length ? parts.join('，') : p.meansTested ? '' : '不需要核对家庭收入'
}

export default function AidApplyPage() {
  const wanted = useRouter().params.programme
  const programmes = useLoad(async () => (await api.aid.programmes({})).items.filter(applicable))
  return (
    <PageShell className="aid-apply">
      <RealNameFirst because="申请困难帮扶要先确认是您本人：请先完成实名认证。">
        {/* The form appears with the programmes it applies for. */}
        <Loadable load={programmes} rows={8}>
          {(list) => <ApplyForm programmes={list} wanted={wanted} />}
        </Loadable>
      </RealNameFirst>
    </PageShell>
  )
}

function ApplyForm({ programmes, wanted }: { programmes: Programme[]; wanted?: string }) {
  const [draft, setDraft, clearDraft] = useDraft('aid', EMPTY_AID_DRAFT)
  const consent = useConsent('aid')
  const { submit, busy, fieldErrors } = useSubmit()
  const err = (field: string) => fieldErrors[field]

  useEffect(() => {
    if (wanted) setDraft((d) => (d.programme ? {} : { programme: wanted }))
  }, [wanted, setDraft])

  const programme = programmes.find((p) => p.kind === draft.programme)
  const materials: Material[] = programme?.materials ?? []
  const attached = draft.attachments.filter((a) => materials.includes(a.material as Material))
  const setMember = (i: number, change: Partial<AidDraft['members'][number]>) =>
    setDraft({ members: draft.members.map((m, j) => (i === j ? { ...m, ...change } : m)) })

  async function send() {
    // Asked on the tap itself, as WeChat requires; the answer rides along with the application.
    const notifyByWeChat = await askToNotifyByWeChat()
    const created = await submit((requestId) =>
      api.aid.apply(
        {
          programme: draft.programme as Programme['kind'],
          members: draft.members.map((m) => ({ name: m.name, relation: m.relation as 'spouse', age: m.age.trim() === '' ? NaN : Number(m.age) })),
          ...householdMoneyInput(draft),
          story: draft.story,
          bankAccount: paysMoney(programme) ? bankAccountInput(draft.bankName, draft.accountNo) : undefined,
          attachments: attachmentsInput(attached),
          consentVersion: consent.version,
          notifyByWeChat,
        },
        { requestId },
      ),
    )
    if (!created) return
    clearDraft()
    Taro.redirectTo({ url: routes.aidCase(created._id) })
  }

  return (
    <>
      <Text className="note">填写的内容会自动保存在手机上，网络不好或退出后可以接着填。</Text>

      <View className="section">
        <Text className="section-title">申请哪个项目</Text>
        <Radio.Group className="field-programme" value={draft.programme} onChange={(v) => setDraft({ programme: String(v) })}>
          {programmes.map((p) => (
            <Radio key={p.kind} value={p.kind} className={`programme-${p.kind}`}>
              {p.title}
              <Text className="muted programme-amounts"> {amountsOf(p)}</Text>
            </Radio>
          ))}
        </Radio.Group>
        <FieldError message={err('programme')} value={draft.programme} />
        <Text className="muted">春送岗位是推荐工作，请到“就业招聘”里找岗位。</Text>
      </View>

      <View className="section">
        <Text className="section-title">家庭情况</Text>
        <Text className="muted">除您本人外，一起生活的家人（没有可不填）</Text>
        {draft.members.map((m, i) => (
          <View key={i} className={`member member-${i}`}>
            <View className="row">
              <Input className="field-member-name" value={m.name} onChange={(name) => setMember(i, { name })} placeholder="姓名" />
              <Input className="field-member-age" type="number" value={m.age} onChange={(age) => setMember(i, { age })} placeholder="年龄" />
            </View>
            <Radio.Group className="field-member-relation" direction="horizontal" value={m.relation} onChange={(v) => setMember(i, { relation: String(v) })}>
              {RELATIONS.map((r) => (
                <Radio key={r} value={r} shape="button">
                  {RELATION_NAMES[r]}
                </Radio>
              ))}
            </Radio.Group>
            <FieldError message={err(`members.${i}.name`) ?? err(`members.${i}.age`) ?? err(`members.${i}.relation`)} value={m} />
            <Button size="small" fill="none" onClick={() => setDraft({ members: draft.members.filter((_, j) => j !== i) })}>
              删除这位家人
            </Button>
          </View>
        ))}
        <Button size="small" className="add-member" onClick={() => setDraft({ members: [...draft.members, { name: '', relation: '', age: '' }] })}>
          添加家人
        </Button>
        <HouseholdMoney value={draft} onChange={setDraft} errors={fieldErrors} />
        <Text className="field-label">遇到了什么困难</Text>
        <TextArea className="field-story" value={draft.story} onChange={(story) => setDraft({ story })} placeholder="如：家人生病住院、受伤不能工作……至少20个字" maxLength={1000} />
        <FieldError message={err('story')} value={draft.story} />
      </View>

      {paysMoney(programme) && (
        <BankCardFields bankName={draft.bankName} accountNo={draft.accountNo} errors={fieldErrors} onChange={setDraft} />
      )}

      {programme && (
        <View className="section materials">
          <Text className="section-title">上传材料</Text>
          <Text className="muted">
            拍照或选图，每份申请最多{MAX_FILES_PER_CASE}个文件。缺的材料可以以后补交，但会影响审核进度。
          </Text>
          <ChecklistUploads
            service="aid"
            materials={materials.map((key) => ({ key, name: MATERIAL_NAMES[key] }))}
            files={attached}
            errors={fieldErrors}
            onChange={(material, kept) => setDraft((d) => ({ attachments: replaceMaterial(d.attachments, material, kept) }))}
          />
        </View>
      )}

      <ConsentAndSubmit policy="aid" consent={consent} error={err('consentVersion')} consentClass="aid-consent" submitClass="submit-application" submitLabel="提交申请" busy={busy} onSubmit={send}>
        我同意工会为审核帮扶收集家庭、收入、银行卡等敏感信息，只用于这次帮扶
      </ConsentAndSubmit>
    </>
  )
}
