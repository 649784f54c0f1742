import type * as v from 'valibot'
import type { FairInput, FairsInput } from '../../../types/jobs'
import type { FairDetail, FairSignUpView, FairSummary } from '../../../types/jobsViews'
import type { Page } from '../../../types/users'
import { statusOf } from '../../domain/jobs/employer'
import { hasStarted } from '../../domain/jobs/fairs'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../../core/context'
import { AppError, failedPrecondition, invalid, notFound } from '../../core/errors'
import { decodeCursor, encodeCursor } from '../../core/paging'
import { writeRequestRow } from '../../core/requests/row'
import { DuplicateKeyError } from '../../db/types'
import { fairSignUps, fairs, jobs, type FairRecord, type FairSignUpRecord } from './records'
import { fairLink, requestRowOfFairSignUp } from './requests'
import { employerBrief, employersById, fairSummary, jobListItem } from './views'

const page = <T>(data: T[], limit: number, offset: number) => ({
  items: data.slice(0, limit),
  nextCursor: data.length > limit ? encodeCursor(offset + limit) : undefined,
})

/** The fairs a worker can still go to: open and not over, soonest first. */
export async function upcomingFairs(ctx: Ctx, input: v.InferOutput<typeof FairsInput>): Promise<Page<FairSummary>> {
  const limit = input.limit ?? 20
  const offset = decodeCursor(input.cursor)
  const { data } = await fairs(ctx)
    .where({ status: 'open', endsAt: ctx.db.command.gt(ctx.now()) })
    .orderBy('startsAt', 'asc')
    .skip(offset)
    .limit(limit + 1)
    .get()
  const { items, nextCursor } = page(data, limit, offset)
  return { items: items.map(fairSummary), nextCursor }
}

/** Every fair for the admin, latest first. */
export async function allFairs(ctx: Ctx, input: v.InferOutput<typeof FairsInput>): Promise<Page<FairSummary>> {
  const limit = input.limit ?? 20
  const offset = decodeCursor(input.cursor)
  const { data } = await fairs(ctx).where({}).orderBy('startsAt', 'desc').skip(offset).limit(limit + 1).get()
  const { items, nextCursor } = page(data, limit, offset)
  return { items: items.map(fairSummary), nextCursor }
}

export async function mustGetFair(ctx: Ctx, id: string): Promise<FairRecord> {
  const { data } = await fairs(ctx).doc(id).get()
  if (!data) throw notFound('没有找到这场招聘会')
  return data
}

const signUpIdOf = (fairId: string, userId: string) => `${fairId}:${userId}`

/** A fair with the employers taking part (named by the admin or with jobs at it) and its jobs open now. */
export async function fairDetail(ctx: Ctx, fairId: string): Promise<FairDetail> {
  const fair = await mustGetFair(ctx, fairId)
  const now = ctx.now()
  const [atFair, mine] = await Promise.all([
    jobs(ctx).where({ fairId, listed: true, closesAt: ctx.db.command.gt(now) }).orderBy('publishedAt', 'desc').limit(50).get(),
    fairSignUps(ctx).doc(signUpIdOf(fairId, ctx.user._id)).get(),
  ])
  const owners = await employersById(ctx, [...fair.employerIds, ...atFair.data.map((j) => j.employerId)])
  const verified = (id: string) => statusOf(owners.get(id) ?? {}) === 'verified'
  const employerIds = [...new Set([...fair.employerIds, ...atFair.data.map((j) => j.employerId)])].filter(verified)
  return {
    ...fairSummary(fair),
    description: fair.description,
    employers: employerIds.map((id) => employerBrief(owners.get(id)!)),
    // Not the fair again on each card: the page is the fair's own.
    jobs: atFair.data.filter((j) => verified(j.employerId)).map((j) => jobListItem(j, owners.get(j.employerId), undefined)),
    mySignUp: mine.data ? { status: mine.data.status, at: mine.data.updatedAt } : undefined,
    started: hasStarted(fair.startsAt, now),
  }
}

/** Where a worker goes: the venue, else the address of an on-site fair, else 线上. */
const placeOf = (fair: Pick<FairRecord, 'venue' | 'kind' | 'address'>) => fair.venue ?? (fair.kind === 'onsite' ? fair.address : '线上')

/**
 * An admin creates or edits a fair; places can never drop below the sign-ups already made, and a
 * new start time must still be ahead. Those signed up get the new title, time and place in 我的办事,
 * and a message when the time or the place changed.
 */
export async function saveFair(ctx: Ctx, input: FairInput): Promise<FairSummary> {
  const now = ctx.now()
  if (input.endsAt <= now) throw invalid({ endsAt: '结束时间已过，请重新选择' })
  const employerIds = [...new Set(input.employerIds)]
  const known = await employersById(ctx, employerIds)
  if (employerIds.some((id) => !known.has(id))) throw invalid({ employerIds: '有参会企业不存在，请重新选择' })
  const _ = ctx.db.command
  const onsite = input.kind === 'onsite' && input.lat !== undefined && input.lng !== undefined
  const fields = {
    title: input.title,
    kind: input.kind,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    organiser: input.organiser,
    description: input.description,
    employerIds,
    updatedAt: now,
  }
  const place = onsite ? { venue: input.venue, address: input.address, location: ctx.db.Geo.Point(input.lng!, input.lat!) } : {}
  const startsInPast = invalid({ startsAt: '开始时间已过，请重新选择' })
  const { id, before } = await ctx.transaction(async (t) => {
    const ref = t.tx.collection<FairRecord>('fairs')
    if (input.id) {
      const { data } = await ref.doc(input.id).get()
      if (!data) throw notFound('没有找到这场招聘会')
      // A fair under way keeps its start; a moved one must start ahead.
      if (input.startsAt !== data.startsAt && input.startsAt <= now) throw startsInPast
      if (input.capacity !== undefined && input.capacity < data.signedUp) throw invalid({ capacity: `已有${data.signedUp}人报名，名额不能少于报名人数` })
      await ref.doc(input.id).update({
        data: {
          ...fields,
          employerIds: _.set(employerIds),
          venue: onsite ? input.venue : _.remove(),
          address: onsite ? input.address : _.remove(),
          location: onsite ? _.set(place.location) : _.remove(),
          link: input.link ?? _.remove(),
          capacity: input.capacity ?? _.remove(),
          seatsLeft: input.capacity === undefined ? _.remove() : input.capacity - data.signedUp,
        },
      })
      await t.audit({ target: input.id, summary: `修改招聘会“${input.title}”` })
      return { id: input.id, before: data }
    }
    if (input.startsAt <= now) throw startsInPast
    const record: Omit<FairRecord, '_id'> = {
      ...fields,
      ...place,
      ...(input.link ? { link: input.link } : {}),
      ...(input.capacity !== undefined ? { capacity: input.capacity, seatsLeft: input.capacity } : {}),
      signedUp: 0,
      status: 'open',
      createdBy: ctx.user._id,
      createdAt: now,
    } as Omit<FairRecord, '_id'>
    const { _id } = await ref.add({ data: record })
    await t.audit({ target: _id, summary: `新建招聘会“${input.title}”` })
    return { id: _id, before: undefined }
  })
  const saved = await mustGetFair(ctx, id)
  if (before) await tellSignUps(ctx, before, saved)
  return fairSummary(saved)
}

const SIGN_UP_PAGE = 100

/**
 * After an edit: each sign-up's copy of the title, time and place written again with its row of
 * 我的办事; a moved fair is reminded of again the day before; everyone still signed up is told
 * when the time or the place changed.
 */
async function tellSignUps(ctx: Ctx, before: FairRecord, fair: FairRecord) {
  const moved = fair.startsAt !== before.startsAt
  const place = placeOf(fair)
  const news = moved || place !== placeOf(before)
  if (!news && fair.title === before.title) return
  const _ = ctx.db.command
  const now = ctx.now()
  const when = formatShanghai(fair.startsAt, 'M月D日 HH:mm')
  for (let skip = 0; ; skip += SIGN_UP_PAGE) {
    const { data } = await fairSignUps(ctx).where({ fairId: fair._id }).orderBy('_id', 'asc').skip(skip).limit(SIGN_UP_PAGE).get()
    for (const signUp of data) {
      const copy = { fairTitle: fair.title, fairStartsAt: fair.startsAt, updatedAt: now }
      await fairSignUps(ctx)
        .doc(signUp._id)
        .update({ data: { ...copy, fairPlace: place ?? _.remove(), ...(moved ? { remindedAt: _.remove() } : {}) } })
      await writeRequestRow(ctx.db, requestRowOfFairSignUp({ ...signUp, ...copy, fairPlace: place }))
      if (news && signUp.status === 'signed') {
        await ctx.notify(signUp.userId, {
          title: `招聘会有变动：${fair.title}`,
          body: `现在${when}开始${place ? `（${place}）` : ''}。不能参加的话，请在开始前取消报名。`,
          link: fairLink(fair._id),
        })
      }
    }
    if (data.length < SIGN_UP_PAGE) return
  }
}

/** A place is taken by the conditional update when the venue has a limit; the count kept either way. */
async function takePlace(ctx: Ctx, fair: FairRecord): Promise<boolean> {
  const _ = ctx.db.command
  if (fair.capacity === undefined) {
    await fairs(ctx).doc(fair._id).update({ data: { signedUp: _.inc(1) } })
    return true
  }
  const { stats } = await fairs(ctx).where({ _id: fair._id, seatsLeft: _.gt(0) }).update({ data: { seatsLeft: _.inc(-1), signedUp: _.inc(1) } })
  return stats.updated === 1
}

export async function givePlaceBack(ctx: Ctx, fair: FairRecord) {
  const _ = ctx.db.command
  await fairs(ctx).doc(fair._id).update({ data: fair.capacity === undefined ? { signedUp: _.inc(-1) } : { seatsLeft: _.inc(1), signedUp: _.inc(-1) } })
}

async function signUpView(ctx: Ctx, signUp: FairSignUpRecord): Promise<FairSignUpView> {
  const fair = await mustGetFair(ctx, signUp.fairId)
  const summary = fairSummary(fair)
  return { fairId: fair._id, status: signUp.status, seatsLeft: summary.seatsLeft, signedUp: summary.signedUp }
}

/**
 * A real-named worker signs up to attend, once per fair, until it starts. With a limited venue the
 * place comes first, by the conditional update on `seatsLeft`, so no fair is ever over its places.
 */
export async function signUpFair(ctx: Ctx, fairId: string): Promise<FairSignUpView> {
  const fair = await mustGetFair(ctx, fairId)
  const now = ctx.now()
  if (fair.status !== 'open') throw failedPrecondition('这场招聘会已取消')
  if (hasStarted(fair.startsAt, now)) throw failedPrecondition('招聘会已经开始，不能再报名了')
  if (!ctx.user.profile) throw failedPrecondition('请先在“我的”里完成实名认证，再报名招聘会')
  const id = signUpIdOf(fairId, ctx.user._id)
  const { data: existing } = await fairSignUps(ctx).doc(id).get()
  const already = () => new AppError('CONFLICT', '您已经报名了这场招聘会')
  if (existing?.status === 'signed') throw already()
  if (!(await takePlace(ctx, fair))) throw failedPrecondition('名额已满，欢迎关注下一场招聘会')
  const place = placeOf(fair)
  let record: FairSignUpRecord
  try {
    if (existing) {
      const { stats } = await fairSignUps(ctx)
        .where({ _id: id, status: 'cancelled' })
        .update({ data: { status: 'signed', fairTitle: fair.title, fairStartsAt: fair.startsAt, ...(place ? { fairPlace: place } : {}), updatedAt: now } })
      if (stats.updated !== 1) throw already()
      record = { ...existing, status: 'signed', fairTitle: fair.title, fairStartsAt: fair.startsAt, ...(place ? { fairPlace: place } : {}), updatedAt: now }
    } else {
      record = { _id: id, fairId, userId: ctx.user._id, fairTitle: fair.title, fairStartsAt: fair.startsAt, status: 'signed', createdAt: now, updatedAt: now, ...(place ? { fairPlace: place } : {}) }
      await fairSignUps(ctx).add({ data: record })
    }
  } catch (error) {
    await givePlaceBack(ctx, fair)
    if (error instanceof DuplicateKeyError) throw already()
    throw error
  }
  await writeRequestRow(ctx.db, requestRowOfFairSignUp(record))
  await ctx.notify(ctx.user._id, {
    title: `招聘会：${fair.title}`,
    body: `报名成功。招聘会${formatShanghai(fair.startsAt, 'M月D日 HH:mm')}开始${place ? `（${place}）` : ''}，前一天会提醒您。`,
    link: fairLink(fairId),
  })
  return signUpView(ctx, record)
}

/** The worker cancels until the fair starts; the place goes back at once. */
export async function cancelFairSignUp(ctx: Ctx, fairId: string): Promise<FairSignUpView> {
  const fair = await mustGetFair(ctx, fairId)
  const now = ctx.now()
  if (hasStarted(fair.startsAt, now)) throw failedPrecondition('招聘会已经开始，不能再取消报名')
  const id = signUpIdOf(fairId, ctx.user._id)
  const { data: existing } = await fairSignUps(ctx).doc(id).get()
  if (!existing) throw failedPrecondition('您没有报名这场招聘会')
  const { stats } = await fairSignUps(ctx).where({ _id: id, status: 'signed' }).update({ data: { status: 'cancelled', cancelledAt: now, updatedAt: now } })
  if (stats.updated !== 1) throw failedPrecondition('这条报名已经取消了')
  await givePlaceBack(ctx, fair)
  const record: FairSignUpRecord = { ...existing, status: 'cancelled', cancelledAt: now, updatedAt: now }
  await writeRequestRow(ctx.db, requestRowOfFairSignUp(record))
  await ctx.notify(ctx.user._id, { title: `招聘会：${fair.title}`, body: '您已取消报名。', link: fairLink(fairId) })
  return signUpView(ctx, record)
}
