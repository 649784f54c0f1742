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
import { find, Query, update as applyUpdate } from 'mingo'
import { randomBytes } from 'node:crypto'
import { distanceM } from '../../cloud/domain/stations/distance'
import { INDEXES, type IndexSpec } from '../../cloud/db/indexes'
import {
  command,
  CloudSDKError,
  duplicateKey,
  encodeQuery,
  encodeUpdate,
  Geo,
  requestFailed,
  toStored,
  transactionConflict,
  type GeoNear,
} from './cloudbaseStandInCommand'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Doc = Record<string, any> & { _id: string }

export interface StandInOptions {
  /** The indexes the console would have; UNIQUE ones are enforced, geo ones allow geoNear. */
  indexes?: IndexSpec[]
  /** Awaited before every operation, inside transactions too: a test hook to interleave callers. */
  yieldBetween?: () => Promise<void>
  envId?: string
}

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

const clone = <T>(value: T): T => structuredClone(value)
const newId = () => randomBytes(16).toString('hex')
const valueAt = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<any>((v, key) => (v !== null && typeof v === 'object' ? v[key] : undefined), doc)

/** The committed state: documents by collection, and a version per document for conflict checks. */
class Store {
  readonly collections = new Map<string, Map<string, Doc>>()
  private readonly versions = new Map<string, number>()

  constructor(
    readonly indexes: IndexSpec[],
    readonly envId: string,
  ) {}

  docs(collection: string): Map<string, Doc> {
    let docs = this.collections.get(collection)
    if (!docs) this.collections.set(collection, (docs = new Map()))
    return docs
  }

  version(collection: string, id: string): number {
    return this.versions.get(`${collection}/${id}`) ?? 0
  }

  /** Writes (or with null removes) documents at once, after checking every UNIQUE index. */
  commit(api: string, collection: string, changes: Map<string, Doc | null>) {
    const docs = this.docs(collection)
    this.checkUnique(api, collection, docs, changes)
    for (const [id, doc] of changes) {
      if (doc) docs.set(id, doc)
      else docs.delete(id)
      this.versions.set(`${collection}/${id}`, this.version(collection, id) + 1)
    }
  }

  /**
   * MongoDB's unique index: a missing field counts as null, so only one document may lack it,
   * unless the index is sparse (then documents lacking every indexed field are left out).
   */
  checkUnique(api: string, collection: string, docs: Map<string, Doc>, changes: Map<string, Doc | null>) {
    const after = (id: string) => (changes.has(id) ? changes.get(id)! : docs.get(id))
    for (const spec of this.indexes.filter((s) => s.collection === collection && s.unique)) {
      const paths = spec.fields.map((f) => f.path)
      const keyOf = (doc: Doc) => {
        const values = paths.map((p) => valueAt(doc, p))
        if (spec.sparse && values.every((v) => v === undefined)) return null
        return JSON.stringify(values.map((v) => (v === undefined ? null : v)))
      }
      const seen = new Map<string, string>()
      const ids = new Set([...docs.keys(), ...changes.keys()])
      for (const id of ids) {
        const doc = after(id)
        const key = doc && keyOf(doc)
        if (key === null || key === undefined) continue
        const other = seen.get(key)
        if (other !== undefined && (changes.has(id) || changes.has(other))) {
          const shown = paths.map((p, i) => `${p}: ${JSON.stringify((JSON.parse(key) as unknown[])[i])}`).join(', ')
          throw duplicateKey(api, `${this.envId}.${collection}`, spec.name, `{ ${shown} }`)
        }
        seen.set(key, id)
      }
    }
  }

  hasGeoIndex(collection: string, path: string) {
    return this.indexes.some((s) => s.collection === collection && s.fields.some((f) => f.geo && f.path === path))
  }
}

interface QueryOptions {
  where: unknown[]
  order: Array<{ field: string; direction: 'asc' | 'desc' }>
  offset?: number
  limit?: number
}

/** The documents of `docs` that meet the query, ordered (geoNear first), skipped and limited. */
function select(store: Store, collection: string, docs: Iterable<Doc>, options: QueryOptions, paged: boolean): Doc[] {
  const geo: GeoNear[] = []
  const criteria = options.where.length === 0 ? {} : { $and: options.where.map((w) => encodeQuery(w, geo)) }
  const test = new Query(criteria)
  let matching = [...docs].filter((d) => test.test(d))
  const skip = paged ? (options.offset ?? 0) : 0
  const limit = paged ? Math.min(options.limit || DEFAULT_LIMIT, MAX_LIMIT) : Number.MAX_SAFE_INTEGER
  if (geo.length > 0) {
    const [near] = geo
    if (!store.hasGeoIndex(collection, near.path)) throw requestFailed('collection.get', 'unable to find index for $geoNear query')
    const [lng, lat] = near.geometry.coordinates
    const withDistance = matching
      .map((doc) => {
        const point = valueAt(doc, `${near.path}.coordinates`) as [number, number] | undefined
        return { doc, metres: point ? distanceM({ lat, lng }, { lat: point[1], lng: point[0] }) : NaN }
      })
      .filter(({ metres }) => !Number.isNaN(metres))
      .filter(({ metres }) => metres <= (near.maxDistance ?? Infinity) && metres >= (near.minDistance ?? 0))
    withDistance.sort((a, b) => a.metres - b.metres)
    matching = withDistance.map(({ doc }) => doc)
    return matching.slice(skip, skip + limit)
  }
  const sort = Object.fromEntries(options.order.map(({ field, direction }) => [field, direction === 'desc' ? -1 : 1]))
  let cursor = find(matching, {})
  if (options.order.length > 0) cursor = cursor.sort(sort)
  return (cursor.skip(skip).limit(limit).all() as Doc[]).slice(0, limit)
}

/** `data` applied to a copy of `doc` as CloudBase applies an update. */
function updated(doc: Doc, data: Record<string, unknown>): Doc {
  const copy = clone(doc)
  applyUpdate(copy, encodeUpdate(data) as any)
  return copy
}

class StandInDatabase {
  readonly command = command
  readonly Geo = Geo

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

/** What `transaction.rollback(reason)` throws to end the callback; runTransaction rejects with `reason`. */
class Rollback {
  constructor(readonly reason: unknown) {}
}

/**
 * A transaction: single-document operations only (no `where`, no batch). Reads see each document
 * as it was when the transaction first touched it, plus the transaction's own writes; writes are
 * buffered and become visible at commit. A document another writer changed after this transaction
 * first touched it, and that this transaction writes, is a conflict: runTransaction runs the
 * callback again. A duplicate key is checked at the operation against what the transaction sees,
 * and again at commit, where one that appeared meanwhile is a conflict (as MongoDB's write conflict).
 */
export class StandInTransaction {
  /** Per `collection/id`: the version first seen, and the document as this transaction sees it. */
  private readonly seen = new Map<string, { version: number; doc: Doc | null }>()
  private readonly writes = new Map<string, Map<string, Doc | null>>()

  constructor(
    private readonly store: Store,
    private readonly hook: () => Promise<void>,
  ) {}

  collection(name: string) {
    return {
      doc: (id: string) => this.document(name, id),
      add: async ({ data }: { data: Record<string, unknown> }) => {
        await this.hook()
        const _id = (data._id as string | undefined) ?? newId()
        if (this.view(name, _id)) {
          throw duplicateKey('collection.add', `${this.store.envId}.${name}`, '_id_', `{ _id: ${JSON.stringify(_id)} }`)
        }
        this.write('collection.add', name, _id, { ...toStored(data), _id })
        return { _id, errMsg: 'collection.add:ok' }
      },
    }
  }

  async rollback(reason?: unknown): Promise<never> {
    throw new Rollback(reason)
  }

  private document(name: string, id: string) {
    return {
      get: async () => {
        await this.hook()
        const doc = this.view(name, id)
        return { data: doc ? clone(doc) : null, errMsg: 'document.get:ok' }
      },
      set: async ({ data }: { data: Record<string, unknown> }) => {
        await this.hook()
        const existed = this.view(name, id) !== null
        this.write('document.set', name, id, { ...toStored(data), _id: id })
        return { _id: id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' }
      },
      update: async ({ data }: { data: Record<string, unknown> }) => {
        await this.hook()
        const doc = this.view(name, id)
        if (!doc) return { stats: { updated: 0 }, errMsg: 'document.update:ok' }
        this.write('document.update', name, id, updated(doc, data))
        return { stats: { updated: 1 }, errMsg: 'document.update:ok' }
      },
      remove: async () => {
        await this.hook()
        const existed = this.view(name, id) !== null
        if (existed) this.write('document.remove', name, id, null)
        return { stats: { removed: existed ? 1 : 0 }, errMsg: 'document.remove:ok' }
      },
    }
  }

  /** The document as this transaction sees it; the first touch records its version. */
  private view(name: string, id: string): Doc | null {
    const key = `${name}/${id}`
    let entry = this.seen.get(key)
    if (!entry) {
      entry = { version: this.store.version(name, id), doc: this.store.docs(name).get(id) ?? null }
      this.seen.set(key, entry)
    }
    return entry.doc
  }

  private write(api: string, name: string, id: string, doc: Doc | null) {
    this.view(name, id)
    const key = `${name}/${id}`
    if (this.store.version(name, id) !== this.seen.get(key)!.version) throw transactionConflict()
    this.seen.get(key)!.doc = doc
    if (!this.writes.has(name)) this.writes.set(name, new Map())
    const changes = this.writes.get(name)!
    changes.set(id, doc)
    // Unique indexes against what this transaction sees: committed documents and its own writes.
    this.store.checkUnique(api, name, this.store.docs(name), changes)
  }

  commit() {
    for (const [name, changes] of this.writes) {
      for (const id of changes.keys()) {
        if (this.store.version(name, id) !== this.seen.get(`${name}/${id}`)!.version) throw transactionConflict()
      }
      try {
        this.store.checkUnique('transaction.commit', name, this.store.docs(name), changes)
      } catch {
        throw transactionConflict()
      }
    }
    for (const [name, changes] of this.writes) this.store.commit('transaction.commit', name, changes)
  }
}

/** A stand-in of the `cloud` object of wx-server-sdk, as far as `cloudbaseDb` uses it. */
export function createCloudbaseStandIn(options: StandInOptions = {}) {
  const store = new Store(options.indexes ?? INDEXES, options.envId ?? 'lugong-test')
  const hook = options.yieldBetween ?? (async () => {})
  const database = new StandInDatabase(store, hook)
  return { database: () => database }
}
