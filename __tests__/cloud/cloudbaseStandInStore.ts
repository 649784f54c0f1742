/** The stand-in's committed state and the query and update helpers it shares with its transactions. */
import { find, Query, update as applyUpdate } from 'mingo'
import { randomBytes } from 'node:crypto'
import { distanceM } from '../../cloud/domain/stations/distance'
import type { IndexSpec } from '../../cloud/db/indexes'
import { duplicateKey, encodeQuery, encodeUpdate, requestFailed, type GeoNear } from './cloudbaseStandInCommand'

 
export type Doc = Record<string, any> & { _id: string }

export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

export const clone = <T>(value: T): T => structuredClone(value)
export const newId = () => randomBytes(16).toString('hex')
export const valueAt = (doc: Doc, path: string): unknown =>
  path.split('.').reduce<any>((v, key) => (v !== null && typeof v === 'object' ? v[key] : undefined), doc)

/** The committed state: documents by collection, and a version per document for conflict checks. */
export class Store {
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

export interface QueryOptions {
  where: unknown[]
  order: Array<{ field: string; direction: 'asc' | 'desc' }>
  offset?: number
  limit?: number
}

/** The documents of `docs` that meet the query, ordered (geoNear first), skipped and limited. */
export function select(store: Store, collection: string, docs: Iterable<Doc>, options: QueryOptions, paged: boolean): Doc[] {
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
export function updated(doc: Doc, data: Record<string, unknown>): Doc {
  const copy = clone(doc)
  const update = encodeUpdate(data)
  // MongoDB refuses $push onto a field that is there and is not an array (mingo leaves it as it is).
  for (const path of Object.keys(update.$push ?? {})) {
    const current = valueAt(copy, path)
    if (current !== undefined && !Array.isArray(current)) {
      throw requestFailed('document.update', `The field '${path}' must be an array but is of type ${current === null ? 'null' : typeof current}`)
    }
  }
  applyUpdate(copy, update as any)
  return copy
}

