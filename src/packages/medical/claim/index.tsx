import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useMemo } from 'react'
import { estimatePayout, estimateRows } from '@/domain/medical/payout'
import { MAX_FILES_PER_CASE } from '@/types/cases'
import { CATEGORY_NAMES, MEDICAL_CATEGORIES, MEDICAL_MATERIAL_NAMES, materialsFor, type MedicalCategory } from '@/types/medical'
import { api } from '../../../api'
import { askToNotifyByWeChat } from '../../../api/subscribe'
import { DateField } from '../../../components/DateField'
import { FieldError } from '../../../components/FieldError'
import { BankCardFields, bankAccountInput, ChecklistUploads, attachmentsInput, replaceMaterial } from '../../../components/CaseFormParts'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { ConsentAndSubmit, useConsent } from '../../../components/ConsentLine'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { routes } from '../../../routes'
import { useDraft } from '../../../stores/useDraft'
import { formatYuan, yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { EMPTY_MEDICAL_DRAFT } from '../draft'

export default function MedicalClaimPage() {
  return (
    <PageShell className="medical-claim">
      <RealNameFirst because="申请报销要先确认是您本人：请先完成实名认证。">
        <ClaimForm />
      </RealNameFirst>
    </PageShell>
  )
}

function ClaimForm() {
  const [draft, setDraft, clearDraft] = useDraft('medical', EMPTY_MEDICAL_DRAFT)
  const consent = useConsent('medical')
  const { submit, busy, fieldErrors } = useSubmit()
  const err = (field: string) => fieldErrors[field]

  const inpatient = draft.category === 'inpatient'
  const treatmentDate = inpatient ? draft.admissionDate : draft.billDate
  // The plan of the year the treatment began, with what this worker already had approved in it.
  const planYear = treatmentDate ? Number(treatmentDate.slice(0, 4)) : undefined
  // Only the estimate and the note on cover need it: the claim can be filled and sent without.
  const cover = useLoad(() => api.medical.coverage({ year: planYear }), { deps: [planYear] })
  const coverage = cover.data

  const selfPaidFen = yuanToFen(draft.selfPaid)
  // The same rule the server applies at submission and again at approval.
  const estimate = useMemo(
    () => (coverage && draft.category && selfPaidFen > 0 ? estimatePayout(coverage.plan, draft.category as MedicalCategory, selfPaidFen, coverage.approved) : null),
    [coverage, draft.category, selfPaidFen],
  )
  const materials = materialsFor(draft.category)
  const attached = draft.attachments.filter((a) => materials.includes(a.material as never))

  async function send() {
    const notifyByWeChat = await askToNotifyByWeChat()
    const created = await submit((requestId) =>
      api.medical.submitClaim(
        {
          category: draft.category as MedicalCategory,
          hospital: draft.hospital,
          admissionDate: inpatient ? draft.admissionDate || undefined : undefined,
          dischargeDate: inpatient ? draft.dischargeDate || undefined : undefined,
          billDate: inpatient ? undefined : draft.billDate || undefined,
          selfPaidFen,
          diagnosis: draft.diagnosis,
          bankAccount: bankAccountInput(draft.bankName, draft.accountNo),
          attachments: attachmentsInput(attached),
          consentVersion: consent.version,
          notifyByWeChat,
        },
        { requestId },
      ),
    )
    if (!created) return
    clearDraft()
    Taro.redirectTo({ url: routes.medicalCase(created._id) })
  }

  return (
    <>
      <Loadable load={cover} part="参保情况" rows={1}>
        {(c) => !c.covered && <Text className="note not-covered">您{c.year}年没有参加医疗互助，这一年的治疗不能报销。</Text>}
      </Loadable>
      <Text className="note">填写的内容会自动保存在手机上，网络不好或退出后可以接着填。</Text>

      <View className="section">
        <Text className="section-title">报销类别</Text>
        <Radio.Group className="field-category" direction="horizontal" value={draft.category} onChange={(v) => setDraft({ category: String(v) })}>
          {MEDICAL_CATEGORIES.map((c) => (
            <Radio key={c} value={c} shape="button" className={`category-${c}`}>
              {CATEGORY_NAMES[c]}
            </Radio>
          ))}
        </Radio.Group>
        <FieldError message={err('category')} value={draft.category} />
        <Text className="field-label">医院</Text>
        <Input className="field-hospital" value={draft.hospital} onChange={(hospital) => setDraft({ hospital })} placeholder="如：温州医科大学附属第一医院" />
        <FieldError message={err('hospital')} value={draft.hospital} />
        {inpatient ? (
          <>
            <DateField className="field-admissionDate" title="入院日期" value={draft.admissionDate} onChange={(admissionDate) => setDraft({ admissionDate })} />
            <FieldError message={err('admissionDate')} value={draft.admissionDate} />
            <DateField className="field-dischargeDate" title="出院日期" value={draft.dischargeDate} onChange={(dischargeDate) => setDraft({ dischargeDate })} />
            <FieldError message={err('dischargeDate')} value={draft.dischargeDate} />
          </>
        ) : (
          <>
            <DateField className="field-billDate" title="票据日期" value={draft.billDate} onChange={(billDate) => setDraft({ billDate })} />
            <FieldError message={err('billDate')} value={draft.billDate} />
          </>
        )}
        <Text className="field-label">自付金额（元，医保报销后自己付的）</Text>
        <Input className="field-selfPaid" type="digit" value={draft.selfPaid} onChange={(selfPaid) => setDraft({ selfPaid })} placeholder="如：12500" />
        <FieldError message={err('selfPaidFen')} value={draft.selfPaid} />
        <Text className="field-label">诊断</Text>
        <TextArea className="field-diagnosis" value={draft.diagnosis} onChange={(diagnosis) => setDraft({ diagnosis })} placeholder="与出院小结或病历一致" maxLength={100} />
        <FieldError message={err('diagnosis')} value={draft.diagnosis} />
      </View>

      {estimate && (
        <View className="section estimate">
          <Text className="section-title">预计可报 {formatYuan(estimate.payoutFen)}</Text>
          {estimateRows(estimate).map((r) => (
            <Cell key={r.label} title={r.label} extra={r.value} />
          ))}
          <Text className="muted">按规则估算，以审核为准。</Text>
        </View>
      )}

      <BankCardFields bankName={draft.bankName} accountNo={draft.accountNo} errors={fieldErrors} onChange={setDraft} />

      {draft.category && (
        <View className="section materials">
          <Text className="section-title">上传材料</Text>
          <Text className="muted">拍照或选图，最多{MAX_FILES_PER_CASE}个文件。缺的可以以后补交。</Text>
          <ChecklistUploads
            service="medical"
            materials={materials.map((key) => ({ key, name: MEDICAL_MATERIAL_NAMES[key] }))}
            files={attached}
            errors={fieldErrors}
            onChange={(material, kept) => setDraft((d) => ({ attachments: replaceMaterial(d.attachments, material, kept) }))}
          />
        </View>
      )}

      <ConsentAndSubmit policy="medical" consent={consent} error={err('consentVersion')} consentClass="medical-consent" submitClass="submit-claim" submitLabel="提交报销申请" busy={busy} onSubmit={send}>
        我同意工会为审核报销收集诊断、费用、银行卡等信息，只用于医疗互助
      </ConsentAndSubmit>
    </>
  )
}
