/**
 * An in-memory stand-in of wx-server-sdk's database (`cloud.database()`), on the MongoDB query
 * engine mingo, so that `cloudbaseDb` (the production driver) runs the same contract suite as the
 * sqlite driver. It behaves as CloudBase documents it; what it relies on (see docs/decisions.md,
 * "The CloudBase stand-in"):
 *
 * - doc(id).get() of a missing document rejects ("默认情况下，如果获取不到记录，方法会抛出异常"),
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/database/document/Document.get.html;
 *   inside a transaction it answers { data: null } (tcb-admin-node's transaction test, "get不存在的文档，返回null").
 * - get() answers 100 documents unless asked, at most 1000 with limit() on the server SDK:
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/collection/Collection.limit.md
 * - doc(id).update() answers stats.updated 0 or 1 ("在此只可能会是 0 或 1"), Document.update.md.
 * - geoNear: nearest first, maxDistance/minDistance in metres, needs a geo index:
 *   https://developers.weixin.qq.com/minigame/dev/wxcloud/reference-sdk-api/database/command/Command.geoNear.html
 * - runTransaction(callback, times = 3): only single-document operations; the callback runs again
 *   only on a transaction conflict, other errors reject at once:
 *   https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/Database.runTransaction.md
 * - a duplicate key: CloudBase's code for it is DATABASE_DUPLICATE_WRITE ("index key duplicate",
 *   https://docs.cloudbase.net/error-code/DATABASE_DUPLICATE_WRITE), which wx-server-sdk surfaces as
 *   the general -502001 "database request fail" (https://developers.weixin.qq.com/minigame/dev/wxcloud/reference/errcode.html)
 *   carrying MongoDB's "E11000 duplicate key error collection: <db>.<coll> index: <name> dup key: {...}".
 *   A UNIQUE index counts a missing field as null (one document may lack it) unless it is sparse.
 */
import { INDEXES, type IndexSpec } from '../../cloud/db/indexes'
import { aggregateCommand, StandInAggregate } from './cloudbaseStandInAggregate'
import { command, CloudSDKError, DbRegExp, duplicateKey, Geo, toStored } from './cloudbaseStandInCommand'
import { clone, newId, select, Store, updated, type QueryOptions } from './cloudbaseStandInStore'
import { Rollback, StandInTransaction } from './cloudbaseStandInTransaction'

 

export interface StandInOptions {
  /** The indexes the console would have; UNIQUE ones are enforced, geo ones allow geoNear. */
  indexes?: IndexSpec[]
  /** Awaited before every operation, inside transactions too: a test hook to interleave callers. */
  yieldBetween?: () => Promise<void>
  envId?: string
}

class StandInDatabase {
  readonly command = { ...command, aggregate: aggregateCommand }
  readonly Geo = Geo
  /** Callable with or without `new`, as the SDK's `db.RegExp`. */
  readonly RegExp = (options: { regexp: string; options?: string }) => new DbRegExp(options)

  constructor(
    readonly store: Store,
    private readonly hook: () => Promise<void>,
  ) {}

  collection(name: string) {
    return new StandInQuery(this.store, name, this.hook, { where: [], order: [] })
  }

  async runTransaction<R>(callback: (transaction: StandInTransaction) => Promise<R>, times = 3): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      const transaction = new StandInTransaction(this.store, this.hook)
      try {
        const result = await callback(transaction)
        await this.hook()
        transaction.commit()
        return result
      } catch (error) {
        if (error instanceof Rollback) throw error.reason
        const conflict = (error as { code?: string })?.code === 'DATABASE_TRANSACTION_CONFLICT'
        if (conflict && attempt < times) continue
        throw error
      }
    }
  }
}

class StandInQuery {
  constructor(
    protected readonly store: Store,
    protected readonly name: string,
    protected readonly hook: () => Promise<void>,
    private readonly options: QueryOptions,
  ) {}

  private with(change: Partial<QueryOptions>) {
    return new StandInQuery(this.store, this.name, this.hook, { ...this.options, ...change })
  }

  /** As the SDK's Query.where: the new query replaces the one set before. */
  where(query: unknown) {
    return this.with({ where: [query] })
  }
  orderBy(field: string, direction: 'asc' | 'desc') {
    if (direction !== 'asc' && direction !== 'desc') throw new Error('orderBy direction must be asc or desc')
    return this.with({ order: [...this.options.order, { field, direction }] })
  }
  skip(offset: number) {
    if (!Number.isInteger(offset)) throw new Error('offset must be an integer')
    return this.with({ offset })
  }
  limit(limit: number) {
    if (!Number.isInteger(limit)) throw new Error('limit must be an integer')
    return this.with({ limit })
  }

  doc(id: string) {
    return new StandInDocument(this.store, this.name, id, this.hook)
  }

  aggregate() {
    return new StandInAggregate(this.store, this.name, this.hook)
  }

  async add({ data }: { data: Record<string, unknown> }) {
    await this.hook()
    const _id = (data._id as string | undefined) ?? newId()
    if (this.store.docs(this.name).has(_id)) {
      throw duplicateKey('collection.add', `${this.store.envId}.${this.name}`, '_id_', `{ _id: ${JSON.stringify(_id)} }`)
    }
    this.store.commit('collection.add', this.name, new Map([[_id, { ...toStored(data), _id }]]))
    return { _id, errMsg: 'collection.add:ok' }
  }

  async get() {
    await this.hook()
    const docs = select(this.store, this.name, this.store.docs(this.name).values(), this.options, true)
    return { data: docs.map(clone), errMsg: 'collection.get:ok' }
  }

  async count() {
    await this.hook()
    const docs = select(this.store, this.name, this.store.docs(this.name).values(), this.options, false)
    return { total: docs.length, errMsg: 'collection.count:ok' }
  }

  /** Every matching document at once: the conditional update. */
  async update({ data }: { data: Record<string, unknown> }) {
    await this.hook()
    const matching = select(this.store, this.name, this.store.docs(this.name).values(), this.options, false)
    const changes = new Map(matching.map((doc) => [doc._id, updated(doc, data)]))
    this.store.commit('collection.update', this.name, changes)
    return { stats: { updated: changes.size }, errMsg: 'collection.update:ok' }
  }

  async remove() {
    await this.hook()
    const matching = select(this.store, this.name, this.store.docs(this.name).values(), this.options, false)
    this.store.commit('collection.remove', this.name, new Map(matching.map((doc) => [doc._id, null])))
    return { stats: { removed: matching.length }, errMsg: 'collection.remove:ok' }
  }
}

class StandInDocument {
  constructor(
    private readonly store: Store,
    private readonly name: string,
    private readonly id: string,
    private readonly hook: () => Promise<void>,
  ) {}

  async get() {
    await this.hook()
    const doc = this.store.docs(this.name).get(this.id)
    if (!doc) {
      throw new CloudSDKError({ errCode: -1, errMsg: `document.get:fail document with _id ${this.id} does not exist` })
    }
    return { data: clone(doc), errMsg: 'document.get:ok' }
  }

  async set({ data }: { data: Record<string, unknown> }) {
    await this.hook()
    if ('_id' in data) throw new CloudSDKError({ errCode: -501007, errMsg: 'document.set:fail _id cannot be set' })
    const existed = this.store.docs(this.name).has(this.id)
    this.store.commit('document.set', this.name, new Map([[this.id, { ...toStored(data), _id: this.id }]]))
    return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' }
  }

  async update({ data }: { data: Record<string, unknown> }) {
    await this.hook()
    const doc = this.store.docs(this.name).get(this.id)
    if (!doc) return { stats: { updated: 0 }, errMsg: 'document.update:ok' }
    this.store.commit('document.update', this.name, new Map([[this.id, updated(doc, data)]]))
    return { stats: { updated: 1 }, errMsg: 'document.update:ok' }
  }

  async remove() {
    await this.hook()
    const existed = this.store.docs(this.name).has(this.id)
    if (existed) this.store.commit('document.remove', this.name, new Map([[this.id, null]]))
    return { stats: { removed: existed ? 1 : 0 }, errMsg: 'document.remove:ok' }
  }
}

/** A stand-in of the `cloud` object of wx-server-sdk, as far as `cloudbaseDb` uses it. */
export function createCloudbaseStandIn(options: StandInOptions = {}) {
  const store = new Store(options.indexes ?? INDEXES, options.envId ?? 'lugong-test')
  const hook = options.yieldBetween ?? (async () => {})
  const database = new StandInDatabase(store, hook)
  return { database: () => database }
}
