import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useMemo, useState } from 'react'
import { arbitrationLimit, isLimitProblem, LEARNED_QUESTION } from '@/domain/legal/arbitration'
import { meansTest, meansTestApplies } from '@/domain/legal/means'
import { MAX_FILES_PER_CASE } from '@/types/cases'
import {
  CONTACT_NAMES,
  CONTACT_WAYS,
  LEGAL_CATEGORIES,
  LEGAL_CATEGORY_NAMES,
  LEGAL_MATERIAL_NAMES,
  LEGAL_MATERIALS,
  type ContactWay,
  type LegalCategory,
} from '@/types/legal'
import { pageUrl } from '@/types/services'
import { api } from '../../../api'
import { askToNotifyByWeChat } from '../../../api/subscribe'
import { attachmentsInput, ChecklistUploads, replaceMaterial } from '../../../components/CaseFormParts'
import { DateField } from '../../../components/DateField'
import { FieldError } from '../../../components/FieldError'
import { PageShell } from '../../../components/PageShell'
import { RealNameFirst } from '../../../components/RealNameFirst'
import { SwitchRow } from '../../../components/SwitchRow'
import { ConsentAndSubmit, useConsent } from '../../../components/ConsentLine'
import { useDraft } from '../../../stores/useDraft'
import { formatDay } from '../../../utils/format'
import { yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import { EMPTY_LEGAL_DRAFT, type LegalDraft } from '../draft'
import '../legal.scss'

const optionalFen = (yuan: string) => (yuan.trim() === '' ? undefined : yuanToFen(yuan))
const MATERIALS = LEGAL_MATERIALS.map((key) => ({ key, name: LEGAL_MATERIAL_NAMES[key] }))

export default function LegalAskPage() {
  const [draft, setDraft, clearDraft] = useDraft('legal', EMPTY_LEGAL_DRAFT)
  const consent = useConsent('legal')
  const { submit, busy, fieldErrors } = useSubmit()
  const err = (field: string) => fieldErrors[field]
  // The 低保 line of the means test: only the live note needs it, the form is sent without.
  const intake = useLoad(() => api.legal.intake({}))
  // Today as the form was opened: what the limit counts from and how far ahead a deadline may be.
  const [{ today, yearAhead }] = useState(() => ({ today: formatDay(Date.now()), yearAhead: formatDay(Date.now() + 365 * 86_400_000) }))
  const category = draft.category as LegalCategory | ''
  const stillEmployed = draft.stillEmployed === 'yes'
  const asksLearned = category !== '' && category !== 'wage_arrears'
  const meansTested = meansTestApplies(category, draft.migrant)

  // The same rule the server stores with the case, as the worker answers.
  const limit = useMemo(() => {
    if (!category || draft.stillEmployed === '') return null
    const result = arbitrationLimit(
      { category, stillEmployed, employmentEndedOn: draft.employmentEndedOn || undefined, learnedOn: asksLearned ? draft.learnedOn || undefined : undefined },
      today,
    )
    return isLimitProblem(result) ? null : result
  }, [category, stillEmployed, draft.stillEmployed, draft.employmentEndedOn, draft.learnedOn, asksLearned, today])

  const household = {
    householdSize: Number(draft.householdSize),
    annualIncomeFen: yuanToFen(draft.income),
    unavoidableSpendingFen: draft.spending.trim() === '' ? 0 : yuanToFen(draft.spending),
    suddenEventCostFen: optionalFen(draft.sudden),
  }
  const means =
    category && intake.data && (!meansTested || (household.householdSize > 0 && household.annualIncomeFen >= 0))
      ? meansTest(category, draft.migrant, meansTested ? household : null, intake.data.lowIncomeLineFen)
      : null

  async function send() {
    const notifyByWeChat = await askToNotifyByWeChat()
    const created = await submit((requestId) =>
      api.legal.ask(
        {
          category: category as LegalCategory,
          story: draft.story,
          employer: draft.employer,
          amountInDisputeFen: optionalFen(draft.amount),
          stillEmployed: draft.stillEmployed === '' ? (undefined as never) : stillEmployed,
          employmentEndedOn: !stillEmployed ? draft.employmentEndedOn || undefined : undefined,
          learnedOn: asksLearned ? draft.learnedOn || undefined : undefined,
          knownDeadline: draft.deadlineDate || draft.deadlineWhat.trim() ? { date: draft.deadlineDate || (undefined as never), what: draft.deadlineWhat } : undefined,
          contact: draft.contact as ContactWay,
          preferredTimes: draft.preferredTimes.trim() || undefined,
          migrant: draft.migrant,
          hometown: draft.migrant ? draft.hometown : undefined,
          householdSize: meansTested && draft.householdSize.trim() ? Number(draft.householdSize) : undefined,
          annualIncomeFen: meansTested ? optionalFen(draft.income) : undefined,
          unavoidableSpendingFen: meansTested ? optionalFen(draft.spending) : undefined,
          suddenEventCostFen: meansTested ? optionalFen(draft.sudden) : undefined,
          attachments: attachmentsInput(draft.attachments),
          consentVersion: consent.version,
          notifyByWeChat,
        },
        { requestId },
      ),
    )
    if (!created) return
    clearDraft()
    Taro.redirectTo({ url: pageUrl('legal', 'case', { caseId: created._id }) })
  }

  const set = (change: Partial<LegalDraft>) => setDraft(change)
  return (
    <PageShell className="legal-ask">
      <RealNameFirst because="申请法律援助要先确认是您本人：请先完成实名认证，律师才能代您维权。">
        <Text className="note">填写的内容会自动保存在手机上，网络不好或退出后可以接着填。</Text>

        <View className="section">
          <Text className="section-title">遇到了什么问题</Text>
          <Radio.Group className="field-category" direction="horizontal" value={draft.category} onChange={(v) => set({ category: String(v) })}>
            {LEGAL_CATEGORIES.map((c) => (
              <Radio key={c} value={c} shape="button" className={`category-${c}`}>
                {LEGAL_CATEGORY_NAMES[c]}
              </Radio>
            ))}
          </Radio.Group>
          <FieldError message={err('category')} value={draft.category} />
          <Text className="field-label">发生了什么（可以用语音输入，至少20个字）</Text>
          <TextArea className="field-story" value={draft.story} onChange={(story) => set({ story })} placeholder="如：在工地干了三个月，老板一直拖欠工资……" maxLength={1000} showCount />
          <FieldError message={err('story')} value={draft.story} />
          <Text className="field-label">用人单位（老板或公司的名字）</Text>
          <Input className="field-employer" value={draft.employer} onChange={(employer) => set({ employer })} placeholder="如：温州某某建筑劳务有限公司" />
          <FieldError message={err('employer')} value={draft.employer} />
          <Text className="field-label">涉及金额（元，不清楚可不填）</Text>
          <Input className="field-amount" type="digit" value={draft.amount} onChange={(amount) => set({ amount })} placeholder="如：12000" />
          <FieldError message={err('amountInDisputeFen')} value={draft.amount} />
        </View>

        <View className="section arbitration">
          <Text className="section-title">仲裁时效</Text>
          <Text className="muted">申请劳动仲裁一般要在一年内提出，下面几个问题帮您算一算。</Text>
          <Text className="field-label">还在这家单位工作吗？</Text>
          <Radio.Group className="field-stillEmployed" direction="horizontal" value={draft.stillEmployed} onChange={(v) => set({ stillEmployed: String(v) })}>
            <Radio value="yes" shape="button" className="employed-yes">
              还在
            </Radio>
            <Radio value="no" shape="button" className="employed-no">
              已经离开
            </Radio>
          </Radio.Group>
          <FieldError message={err('stillEmployed')} value={draft.stillEmployed} />
          {draft.stillEmployed === 'no' && (
            <>
              <DateField className="field-employmentEndedOn" title="哪天离职（劳动关系结束）" value={draft.employmentEndedOn} onChange={(employmentEndedOn) => set({ employmentEndedOn })} />
              <FieldError message={err('employmentEndedOn')} value={draft.employmentEndedOn} />
            </>
          )}
          {asksLearned && (
            <>
              <DateField className="field-learnedOn" title={LEARNED_QUESTION[category as LegalCategory]} value={draft.learnedOn} onChange={(learnedOn) => set({ learnedOn })} />
              <FieldError message={err('learnedOn')} value={draft.learnedOn} />
            </>
          )}
          {limit && (
            <Text className={`limit-text ${limit.running && (limit.warn || limit.passed) ? 'limit-warn' : ''}`}>
              {limit.text}
              {limit.running && !limit.passed ? '最后一天是法定节假日的，顺延到假期后第一个工作日。' : ''}
            </Text>
          )}
          <Text className="field-label">已经知道的期限（如仲裁开庭、要求答复的日期，没有可不填）</Text>
          <DateField className="field-deadlineDate" title="期限日期" value={draft.deadlineDate} max={yearAhead} onChange={(deadlineDate) => set({ deadlineDate })} />
          <FieldError message={err('knownDeadline.date')} value={draft.deadlineDate} />
          <Input className="field-deadlineWhat" value={draft.deadlineWhat} onChange={(deadlineWhat) => set({ deadlineWhat })} placeholder="这个期限是什么，如：仲裁开庭" />
          <FieldError
            message={err('knownDeadline.what') ?? err('knownDeadline')}
            value={err('knownDeadline.what') ? draft.deadlineWhat : [draft.deadlineDate, draft.deadlineWhat]}
          />
        </View>

        <View className="section">
          <Text className="section-title">怎么联系您</Text>
          <Radio.Group className="field-contact" direction="horizontal" value={draft.contact} onChange={(v) => set({ contact: String(v) })}>
            {CONTACT_WAYS.map((c) => (
              <Radio key={c} value={c} shape="button" className={`contact-${c}`}>
                {CONTACT_NAMES[c]}
              </Radio>
            ))}
          </Radio.Group>
          <FieldError message={err('contact')} value={draft.contact} />
          {draft.contact === 'phone' && <Text className="muted">律师会打您实名认证的手机号，查看号码会被记录。</Text>}
          <Text className="field-label">方便的时间（可不填）</Text>
          <Input className="field-preferredTimes" value={draft.preferredTimes} onChange={(preferredTimes) => set({ preferredTimes })} placeholder="如：工作日晚上7点后" />
          <FieldError message={err('preferredTimes')} value={draft.preferredTimes} />
        </View>

        <View className="section means">
          <Text className="section-title">经济状况</Text>
          <SwitchRow className="field-migrant" label="我是外来务工人员" checked={draft.migrant} onChange={(migrant) => set({ migrant })} />
          {draft.migrant && (
            <>
              <Text className="field-label">户籍所在地</Text>
              <Input className="field-hometown" value={draft.hometown} onChange={(hometown) => set({ hometown })} placeholder="如：贵州省毕节市" />
              <FieldError message={err('hometown')} value={draft.hometown} />
            </>
          )}
          {meansTested ? (
            <>
              <Text className="muted means-note">法律援助要核对家庭经济状况（和困难帮扶的标准一样）。外来务工人员的欠薪、工伤案件不用核对。</Text>
              <Text className="field-label">家庭人口（含您本人）</Text>
              <Input className="field-householdSize" type="number" value={draft.householdSize} onChange={(householdSize) => set({ householdSize })} placeholder="如：3" />
              <FieldError message={err('householdSize')} value={draft.householdSize} />
              <Text className="field-label">家庭全年收入（元，扣税后）</Text>
              <Input className="field-income" type="digit" value={draft.income} onChange={(income) => set({ income })} placeholder="如：48000" />
              <FieldError message={err('annualIncomeFen')} value={draft.income} />
              <Text className="field-label">全年必需支出（元，如医疗、房租，没有填0）</Text>
              <Input className="field-spending" type="digit" value={draft.spending} onChange={(spending) => set({ spending })} placeholder="如：12000" />
              <FieldError message={err('unavoidableSpendingFen')} value={draft.spending} />
              <Text className="field-label">今年突发事件花费（元，没有可不填）</Text>
              <Input className="field-sudden" type="digit" value={draft.sudden} onChange={(sudden) => set({ sudden })} placeholder="没有可不填" />
              <FieldError message={err('suddenEventCostFen')} value={draft.sudden} />
            </>
          ) : (
            <Text className="muted means-note means-exempt">您是外来务工人员，{LEGAL_CATEGORY_NAMES[category as LegalCategory]}案件不用核对家庭经济状况。</Text>
          )}
          {means && meansTested && <Text className={`means-result ${means.eligible ? '' : 'limit-warn'}`}>按您填写的情况：{means.text}</Text>}
        </View>

        <View className="section materials">
          <Text className="section-title">证据材料（可不传）</Text>
          <Text className="muted">劳动合同、工资条、欠条、聊天记录截图等，拍照上传，最多{MAX_FILES_PER_CASE}个文件。</Text>
          <ChecklistUploads
            service="legal"
            materials={MATERIALS}
            files={draft.attachments}
            errors={fieldErrors}
            onChange={(material, kept) => setDraft((d) => ({ attachments: replaceMaterial(d.attachments, material, kept) }))}
          />
        </View>

        <ConsentAndSubmit policy="legal" consent={consent} error={err('consentVersion')} consentClass="legal-consent" submitClass="submit-ask" submitLabel="提交求助" busy={busy} onSubmit={send}>
          我同意工会为办理法律援助收集我的身份、联系方式、纠纷经过和家庭经济状况，只交给负责的律师和工作人员
        </ConsentAndSubmit>
      </RealNameFirst>
    </PageShell>
  )
}
