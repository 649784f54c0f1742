import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DISTRICT_CENTRE } from '@/domain/stations/distance'
import { FAIR_KIND_NAMES, type FairKind } from '@/types/jobs'
import type { EmployerView, FairSummary } from '@/types/jobsViews'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { PlaceFields } from '../../../components/PlaceFields'
import { formatTime, parseShanghai } from '../../../utils/format'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import '../parts.scss'

const KINDS = Object.keys(FAIR_KIND_NAMES) as FairKind[]

interface Draft {
  title: string
  kind: FairKind
  startsAt: string
  endsAt: string
  organiser: string
  description: string
  venue: string
  address: string
  lat: string
  lng: string
  link: string
  capacity: string
  employerIds: string[]
}

const EMPTY: Draft = {
  title: '',
  kind: 'onsite',
  startsAt: '',
  endsAt: '',
  organiser: '鹿城区总工会',
  description: '',
  venue: '',
  address: '',
  lat: String(DISTRICT_CENTRE.lat),
  lng: String(DISTRICT_CENTRE.lng),
  link: '',
  capacity: '',
  employerIds: [],
}

interface Loaded {
  draft: Draft
  /** The verified employers to choose from. */
  employers: EmployerView[]
}

/** A fair as the admin sets it up: when, where or which link, how many places, which employers come. */
export default function FairEditPage() {
  const id = useRouter().params.id
  const loaded = useLoad<Loaded>(async () => {
    const [employers, fair] = await Promise.all([api.jobs.employers({ status: 'verified', limit: 50 }), id ? api.jobs.fair({ fairId: id }) : Promise.resolve(null)])
    return { employers: employers.items, draft: fair ? draftOf(fair, fair.employers.map((e) => e._id)) : EMPTY }
  }, { deps: [id] })
  return (
    <PageShell className="jobs-fair-edit">
      <Loadable load={loaded} rows={10}>
        {(l) => <FairForm id={id} initial={l.draft} employers={l.employers} />}
      </Loadable>
    </PageShell>
  )
}

function draftOf(f: FairSummary & { description: string }, employerIds: string[]): Draft {
  return {
    title: f.title,
    kind: f.kind,
    startsAt: formatTime(f.startsAt),
    endsAt: formatTime(f.endsAt),
    organiser: f.organiser,
    description: f.description,
    venue: f.venue ?? '',
    address: f.address ?? '',
    lat: String(f.location?.lat ?? DISTRICT_CENTRE.lat),
    lng: String(f.location?.lng ?? DISTRICT_CENTRE.lng),
    link: f.link ?? '',
    capacity: f.capacity === undefined ? '' : String(f.capacity),
    employerIds,
  }
}

function FairForm({ id, initial, employers }: { id?: string; initial: Draft; employers: EmployerView[] }) {
  const [draft, setDraft] = useState<Draft>(initial)
  const { submit, busy, fieldErrors } = useSubmit()
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }))
  const onsite = draft.kind === 'onsite'

  async function save() {
    const saved = await submit((requestId) =>
      api.jobs.saveFair(
        {
          id,
          title: draft.title,
          kind: draft.kind,
          startsAt: parseShanghai(draft.startsAt),
          endsAt: parseShanghai(draft.endsAt),
          organiser: draft.organiser,
          description: draft.description,
          venue: onsite ? draft.venue || undefined : undefined,
          address: onsite ? draft.address || undefined : undefined,
          lat: onsite ? Number(draft.lat) : undefined,
          lng: onsite ? Number(draft.lng) : undefined,
          link: draft.link.trim() || undefined,
          capacity: draft.capacity.trim() ? Number(draft.capacity) : undefined,
          employerIds: draft.employerIds,
        },
        { requestId },
      ),
    )
    if (!saved) return
    Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => Taro.navigateBack(), 600)
  }

  const err = (field: string) => fieldErrors[field]
  return (
    <View className="section fair-form">
      <Text className="field-label">名称</Text>
      <Input className="field-title" value={draft.title} onChange={(title) => set({ title })} placeholder="如：2027春风行动·鹿城专场" />
      <FieldError message={err('title')} />
      <Text className="field-label">形式</Text>
      <Radio.Group className="jobs-choices field-kind" direction="horizontal" value={draft.kind} onChange={(v) => set({ kind: v as FairKind })}>
        {KINDS.map((k) => (
          <Radio key={k} value={k} shape="button">
            {FAIR_KIND_NAMES[k]}
          </Radio>
        ))}
      </Radio.Group>
      <Text className="field-label">开始时间</Text>
      <Input className="field-startsAt" value={draft.startsAt} onChange={(startsAt) => set({ startsAt })} placeholder="2027-03-01 09:00" />
      <FieldError message={err('startsAt')} />
      <Text className="field-label">结束时间</Text>
      <Input className="field-endsAt" value={draft.endsAt} onChange={(endsAt) => set({ endsAt })} placeholder="2027-03-01 12:00" />
      <FieldError message={err('endsAt')} />
      <Text className="field-label">主办单位</Text>
      <Input className="field-organiser" value={draft.organiser} onChange={(organiser) => set({ organiser })} />
      <FieldError message={err('organiser')} />
      {onsite && (
        <>
          <Text className="field-label">场地</Text>
          <Input className="field-venue" value={draft.venue} onChange={(venue) => set({ venue })} placeholder="如：鹿城区职工服务中心一楼大厅" />
          <FieldError message={err('venue')} />
          <PlaceFields label="地址" place={draft} errors={fieldErrors} onChange={set} />
          <Text className="field-label">名额（场地有限制时填写）</Text>
          <Input className="field-capacity" type="number" value={draft.capacity} onChange={(capacity) => set({ capacity })} placeholder="不填为不限" />
          <FieldError message={err('capacity')} />
        </>
      )}
      <Text className="field-label">{onsite ? '链接（选填）' : '参加或直播链接'}</Text>
      <Input className="field-link" value={draft.link} onChange={(link) => set({ link })} placeholder="https://" />
      <FieldError message={err('link')} />
      <Text className="field-label">介绍</Text>
      <TextArea className="field-description" value={draft.description} onChange={(description) => set({ description })} maxLength={500} placeholder="有哪些企业和岗位、要带什么" />
      <FieldError message={err('description')} />
      <Text className="field-label">参会企业</Text>
      <Checkbox.Group className="jobs-choices field-employers" direction="vertical" value={draft.employerIds} onChange={(v) => set({ employerIds: v as string[] })}>
        {employers.map((e) => (
          <Checkbox key={e._id} value={e._id} label={e.name} />
        ))}
      </Checkbox.Group>
      <FieldError message={err('employerIds')} />
      <View className="actions">
        <Button type="primary" block loading={busy} className="save-fair" onClick={save}>
          保存
        </Button>
      </View>
    </View>
  )
}
