import { APPLICATION_STATUS_NAMES, AVAILABILITY_NAMES } from '../../../types/jobs'
import type { DataSection } from '../../../types/mydata'
import { after } from '../../domain/jobs/applications'
import { hasStarted } from '../../domain/jobs/fairs'
import { formatShanghai } from '../../domain/time'
import type { Ctx } from '../../core/context'
import { DuplicateKeyError } from '../../db/types'
import { CLOSED_NAME, type PersonalDataPart } from '../../core/privacy'
import { withdrawApplication } from './applications'
import { cancelFairSignUp, givePlaceBack, mustGetFair } from './fairs'
import { applications, employers, fairs, fairSignUps, invitations, jobs, resumes, type ApplicationRecord, type FairSignUpRecord } from './records'
import { fairsById } from './views'

const when = (ms: number) => formatShanghai(ms, 'YYYY-MM-DD HH:mm')

async function recordsOf(ctx: Ctx, userId: string) {
  const [{ data: resume }, { data: applied }, { data: signedUp }] = await Promise.all([
    resumes(ctx).doc(userId).get(),
    applications(ctx).where({ workerId: userId }).orderBy('createdAt', 'desc').limit(1000).get(),
    fairSignUps(ctx).where({ userId }).limit(1000).get(),
  ])
  // Whether a fair is still to come is the fair's own time, whatever an older copy on the sign-up says.
  const fairsNow = await fairsById(ctx, signedUp.map((f) => f.fairId))
  const signUps = signedUp.map((f) => ({ ...f, fairStartsAt: fairsNow.get(f.fairId)?.startsAt ?? f.fairStartsAt }))
  return { resume, applied, signUps }
}

const withdrawable = (a: ApplicationRecord) => after('withdraw', a.status) !== null
const upcoming = (f: FairSignUpRecord, now: number) => f.status === 'signed' && !hasStarted(f.fairStartsAt, now)

/**
 * A job seeker's part in 我的数据: the résumé, what was sent with each application, the fairs signed up
 * for. Closing withdraws what is undecided and cancels the fairs to come; the applications and
 * sign-ups stay for the employers' and the union's counts, with nobody's data in them.
 */
export const jobsPrivacyPart: PersonalDataPart = {
  async collect(ctx, userId, whole): Promise<DataSection[]> {
    const { resume, applied, signUps } = await recordsOf(ctx, userId)
    if (!resume && applied.length === 0 && signUps.length === 0) return []
    const items: DataSection['items'] = []
    if (resume) {
      items.push({
        title: '我的简历',
        at: resume.updatedAt,
        rows: [
          { label: '手机号', value: whole ? ctx.pii.decrypt(resume.pii.phone) : resume.phoneMasked },
          { label: '工作经历', value: resume.experience },
          { label: '技能', value: resume.skills },
          { label: '证书', value: resume.certificates },
          { label: '到岗时间', value: AVAILABILITY_NAMES[resume.availability] },
        ],
      })
    }
    for (const a of applied) {
      items.push({
        title: `求职：${a.employerName} ${a.jobTitle}`,
        at: a.createdAt,
        rows: [
          { label: '状态', value: APPLICATION_STATUS_NAMES[a.status] },
          { label: '投递的手机号', value: whole && a.pii ? ctx.pii.decrypt(a.pii.phone) : a.resume.phoneMasked },
          ...(a.interview ? [{ label: '面试', value: `${when(a.interview.at)} ${a.interview.place ?? ''}` }] : []),
          ...a.timeline.map((s) => ({ label: when(s.at), value: s.confirmed ? '已确认面试' : APPLICATION_STATUS_NAMES[s.status] })),
        ],
      })
    }
    for (const f of signUps) items.push({ title: `招聘会：${f.fairTitle}`, at: f.createdAt, rows: [{ label: '报名', value: f.status === 'signed' ? '已报名' : '已取消' }] })
    return [{ key: 'jobs', title: '就业招聘', items }]
  },

  async plan(ctx, userId) {
    const { resume, applied, signUps } = await recordsOf(ctx, userId)
    if (!resume && applied.length === 0 && signUps.length === 0) return { erased: [], kept: [], withdrawn: [], blockers: [] }
    const now = ctx.now()
    return {
      erased: ['简历和投递给企业的简历（手机号、经历、技能、证书）'],
      kept: ['岗位的投递和录用人数、招聘会的报名人数，不含您的信息：企业和工会的统计需要'],
      withdrawn: [
        ...applied.filter(withdrawable).map((a) => `求职：${a.employerName} ${a.jobTitle}`),
        ...signUps.filter((f) => upcoming(f, now)).map((f) => `招聘会报名：${f.fairTitle}`),
      ],
      blockers: [],
    }
  },

  // No consent of its own: a job seeker's requests rest on the privacy policy and the real name.
  consentsGiven: async () => ({}),

  async withdrawOpen(ctx, userId) {
    const { applied, signUps } = await recordsOf(ctx, userId)
    for (const a of applied.filter(withdrawable)) await withdrawApplication(ctx, a._id)
    const now = ctx.now()
    for (const f of signUps.filter((f) => upcoming(f, now))) await cancelFairSignUp(ctx, f.fairId)
  },

  async close(ctx, userId, alias) {
    const { resume, applied, signUps } = await recordsOf(ctx, userId)
    const now = ctx.now()
    const _ = ctx.db.command
    for (const a of applied) {
      const withdrawing = withdrawable(a)
      await applications(ctx)
        .doc(a._id)
        .update({
          data: {
            workerId: alias,
            applyKey: `closed:${a._id}`,
            status: withdrawing ? 'withdrawn' : a.status,
            timeline: _.set(withdrawing ? [...a.timeline, { status: 'withdrawn', at: now }] : a.timeline),
            resume: _.set({ name: CLOSED_NAME, age: 0, experience: '', skills: '', certificates: '', availability: a.resume.availability, phoneMasked: '' }),
            pii: _.remove(),
            notifyByWeChat: false,
            updatedAt: now,
          },
        })
    }
    if (resume) await resumes(ctx).doc(userId).remove()
    // As an HR contact or an admin they wrote jobs, fairs, employers and codes: those stay, under the alias.
    for (const collection of [jobs(ctx), fairs(ctx), employers(ctx), invitations(ctx)] as Array<ReturnType<typeof jobs>>) {
      await collection.where({ createdBy: userId }).update({ data: { createdBy: alias } })
    }
    await invitations(ctx).where({ usedBy: userId }).update({ data: { usedBy: alias } })
    for (const f of signUps) {
      if (upcoming(f, now)) {
        const { stats } = await fairSignUps(ctx).where({ _id: f._id, status: 'signed' }).update({ data: { status: 'cancelled', cancelledAt: now } })
        if (stats.updated === 1) await givePlaceBack(ctx, await mustGetFair(ctx, f.fairId))
      }
      // The sign-up's id names the person: it is written again under the alias.
      const { data: current } = await fairSignUps(ctx).doc(f._id).get()
      if (!current) continue
      const { _id: _old, ...rest } = current
      // Already written by a closing cut off before the old one went: the same alias, the same id.
      await fairSignUps(ctx)
        .add({ data: { ...rest, _id: `${f.fairId}:${alias}`, userId: alias } })
        .catch((error: unknown) => {
          if (!(error instanceof DuplicateKeyError)) throw error
        })
      await fairSignUps(ctx).doc(f._id).remove()
    }
  },
}
