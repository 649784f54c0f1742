import deepFreeze from 'deep-freeze-strict'
import KDBush from 'kdbush'
import type { IndexSpec } from '../indexes'
import { KeptById } from './keptById'
import { geoLatSql, geoLngSql, jsonPath } from './sql'

export interface GeoIndex {
  version: number
  tree: KDBush
  /** [rowid, lat, lng] of the point at each position of the tree. */
  points: Array<[number, number, number]>
  empty: boolean
  /** `masks` of `elementMask`, by element path and value: made for this version of the tree. */
  masks: Map<string, Uint8Array>
  /**
   * `narrowedTree`s by their conditions, the least recently used first, made for this version of the
   * tree; null where the whole tree is walked (the conditions hold for too many points, or SQL refused them).
   */
  narrowed: Map<string, NarrowedTree | null>
  /** How many points the kept narrowed trees hold together. */
  narrowedPoints: number
  /** Conditions asked for once so far in this version, the oldest first: the next time makes their tree. */
  askedOnce: Set<string>
}

/** The points of a geo index that meet some conditions, as a k-d tree of their own. */
export interface NarrowedTree {
  tree: KDBush
  /** The position in the whole index (`GeoIndex.points`) of each point of this tree. */
  positions: Int32Array
  empty: boolean
}

/** How many element masks a geo index keeps; queries name a handful of values (facilities, industries). */
export const MASKS_KEPT = 64

/**
 * How many narrowed trees a geo index keeps: the keywords workers search most (the least recently
 * used go), and never more points together than twice the index holds.
 */
export const NARROWED_KEPT = 128

/** Conditions met by more than this share of the points narrow nothing worth a tree: the whole tree is walked. */
export const NARROWED_MAX_SHARE = 0.25

/** The points of `geo` whose rowids are in `rowids`, as a tree; null when there are too many to be worth one. */
function narrowed(geo: GeoIndex, rowids: Set<number> | null): NarrowedTree | null {
  if (rowids === null) return null
  const positions: number[] = []
  geo.points.forEach(([rowid], position) => {
    if (rowids.has(rowid)) positions.push(position)
  })
  if (positions.length > geo.points.length * NARROWED_MAX_SHARE) return null
  const tree = new KDBush(Math.max(positions.length, 1))
  for (const position of positions) tree.add(geo.points[position][2], geo.points[position][1])
  if (positions.length === 0) tree.add(0, 0)
  tree.finish()
  return { tree, positions: Int32Array.from(positions), empty: positions.length === 0 }
}

/** Array element → rowids of the documents whose array holds it. */
export interface ElementIndex {
  version: number
  rowidsOf: Map<unknown, Set<number>>
}

/** Frozen documents by rowid: the one kept, or the one parsed from `json` and kept. */
export interface ParsedDocuments {
  get(rowid: number): object | undefined
  keep(rowid: number, json: string): object
}

/** Reads raw rows (arrays) for a SQL text. */
type ReadRows = (sql: string) => unknown[][]

/**
 * The geo (2dsphere) and array-element indexes, which SQLite has no expression index for: kept
 * in memory, read from the table when first needed and again after any write to the collection.
 * One process owns the database file, so it sees every write.
 */
export class MemoryIndexes {
  private readonly geo = new Map<string, { built: GeoIndex | null }>()
  private readonly elements = new Map<string, { built: ElementIndex | null }>()
  private readonly versions = new Map<string, number>()
  private readonly parsed = new Map<string, { version: number; byRowid: Map<number, object> }>()
  /** Read-mostly collections (`READ_MOSTLY`) and their documents kept by id, for the current version. */
  private readonly kept = new Map<string, KeptById | null>()

  constructor(
    private readonly tableOf: (collection: string) => string,
    private readonly read: ReadRows,
    /** Whether another process committed to the file since last asked (`SqliteDb`'s `otherCommits`). */
    private readonly committedElsewhere: () => boolean = () => false,
  ) {}

  /** Takes a declared index if it is one of these kinds; false leaves it to SQLite. */
  declare(spec: IndexSpec): boolean {
    const geo = spec.fields.find((f) => f.geo)
    if (geo) {
      this.geo.set(`${spec.collection}:${geo.path}`, { built: null })
      return true
    }
    const each = spec.fields.find((f) => f.each)
    if (each) {
      this.elements.set(`${spec.collection}:${each.path}`, { built: null })
      return true
    }
    return false
  }

  /** Keeps the documents of `collection` by id once read (`keptById`). */
  declareReadMostly(collection: string) {
    this.kept.set(collection, null)
  }

  /**
   * The documents of a read-mostly collection by id, forgotten after any write to it, and after
   * another process's (a role granted with `npm run grant` while the runtime runs); undefined for
   * any other collection. A job search read the employer of each job it shows, 20 of them, on every
   * call: half of its time in the database.
   */
  keptById(collection: string): KeptById | undefined {
    if (this.committedElsewhere()) for (const name of this.kept.keys()) this.kept.set(name, null)
    const kept = this.kept.get(collection)
    if (kept === undefined) return undefined
    const version = this.versions.get(collection) ?? 0
    if (kept?.version === version) return kept
    const made = new KeptById(version)
    this.kept.set(collection, made)
    return made
  }

  /** Every write to a collection makes its in-memory indexes stale. */
  touched(collection: string) {
    this.versions.set(collection, (this.versions.get(collection) ?? 0) + 1)
  }

  /**
   * A geo index: a static k-d tree of the points (kdbush), searched nearest first (geokdbush),
   * rebuilt when the collection has changed since.
   */
  geoIndexOf(collection: string, path: string): GeoIndex | undefined {
    const entry = this.geo.get(`${collection}:${path}`)
    if (!entry) return undefined
    const version = this.versions.get(collection) ?? 0
    if (entry.built?.version !== version) {
      const table = this.tableOf(collection)
      const rows = this.read(
        `SELECT rowid, ${geoLatSql(path)}, ${geoLngSql(path)} FROM ${table} WHERE ${geoLatSql(path)} IS NOT NULL`,
      ) as Array<[number, number, number]>
      const tree = new KDBush(Math.max(rows.length, 1))
      for (const [, lat, lng] of rows) tree.add(lng, lat)
      if (rows.length === 0) tree.add(0, 0)
      tree.finish()
      entry.built = { version, tree, points: rows, empty: rows.length === 0, masks: new Map(), narrowed: new Map(), narrowedPoints: 0, askedOnce: new Set() }
    }
    return entry.built
  }

  /**
   * Which points of a geo index hold `value` in the element-indexed `elementPath`: a byte for each
   * position of the tree, so the nearest-first walk tests a point with one read instead of a set
   * lookup (a job search tested about 2,500 points). Made from the element index of the same
   * version; kept with the geo index, at most `MASKS_KEPT` of them.
   */
  elementMask(geo: GeoIndex, collection: string, elementPath: string, value: string | number): Uint8Array {
    const key = `${elementPath}\u0000${typeof value}\u0000${value}`
    const kept = geo.masks.get(key)
    if (kept) return kept
    const holders = this.elementIndexOf(collection, elementPath)?.rowidsOf.get(value)
    const mask = new Uint8Array(geo.points.length)
    if (holders) geo.points.forEach(([rowid], position) => (mask[position] = holders.has(rowid) ? 1 : 0))
    if (geo.masks.size < MASKS_KEPT) geo.masks.set(key, mask)
    return mask
  }

  /**
   * The points of a geo index whose documents meet conditions that stay the same from one query to
   * the next (a worker's keywords), as a k-d tree of their own: the nearest-first walk then visits
   * only them. `matching` answers the rowids that meet them, as SQL decides. A job search with a
   * keyword walked about 1,000 points and tested 146 documents to find 21 (0.25 ms); making the tree
   * reads the whole collection (16 ms for 10,000 jobs), so it is made the second time the same
   * conditions are asked for, and null answers the first: a keyword nobody repeats costs what it
   * did. Null also answers conditions met by more than `NARROWED_MAX_SHARE` of the points, or that
   * `matching` could not answer (null): the whole tree is walked, as before. Made for this version
   * of the tree; at most `NARROWED_KEPT` are kept.
   */
  narrowedTree(geo: GeoIndex, key: string, matching: () => Set<number> | null): NarrowedTree | null {
    const kept = geo.narrowed.get(key)
    if (kept !== undefined) {
      geo.narrowed.delete(key)
      geo.narrowed.set(key, kept)
      return kept
    }
    if (!geo.askedOnce.delete(key)) {
      geo.askedOnce.add(key)
      if (geo.askedOnce.size > NARROWED_KEPT) geo.askedOnce.delete(geo.askedOnce.values().next().value as string)
      return null
    }
    const made = narrowed(geo, matching())
    geo.narrowed.set(key, made)
    geo.narrowedPoints += made?.positions.length ?? 0
    while (geo.narrowed.size > NARROWED_KEPT || geo.narrowedPoints > 2 * geo.points.length) {
      const [oldest, tree] = geo.narrowed.entries().next().value as [string, NarrowedTree | null]
      geo.narrowed.delete(oldest)
      geo.narrowedPoints -= tree?.positions.length ?? 0
    }
    return made
  }

  /**
   * The documents of a collection with a geo index as its nearest-first queries hand them out:
   * parsed once and frozen, by rowid, forgotten after any write to the collection. A nearby search
   * parsed each of its documents again on every call, about a quarter of its time; the collection
   * is held at most once over, as the geo index already holds every point of it.
   */
  parsedDocuments(collection: string): ParsedDocuments {
    const version = this.versions.get(collection) ?? 0
    let entry = this.parsed.get(collection)
    if (entry?.version !== version) {
      entry = { version, byRowid: new Map() }
      this.parsed.set(collection, entry)
    }
    const { byRowid } = entry
    return {
      get: (rowid) => byRowid.get(rowid),
      keep: (rowid, json) => {
        const doc = deepFreeze(JSON.parse(json) as object)
        byRowid.set(rowid, doc)
        return doc
      },
    }
  }

  /** The element index of `collection.path`, rebuilt when the collection has changed since. */
  elementIndexOf(collection: string, path: string): ElementIndex | undefined {
    const entry = this.elements.get(`${collection}:${path}`)
    if (!entry) return undefined
    const version = this.versions.get(collection) ?? 0
    if (entry.built?.version !== version) {
      const table = this.tableOf(collection)
      const rows = this.read(`SELECT t.rowid, e.value FROM ${table} t, json_each(t.doc, '${jsonPath(path)}') e`) as Array<
        [number, unknown]
      >
      const rowidsOf = new Map<unknown, Set<number>>()
      for (const [rowid, value] of rows) {
        if (!rowidsOf.has(value)) rowidsOf.set(value, new Set())
        rowidsOf.get(value)!.add(rowid)
      }
      entry.built = { version, rowidsOf }
    }
    return entry.built
  }
}
