/**
 * Every index the services rely on, declared once. The local runtime creates them in SQLite;
 * an operator creates the same list in the CloudBase console (`npm run indexes` prints it).
 */
export interface IndexField {
  path: string
  direction?: 'asc' | 'desc'
  /** A 2dsphere index on a field holding a `Geo.Point`. */
  geo?: boolean
  /** An index on each element of an array field (CloudBase indexes array fields this way). */
  each?: boolean
}

export interface IndexSpec {
  collection: string
  name: string
  fields: IndexField[]
  /**
   * UNIQUE, as MongoDB (and so CloudBase) has it: a document that lacks an indexed field counts as
   * having null there, so only one document may lack it, unless the index is `sparse`.
   */
  unique?: boolean
  /**
   * With `unique`: documents that lack every indexed field are left out of the index, so any number
   * of them may exist (MongoDB's sparse index). For a UNIQUE index on an optional field.
   */
  sparse?: boolean
}

/**
 * The indexes by who owns the collections: the kernel (users, the case store, the inbox, 我的办事,
 * uploads, audit, idempotency) and each service by its key in the service manifest (`types/services.ts`;
 * a test keeps the keys in step).
 */
export const INDEXES_BY_OWNER: Record<string, IndexSpec[]> = {
  kernel: [
    // One account per ID number is kept by `realname_claims` (its _id is the blind index): CloudBase
    // has no sparse UNIQUE index for a field only real-named users have.
    { collection: 'users', name: 'idNumber_blind', fields: [{ path: 'pii.idNumberBlind' }] },
    { collection: 'inbox', name: 'userId_createdAt', fields: [{ path: 'userId' }, { path: 'createdAt', direction: 'desc' }] },
    { collection: 'inbox', name: 'userId_read', fields: [{ path: 'userId' }, { path: 'read' }] },
    {
      collection: 'requests',
      name: 'userId_waits_open_updatedAt',
      fields: [{ path: 'userId' }, { path: 'waitsForWorker', direction: 'desc' }, { path: 'open', direction: 'desc' }, { path: 'updatedAt', direction: 'desc' }],
    },
    { collection: 'files', name: 'ownerId_createdAt', fields: [{ path: 'ownerId' }, { path: 'createdAt' }] },
    { collection: 'files', name: 'createdAt', fields: [{ path: 'createdAt' }] },
    { collection: 'cases', name: 'openKey', fields: [{ path: 'openKey' }], unique: true },
    {
      collection: 'cases',
      name: 'service_status_waitingSince',
      fields: [{ path: 'service' }, { path: 'status' }, { path: 'waitingSince' }],
    },
    {
      collection: 'cases',
      name: 'service_assigneeId_status_waitingSince',
      fields: [{ path: 'service' }, { path: 'assigneeId' }, { path: 'status' }, { path: 'waitingSince' }],
    },
    {
      collection: 'cases',
      name: 'ownerId_submittedAt',
      fields: [{ path: 'ownerId' }, { path: 'submittedAt', direction: 'desc' }],
    },
    // The figures (数据看板) of the case services: each index holds every field its aggregations read,
    // so the database answers them from the index without opening the cases (the sqlite driver's
    // covering index; on CloudBase, the range of one service and one moment).
    { collection: 'cases', name: 'figures_submittedAt', fields: [{ path: 'service' }, { path: 'submittedAt' }, { path: 'kind' }] },
    {
      collection: 'cases',
      name: 'figures_paidAt',
      fields: [{ path: 'service' }, { path: 'paidAt' }, { path: 'kind' }, { path: 'details.tier' }, { path: 'ownerId' }, { path: 'amountFen' }, { path: 'submittedAt' }],
    },
    {
      collection: 'cases',
      name: 'figures_decidedAt',
      fields: [
        { path: 'service' },
        { path: 'decidedAt' },
        { path: 'status' },
        { path: 'kind' },
        { path: 'amountFen' },
        { path: 'ownerId' },
        { path: 'acknowledgedAt' },
        { path: 'details.promise.acknowledgeDueAt' },
        { path: 'details.promise.decideDueAt' },
      ],
    },
    {
      collection: 'cases',
      name: 'figures_outcomeAt',
      fields: [{ path: 'service' }, { path: 'details.outcome.at' }, { path: 'details.outcome.outcome' }, { path: 'details.outcome.recoveredFen' }, { path: 'ownerId' }],
    },
    { collection: 'audit', name: 'at', fields: [{ path: 'at' }] },
    { collection: 'audit', name: 'subjects', fields: [{ path: 'subjects', each: true }] },
    { collection: 'idempotency', name: 'createdAt', fields: [{ path: 'createdAt' }] },
    // The figures kept a few minutes (数据看板), forgotten a day later.
    { collection: 'figures_cache', name: 'computedAt', fields: [{ path: 'computedAt' }] },
  ],
  stations: [
    { collection: 'stations', name: 'location_geo', fields: [{ path: 'location', geo: true }] },
    { collection: 'stations', name: 'status_type', fields: [{ path: 'status' }, { path: 'type' }] },
    { collection: 'stations', name: 'facilities', fields: [{ path: 'facilities', each: true }] },
    { collection: 'station_reports', name: 'status_createdAt', fields: [{ path: 'status' }, { path: 'createdAt' }] },
    { collection: 'station_reports', name: 'userId_createdAt', fields: [{ path: 'userId' }, { path: 'createdAt', direction: 'desc' }] },
  ],
  childcare: [
    { collection: 'childcare_classes', name: 'status_opensAt', fields: [{ path: 'status' }, { path: 'opensAt' }] },
    { collection: 'childcare_enrollments', name: 'activeKey', fields: [{ path: 'activeKey' }], unique: true },
    {
      collection: 'childcare_enrollments',
      name: 'classId_status_waitlistKey',
      fields: [{ path: 'classId' }, { path: 'status' }, { path: 'waitlistKey' }],
    },
    {
      collection: 'childcare_enrollments',
      name: 'guardianId_createdAt',
      fields: [{ path: 'guardianId' }, { path: 'createdAt', direction: 'desc' }],
    },
    { collection: 'childcare_attendance', name: 'classId_present', fields: [{ path: 'classId' }, { path: 'present' }] },
    // The figures: check-ins by day, sign-ups by when they were made and when promoted.
    { collection: 'childcare_attendance', name: 'figures_date', fields: [{ path: 'date' }, { path: 'enrollmentId' }, { path: 'present' }] },
    { collection: 'childcare_enrollments', name: 'figures_createdAt', fields: [{ path: 'createdAt' }, { path: 'status' }, { path: 'waitlistKey' }] },
    { collection: 'childcare_enrollments', name: 'figures_promotedAt', fields: [{ path: 'promotedAt' }] },
    { collection: 'childcare_sessions', name: 'classId_date', fields: [{ path: 'classId' }, { path: 'date' }] },
  ],
  aid: [{ collection: 'aid_programmes', name: 'year', fields: [{ path: 'year' }] }],
  medical: [
    { collection: 'medical_members', name: 'memberKey', fields: [{ path: 'memberKey' }], unique: true },
    // The figures count members by plan year.
    { collection: 'medical_members', name: 'year', fields: [{ path: 'year' }] },
  ],
  jobs: [
    { collection: 'employers', name: 'creditCode', fields: [{ path: 'creditCode' }], unique: true },
    { collection: 'employers', name: 'status_updatedAt', fields: [{ path: 'status' }, { path: 'updatedAt', direction: 'desc' }] },
    { collection: 'employer_invitations', name: 'employerId_createdAt', fields: [{ path: 'employerId' }, { path: 'createdAt', direction: 'desc' }] },
    // An employer's HR contacts are the users bound to it.
    { collection: 'users', name: 'employerId', fields: [{ path: 'employerId' }] },
    { collection: 'jobs', name: 'location_geo', fields: [{ path: 'location', geo: true }] },
    { collection: 'jobs', name: 'benefits', fields: [{ path: 'benefits', each: true }] },
    // A plain index on CloudBase; locally it also narrows the nearest-first walk of a search by trade.
    { collection: 'jobs', name: 'industry', fields: [{ path: 'industry', each: true }] },
    { collection: 'jobs', name: 'listed_publishedAt', fields: [{ path: 'listed' }, { path: 'publishedAt', direction: 'desc' }] },
    { collection: 'jobs', name: 'listed_salaryMaxFen', fields: [{ path: 'listed' }, { path: 'salaryMaxFen', direction: 'desc' }] },
    { collection: 'jobs', name: 'employerId_status_updatedAt', fields: [{ path: 'employerId' }, { path: 'status' }, { path: 'updatedAt', direction: 'desc' }] },
    { collection: 'jobs', name: 'status_closesAt', fields: [{ path: 'status' }, { path: 'closesAt' }] },
    { collection: 'jobs', name: 'fairId_listed', fields: [{ path: 'fairId' }, { path: 'listed' }] },
    { collection: 'job_applications', name: 'applyKey', fields: [{ path: 'applyKey' }], unique: true },
    { collection: 'job_applications', name: 'jobId_status_createdAt', fields: [{ path: 'jobId' }, { path: 'status' }, { path: 'createdAt', direction: 'desc' }] },
    { collection: 'job_applications', name: 'workerId_createdAt', fields: [{ path: 'workerId' }, { path: 'createdAt', direction: 'desc' }] },
    // The figures: applications by when they were made, with who applied and how far each got.
    { collection: 'job_applications', name: 'figures_createdAt', fields: [{ path: 'createdAt' }, { path: 'workerId' }, { path: 'status' }, { path: 'interview' }] },
    { collection: 'fairs', name: 'status_startsAt', fields: [{ path: 'status' }, { path: 'startsAt' }] },
    { collection: 'fairs', name: 'endsAt', fields: [{ path: 'endsAt' }] },
    { collection: 'fair_signups', name: 'fairId_status', fields: [{ path: 'fairId' }, { path: 'status' }] },
  ],
  legal: [
    // The desk's queue by the promise's deadline: only cases on the promise have one. (An index on service,
    // status and the deadline was tried: it led SQLite's planner away from the kernel's index for the aid desk.)
    { collection: 'cases', name: 'service_dueAt', fields: [{ path: 'service' }, { path: 'details.dueAt' }] },
    // One booking per slot, one appointment per case: both held by the database.
    { collection: 'legal_bookings', name: 'slotKey', fields: [{ path: 'slotKey' }], unique: true },
    { collection: 'legal_bookings', name: 'caseKey', fields: [{ path: 'caseKey' }], unique: true },
    { collection: 'legal_bookings', name: 'stationId_status_date', fields: [{ path: 'stationId' }, { path: 'status' }, { path: 'date' }] },
    { collection: 'legal_bookings', name: 'status_reminded_startAt', fields: [{ path: 'status' }, { path: 'reminded' }, { path: 'startAt' }] },
    { collection: 'legal_messages', name: 'caseId_at', fields: [{ path: 'caseId' }, { path: 'at', direction: 'desc' }] },
    { collection: 'calendar_years', name: 'year', fields: [{ path: 'year' }] },
    // Whom the desk may assign a case to.
    { collection: 'users', name: 'roles', fields: [{ path: 'roles', each: true }] },
  ],
}

export const INDEXES: IndexSpec[] = Object.values(INDEXES_BY_OWNER).flat()

/**
 * Collections read far more often than they are written, whose documents the sqlite driver keeps
 * parsed by id: every call reads its user, who changes a consent or a role now and then; a worker's
 * job search reads the employer of every job it shows, which an admin changes now and then.
 * Nothing to create on CloudBase. A read of them by id (`doc(id)`, `where({ _id: _.in([...]) })`)
 * hands every caller the same frozen documents.
 */
export const READ_MOSTLY: readonly string[] = ['users', 'employers']
