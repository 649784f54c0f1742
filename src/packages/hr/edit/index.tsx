import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { MAX_OPEN_DAYS } from '@/domain/jobs/visibility'
import { BENEFITS, BENEFIT_NAMES, type Benefit } from '@/types/jobs'
import type { FairSummary, HrJob } from '@/types/jobsViews'
import { api } from '../../../api'
import { DateField } from '../../../components/DateField'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { SwitchRow } from '../../../components/SwitchRow'
import { PlaceFields, typedCoordinate } from '../../../components/PlaceFields'
import { useDraft } from '../../../stores/useDraft'
import { formatDay, formatTime } from '../../../utils/format'
import { yuanToFen } from '../../../utils/money'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import '../../jobs/parts.scss'

interface Draft {
  title: string
  headcount: string
  salaryMin: string
  salaryMax: string
  requirements: string
  benefits: Benefit[]
  /** At the employer's own address. */
  atEmployer: boolean
  address: string
  lat: string
  lng: string
  fairId: string
  closingDate: string
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The form of a new job, kept on the phone until it is saved (`useDraft`: no personal data in it). */
const NEW_JOB_FORM = 'hr.newJob'

const emptyDraft = (): Draft => ({
  title: '',
  headcount: '1',
  salaryMin: '',
  salaryMax: '',
  requirements: '',
  benefits: [],
  atEmployer: true,
  address: '',
  lat: '',
  lng: '',
  fairId: '',
  closingDate: formatDay(Date.now() + 30 * DAY_MS),
})

const draftOf = (j: HrJob): Draft => ({
  title: j.title,
  headcount: String(j.headcount),
  salaryMin: String(j.salaryMinFen / 100),
  salaryMax: String(j.salaryMaxFen / 100),
  requirements: j.requirements,
  benefits: j.benefits,
  atEmployer: false,
  address: j.address,
  lat: String(j.location.lat),
  lng: String(j.location.lng),
  fairId: j.fairId ?? '',
  closingDate: j.closingDate,
})

/** A job of the HR contact's employer: written as a draft, then published once the union has verified the employer. */
export default function HrJobEditPage() {
  const id = useRouter().params.id
  const loaded = useLoad(async () => {
    const [job, fairs] = await Promise.all([id ? api.jobs.hrJob({ jobId: id }) : Promise.resolve(null), api.jobs.fairs({ limit: 20 })])
    return { job, fairs: fairs.items }
  }, { deps: [id] })
  return (
    <PageShell className="hr-job-edit">
      <Loadable load={loaded} rows={10}>
        {({ job, fairs }) => <JobForm job={job} fairs={fairs} />}
      </Loadable>
    </PageShell>
  )
}

/**
 * A kept draft as the form can still send it: a closing date gone by while it waited is set again
 * (the picker starts at today), and a fair no longer offered is dropped.
 */
function stillValid(kept: Draft, empty: Draft, fairs: FairSummary[], today: string): Draft {
  return {
    ...kept,
    closingDate: kept.closingDate >= today ? kept.closingDate : empty.closingDate,
    fairId: fairs.some((f) => f._id === kept.fairId) ? kept.fairId : '',
  }
}

function JobForm({ job, fairs }: { job: HrJob | null; fairs: FairSummary[] }) {
  // A new job is kept as a draft on the phone while it is typed, as 我的简历 is: 返回 or leaving
  // the app loses nothing. An existing job is not: its form opens from the job as saved, which is
  // what workers see, and a kept copy would look saved when it is not (or hide a newer version).
  const [empty] = useState(emptyDraft)
  // Wenzhou's calendar, as the server judges a closing date (`closingDateProblem`).
  const [{ today, lastDay }] = useState(() => ({ today: formatDay(Date.now()), lastDay: formatDay(Date.now() + MAX_OPEN_DAYS * DAY_MS) }))
  const [kept, keep, forget] = useDraft(NEW_JOB_FORM, empty, { personal: false })
  const [edited, setEdited] = useState<Draft>(() => (job ? draftOf(job) : empty))
  const draft = job ? edited : stillValid(kept, empty, fairs, today)
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<Draft>) => (job ? setEdited((d) => ({ ...d, ...change })) : keep({ ...draft, ...change }))

  async function save(publish: boolean) {
    const saved = await submit(async (requestId) => {
      const stored = await api.jobs.saveJob(
        {
          id: job?._id,
          title: draft.title,
          headcount: Number(draft.headcount),
          salaryMinFen: yuanToFen(draft.salaryMin),
          salaryMaxFen: yuanToFen(draft.salaryMax),
          requirements: draft.requirements,
          benefits: draft.benefits,
          address: draft.atEmployer ? undefined : draft.address,
          lat: draft.atEmployer ? undefined : typedCoordinate(draft.lat),
          lng: draft.atEmployer ? undefined : typedCoordinate(draft.lng),
          fairId: draft.fairId || undefined,
          closingDate: draft.closingDate,
        },
        { requestId },
      )
      // Publishing is its own step (and intent): the draft stays saved if it is refused.
      return publish && stored.status === 'draft' ? api.jobs.publishJob({ jobId: stored._id }, { requestId: `${requestId}-p` }) : stored
    })
    if (!saved) return
    if (!job) forget()
    Taro.showToast({ title: saved.status === 'published' ? '已发布' : '已保存', icon: 'success' })
    setTimeout(() => Taro.navigateBack(), 600)
  }

  async function close() {
    const { confirm } = await Taro.showModal({ title: '结束招聘', content: '结束后职工不再能看到和投递这个岗位，已有的应聘者仍可处理。确定结束吗？' })
    if (!confirm || !job) return
    const closed = await submit((requestId) => api.jobs.closeJob({ jobId: job._id }, { requestId }))
    if (closed) Taro.navigateBack()
  }

  const err = (field: string) => fieldErrors[field]
  return (
    <View className="section job-form">
      {!job && <Text className="note">填写的内容会自动保存在手机上，退出后可以接着填。</Text>}
      <Text className="field-label">岗位名称</Text>
      <Input className="field-title" value={draft.title} onChange={(title) => set({ title })} placeholder="如：快递分拣员" />
      <FieldError message={err('title')} value={draft.title} />
      <Text className="field-label">招聘人数</Text>
      <Input className="field-headcount" type="number" value={draft.headcount} onChange={(headcount) => set({ headcount })} />
      <FieldError message={err('headcount')} value={draft.headcount} />
      <Text className="field-label">月薪（元）</Text>
      <View className="row">
        <Input className="field-salaryMin" type="number" value={draft.salaryMin} onChange={(salaryMin) => set({ salaryMin })} placeholder="最低，如 5500" />
        <Text>至</Text>
        <Input className="field-salaryMax" type="number" value={draft.salaryMax} onChange={(salaryMax) => set({ salaryMax })} placeholder="最高，如 7500" />
      </View>
      {/* Either amount changed may settle a rule between the two (最高不能低于最低). */}
      <FieldError message={err('salaryMinFen') ?? err('salaryMaxFen')} value={[draft.salaryMin, draft.salaryMax]} />
      <Text className="field-label">岗位要求</Text>
      <TextArea className="field-requirements" value={draft.requirements} onChange={(requirements) => set({ requirements })} maxLength={1000} showCount placeholder="年龄、经验、证书、班次等，至少10个字" />
      <FieldError message={err('requirements')} value={draft.requirements} />
      <Text className="field-label">福利</Text>
      <Checkbox.Group className="jobs-choices field-benefits" direction="horizontal" value={draft.benefits} onChange={(v) => set({ benefits: v as Benefit[] })}>
        {BENEFITS.map((b) => (
          <Checkbox key={b} shape="button" value={b} label={BENEFIT_NAMES[b]} className={`benefit-${b}`} />
        ))}
      </Checkbox.Group>
      <FieldError message={err('benefits')} value={draft.benefits} />
      <SwitchRow className="field-atEmployer" label="在企业地址上班" checked={draft.atEmployer} onChange={(atEmployer) => set({ atEmployer })} />
      {!draft.atEmployer && (
        <>
          <PlaceFields label="工作地址" place={draft} errors={fieldErrors} onChange={set} />
        </>
      )}
      <Text className="field-label">参加招聘会（选填）</Text>
      <Radio.Group className="jobs-choices field-fair" direction="vertical" value={draft.fairId} onChange={(v) => set({ fairId: String(v) })}>
        <Radio value="">不参加</Radio>
        {fairs.map((f) => (
          <Radio key={f._id} value={f._id}>
            {f.title}（{formatTime(f.startsAt)}）
          </Radio>
        ))}
      </Radio.Group>
      <FieldError message={err('fairId')} value={draft.fairId} />
      <DateField className="field-closingDate" title="截止日期" value={draft.closingDate} onChange={(closingDate) => set({ closingDate })} min={today} max={lastDay} />
      <FieldError message={err('closingDate')} value={draft.closingDate} />
      <View className="actions">
        {(!job || job.status === 'draft') && (
          <Button type="primary" block loading={busy} className="save-publish" onClick={() => save(true)}>
            保存并发布
          </Button>
        )}
        <Button block loading={busy} className="save-job" onClick={() => save(false)}>
          {job?.status === 'published' ? '保存修改' : '保存草稿'}
        </Button>
        {job && job.status !== 'closed' && (
          <Button block className="close-job" onClick={close}>
            结束招聘
          </Button>
        )}
      </View>
    </View>
  )
}
