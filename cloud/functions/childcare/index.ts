import {
  CheckInInput,
  ClassIdInput,
  ClassUpsertInput,
  EnrollmentIdInput,
  RevealInput,
  SetClassStatusInput,
  type ChildcareContract,
} from '../../../types/childcare'
import { Empty } from '../../../types/users'
import { EnrollInput } from '../../domain/childcare/enroll'
import { formatShanghai } from '../../domain/time'
import { defineFunction } from '../../core/defineFunction'
import { rebuildRequestsAction } from '../../core/requests/rebuild'
import { rebuildChildcareRequests } from './requests'
import { cancel, enroll } from './signup'
import { attendance, checkIn, revealIdNumber, roster, setClassStatus, upsertClass } from './staff'
import { classes, classesById, classView, enrollments, enrollmentView, mustGetClass } from './views'

const STAFF = ['volunteer:childcare', 'admin'] as const

export const childcareFunction = defineFunction<ChildcareContract>('childcare', {
  classes: {
    roles: ['worker'],
    input: Empty,
    access: 'read',
    audited: false,
    async run(ctx) {
      const today = formatShanghai(ctx.now(), 'YYYY-MM-DD')
      const { data } = await classes(ctx)
        .where({ status: 'open', endDate: ctx.db.command.gte(today) })
        .orderBy('opensAt', 'asc')
        .limit(100)
        .get()
      return { items: await Promise.all(data.map((c) => classView(ctx, c))) }
    },
  },

  classDetail: {
    roles: ['worker'],
    input: ClassIdInput,
    access: 'read',
    audited: false,
    run: async (ctx, input) => classView(ctx, await mustGetClass(ctx, input.classId)),
  },

  // The requestId is kept with the sign-up itself, in its one write; first come, first served.
  enroll: { roles: ['worker'], input: EnrollInput, access: 'write', remember: 'record', collectsNew: true, audited: false, inArrivalOrder: true, run: enroll },

  cancel: {
    roles: ['worker'],
    input: EnrollmentIdInput,
    access: 'write',
    remember: true,
    audited: false,
    run: (ctx, input) => cancel(ctx, input.enrollmentId),
  },

  mine: {
    roles: ['worker'],
    input: Empty,
    access: 'read',
    audited: false,
    async run(ctx) {
      const { data } = await enrollments(ctx).where({ guardianId: ctx.user._id }).orderBy('createdAt', 'desc').limit(50).get()
      const byId = await classesById(ctx, data.map((e) => e.classId))
      const items = await Promise.all(data.filter((e) => byId.has(e.classId)).map((e) => enrollmentView(ctx, e, byId.get(e.classId)!)))
      return { items }
    },
  },

  allClasses: {
    roles: STAFF,
    input: Empty,
    access: 'read',
    audited: false,
    async run(ctx) {
      const { data } = await classes(ctx).where({}).orderBy('startDate', 'desc').limit(200).get()
      return { items: await Promise.all(data.map((c) => classView(ctx, c))) }
    },
  },

  upsertClass: { roles: ['admin'], input: ClassUpsertInput, access: 'write', remember: true, audited: true, run: upsertClass },

  setClassStatus: {
    roles: ['admin'],
    input: SetClassStatusInput,
    access: 'write',
    remember: true,
    audited: true,
    run: (ctx, input) => setClassStatus(ctx, input.classId, input.status),
  },

  // Children's data is shown: recorded like any look at personal data.
  roster: { roles: STAFF, input: ClassIdInput, access: 'read', audited: true, run: (ctx, input) => roster(ctx, input.classId) },

  // A read: the answer is a child's ID number in the clear, so its requestId is never remembered.
  revealIdNumber: { roles: STAFF, input: RevealInput, access: 'read', audited: true, run: (ctx, input) => revealIdNumber(ctx, input.enrollmentId) },

  checkIn: { roles: STAFF, input: CheckInInput, access: 'write', remember: true, audited: true, run: checkIn },

  attendance: { roles: STAFF, input: ClassIdInput, access: 'read', audited: false, run: (ctx, input) => attendance(ctx, input.classId) },

  rebuildRequests: rebuildRequestsAction('托班报名', rebuildChildcareRequests),
})
