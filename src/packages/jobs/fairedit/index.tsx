import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Checkbox, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DISTRICT_CENTRE } from '@/domain/stations/distance'
import { FAIR_KIND_NAMES, type FairKind } from '@/types/jobs'
import type { EmployerView, FairSummary } from '@/types/jobsViews'
import { api } from '../../../api'
import { DateTimeField, tomorrowMorning } from '../../../components/DateTimeField'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { PlaceFields, typedCoordinate } from '../../../components/PlaceFields'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import '../parts.scss'

const KINDS = Object.keys(FAIR_KIND_NAMES) as FairKind[]

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS
/** How far ahead the wheels reach: the server sets no limit, a fair is planned within the year. */
const YEAR_MS = 366 * DAY_MS
/** A fair's length until the admin says otherwise: a morning. */
const DEFAULT_LENGTH_MS = 3 * HOUR_MS

interface Draft {
  title: string
  kind: FairKind
  /** Epoch ms; undefined until picked. */
  startsAt: number | undefined
  endsAt: number | undefined
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
  startsAt: undefined,
  endsAt: undefined,
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
    startsAt: f.startsAt,
    endsAt: f.endsAt,
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
  // The pickers' bounds count from when the form was opened; the server checks again on saving.
  const [now] = useState(() => Date.now())

  /** A start moved to or past the end takes the end along, keeping the fair's length. */
  function pickStart(startsAt: number) {
    setDraft((d) => {
      if (d.endsAt === undefined || d.endsAt > startsAt) return { ...d, startsAt }
      const length = d.startsAt !== undefined && d.endsAt > d.startsAt ? d.endsAt - d.startsAt : DEFAULT_LENGTH_MS
      return { ...d, startsAt, endsAt: startsAt + length }
    })
  }

  async function save() {
    const saved = await submit((requestId) =>
      api.jobs.saveFair(
        {
          id,
          title: draft.title,
          kind: draft.kind,
          // Not picked yet: NaN travels as null, which the server names on its field (请选择开始时间).
          startsAt: draft.startsAt ?? NaN,
          endsAt: draft.endsAt ?? NaN,
          organiser: draft.organiser,
          description: draft.description,
          venue: onsite ? draft.venue || undefined : undefined,
          address: onsite ? draft.address || undefined : undefined,
          lat: onsite ? typedCoordinate(draft.lat) : undefined,
          lng: onsite ? typedCoordinate(draft.lng) : undefined,
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
      <FieldError message={err('title')} value={draft.title} />
      <Text className="field-label">形式</Text>
      <Radio.Group className="jobs-choices field-kind" direction="horizontal" value={draft.kind} onChange={(v) => set({ kind: v as FairKind })}>
        {KINDS.map((k) => (
          <Radio key={k} value={k} shape="button">
            {FAIR_KIND_NAMES[k]}
          </Radio>
        ))}
      </Radio.Group>
      <DateTimeField className="field-startsAt" title="开始时间" value={draft.startsAt} onChange={pickStart} min={now} max={now + YEAR_MS} suggested={tomorrowMorning(now)} />
      <FieldError message={err('startsAt')} value={draft.startsAt} />
      <DateTimeField
        className="field-endsAt"
        title="结束时间"
        value={draft.endsAt}
        onChange={(endsAt) => set({ endsAt })}
        min={Math.max(now, draft.startsAt ?? now) + 1}
        max={(draft.startsAt ?? now) + YEAR_MS}
        suggested={draft.startsAt === undefined ? undefined : draft.startsAt + DEFAULT_LENGTH_MS}
      />
      {/* 结束时间应晚于开始时间 is settled by moving either. */}
      <FieldError message={err('endsAt')} value={[draft.startsAt, draft.endsAt]} />
      <Text className="field-label">主办单位</Text>
      <Input className="field-organiser" value={draft.organiser} onChange={(organiser) => set({ organiser })} />
      <FieldError message={err('organiser')} value={draft.organiser} />
      {onsite && (
        <>
          <Text className="field-label">场地</Text>
          <Input className="field-venue" value={draft.venue} onChange={(venue) => set({ venue })} placeholder="如：鹿城区职工服务中心一楼大厅" />
          <FieldError message={err('venue')} value={draft.venue} />
          <PlaceFields label="地址" place={draft} errors={fieldErrors} onChange={set} />
          <Text className="field-label">名额（场地有限制时填写）</Text>
          <Input className="field-capacity" type="number" value={draft.capacity} onChange={(capacity) => set({ capacity })} placeholder="不填为不限" />
          <FieldError message={err('capacity')} value={draft.capacity} />
        </>
      )}
      <Text className="field-label">{onsite ? '链接（选填）' : '参加或直播链接'}</Text>
      <Input className="field-link" value={draft.link} onChange={(link) => set({ link })} placeholder="https://" />
      <FieldError message={err('link')} value={draft.link} />
      <Text className="field-label">介绍</Text>
      <TextArea className="field-description" value={draft.description} onChange={(description) => set({ description })} maxLength={500} placeholder="有哪些企业和岗位、要带什么" />
      <FieldError message={err('description')} value={draft.description} />
      <Text className="field-label">参会企业</Text>
      <Checkbox.Group className="jobs-choices field-employers" direction="vertical" value={draft.employerIds} onChange={(v) => set({ employerIds: v as string[] })}>
        {employers.map((e) => (
          <Checkbox key={e._id} value={e._id} label={e.name} />
        ))}
      </Checkbox.Group>
      <FieldError message={err('employerIds')} value={draft.employerIds} />
      <View className="actions">
        <Button type="primary" block loading={busy} className="save-fair" onClick={save}>
          保存
        </Button>
      </View>
    </View>
  )
}
