import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { LegalSettings, RoomSettings } from '@/types/legal'
import { api } from '../../../api'
import { FieldError } from '../../../components/FieldError'
import { Loadable } from '../../../components/Loadable'
import { PageShell } from '../../../components/PageShell'
import { useLoad } from '../../../utils/useLoad'
import { useSubmit } from '../../../utils/useSubmit'
import '../legal.scss'

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日']
/** Dates as an admin pastes them: one a line, or separated by commas or spaces. */
const datesOf = (text: string) => text.split(/[\s,，、；;]+/).map((d) => d.trim()).filter(Boolean)
const saved = () => Taro.showToast({ title: '已保存', icon: 'success' })

/** The admin's settings of legal help: the promise, the year's holiday notice, the rooms' weeks and closed dates. */
export default function LegalAdminPage() {
  const settings = useLoad(() => api.legal.settings({}))
  return (
    <PageShell className="legal-admin">
      <Loadable load={settings} rows={8}>
        {(s) => (
          <>
            <PromiseForm settings={s} />
            <CalendarForm settings={s} reload={settings.reload} />
            {s.rooms.length === 0 && <Text className="note">还没有“调解室”类型的阵地，请先在阵地管理里新建。</Text>}
            {s.rooms.map((room) => (
              <RoomForm key={room.stationId} room={room} />
            ))}
          </>
        )}
      </Loadable>
    </PageShell>
  )
}

function PromiseForm({ settings }: { settings: LegalSettings }) {
  const [form, setForm] = useState({ acknowledgeDays: String(settings.promise.acknowledgeDays), decideDays: String(settings.promise.decideDays) })
  const { submit, busy, fieldErrors } = useSubmit()
  async function save() {
    if (await submit((requestId) => api.legal.setPromise({ acknowledgeDays: Number(form.acknowledgeDays), decideDays: Number(form.decideDays) }, { requestId }))) saved()
  }
  return (
    <View className="section promise-settings">
      <Text className="section-title">服务承诺（工作日）</Text>
      <Text className="field-label">几个工作日内受理</Text>
      <Input className="field-acknowledgeDays" type="number" value={form.acknowledgeDays} onChange={(acknowledgeDays) => setForm((f) => ({ ...f, acknowledgeDays }))} />
      <FieldError message={fieldErrors.acknowledgeDays} value={form.acknowledgeDays} />
      <Text className="field-label">几个工作日内答复是否提供援助</Text>
      <Input className="field-decideDays" type="number" value={form.decideDays} onChange={(decideDays) => setForm((f) => ({ ...f, decideDays }))} />
      <FieldError message={fieldErrors.decideDays} value={[form.acknowledgeDays, form.decideDays]} />
      <Text className="muted">只影响以后提交的求助；已提交的按提交时的承诺计算。</Text>
      <Button type="primary" block className="save-promise" loading={busy} onClick={save}>
        保存
      </Button>
    </View>
  )
}

function CalendarForm({ settings, reload }: { settings: LegalSettings; reload(): Promise<void> }) {
  const years = settings.packageYears
  const [form, setForm] = useState({ year: String(years[years.length - 1] + 1), holidays: '', workdays: '' })
  const { submit, busy, fieldErrors } = useSubmit()
  async function save() {
    const done = await submit((requestId) =>
      api.legal.setCalendarYear({ year: Number(form.year), holidays: datesOf(form.holidays), workdays: datesOf(form.workdays) }, { requestId }),
    )
    if (done) {
      saved()
      reload()
    }
  }
  return (
    <View className="section calendar-settings">
      <Text className="section-title">放假安排</Text>
      <Text className="muted">
        已内置{years[0]}–{years[years.length - 1]}年国务院放假通知。新一年的通知发布后、系统更新前，请在这里录入；没有录入的年份按周一到周五计算，页面会注明“按常规工作日估算”。
      </Text>
      {settings.notices.map((n) => (
        <Text key={n.year} className="timeline-note">
          {n.year}年（已录入）：放假{n.holidays.length}天，补班{n.workdays.length}天
        </Text>
      ))}
      <Text className="field-label">年份</Text>
      <Input className="field-year" type="number" value={form.year} onChange={(year) => setForm((f) => ({ ...f, year }))} />
      <FieldError message={fieldErrors.year} value={form.year} />
      <Text className="field-label">放假日期（每行一个，如 2027-01-01）</Text>
      <TextArea className="field-holidays" value={form.holidays} onChange={(holidays) => setForm((f) => ({ ...f, holidays }))} maxLength={1200} />
      <FieldError message={fieldErrors.holidays ?? Object.entries(fieldErrors).find(([k]) => k.startsWith('holidays.'))?.[1]} value={[form.year, form.holidays]} />
      <Text className="field-label">调休补班日期（周六或周日）</Text>
      <TextArea className="field-workdays" value={form.workdays} onChange={(workdays) => setForm((f) => ({ ...f, workdays }))} maxLength={400} />
      <FieldError
        message={fieldErrors.workdays ?? Object.entries(fieldErrors).find(([k]) => k.startsWith('workdays.'))?.[1]}
        value={[form.year, form.holidays, form.workdays]}
      />
      <Button type="primary" block className="save-calendar" loading={busy} onClick={save}>
        保存这一年的安排
      </Button>
    </View>
  )
}

type Period = { weekdays: number[]; start: string; end: string }

function RoomForm({ room }: { room: RoomSettings }) {
  const [periods, setPeriods] = useState<Period[]>(room.periods)
  const [minutes, setMinutes] = useState(String(room.slotMinutes))
  const [closed, setClosed] = useState(room.closedDates.join('\n'))
  const week = useSubmit()
  const days = useSubmit()
  const setPeriod = (i: number, change: Partial<Period>) => setPeriods((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)))

  async function saveWeek() {
    if (await week.submit((requestId) => api.legal.setRoomTemplate({ stationId: room.stationId, periods, slotMinutes: Number(minutes) }, { requestId }))) saved()
  }
  async function saveClosed() {
    if (await days.submit((requestId) => api.legal.setClosedDates({ stationId: room.stationId, dates: datesOf(closed) }, { requestId }))) saved()
  }

  return (
    <View className={`section room-settings room-${room.stationId}`}>
      <Text className="section-title">{room.name}</Text>
      <Text className="muted">{room.address}{room.isDefault ? '（还没有设置，按周二、周四14:00–17:00开放预约）' : ''}</Text>
      {periods.map((p, i) => (
        <View key={i} className={`period period-${i}`}>
          <Checkbox.Group className="field-weekdays" direction="horizontal" value={p.weekdays.map(String)} onChange={(v) => setPeriod(i, { weekdays: (v as string[]).map(Number).sort() })}>
            {WEEKDAY_NAMES.map((name, d) => (
              <Checkbox key={d} value={String(d + 1)}>
                周{name}
              </Checkbox>
            ))}
          </Checkbox.Group>
          <View className="row">
            <Input className="field-start" value={p.start} onChange={(start) => setPeriod(i, { start })} placeholder="14:00" />
            <Text>至</Text>
            <Input className="field-end" value={p.end} onChange={(end) => setPeriod(i, { end })} placeholder="17:00" />
          </View>
          <FieldError
            message={week.fieldErrors[`periods.${i}.start`] ?? week.fieldErrors[`periods.${i}.end`] ?? week.fieldErrors[`periods.${i}.weekdays`]}
            value={[p, minutes]}
          />
          <Button size="small" fill="none" onClick={() => setPeriods((ps) => ps.filter((_, j) => j !== i))}>
            删除这个时段
          </Button>
        </View>
      ))}
      <Button size="small" className="add-period" onClick={() => setPeriods((ps) => [...ps, { weekdays: [], start: '09:00', end: '12:00' }])}>
        添加时段
      </Button>
      <Text className="field-label">每次预约时长（分钟）</Text>
      <Input className="field-slotMinutes" type="number" value={minutes} onChange={setMinutes} />
      <FieldError message={week.fieldErrors.slotMinutes ?? week.fieldErrors.periods} value={[minutes, periods]} />
      <Button type="primary" block className="save-week" loading={week.busy} onClick={saveWeek}>
        保存开放时段
      </Button>
      <Text className="field-label">闭室日期（法定节假日自动闭室，不用填）</Text>
      <TextArea className="field-closed" value={closed} onChange={setClosed} placeholder="每行一个，如 2026-12-24" maxLength={800} />
      <FieldError message={days.fieldErrors.dates ?? Object.entries(days.fieldErrors).find(([k]) => k.startsWith('dates.'))?.[1]} value={closed} />
      <Button block className="save-closed" loading={days.busy} onClick={saveClosed}>
        保存闭室日期
      </Button>
    </View>
  )
}
