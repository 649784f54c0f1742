import { around } from 'geokdbush'
import { distanceM } from '../../domain/stations/distance'
import { Op } from '../command'
import type { WithId } from '../types'
import type { SqliteConnection } from './collection'
import { prefilterOf, type Verdict } from './prefilter'
import { onlyRegExps, textNeeded } from './regexp'
import { isPlainObject, join, present, unlikeInSqlite, type Compiled } from './sql'

/** Distances closer than this are the same distance (the walk and `distanceM` round apart by far less). */
const TIE_M = 1e-6

/**
 * Nearest first, as CloudBase's geoNear (which likewise needs a geo index): take the nearest
 * points from the k-d tree a batch at a time, keep the documents among them that meet the other
 * conditions, and stop at `wanted` (and whatever is as near as the last of them, so that equal
 * distances are ordered by rowid). Distances are haversine, as everywhere in the portal. The walk
 * admits only points the element indexes allow; the conditions are then tried on the parsed
 * documents (`prefilterOf`) and SQL decides only what that cannot tell. The documents come
 * frozen, each parsed once (`MemoryIndexes.parsedDocuments`).
 */
export function nearestFirst<T>(db: SqliteConnection, collection: string, where: unknown[], table: string, cond: Compiled & { parts: Compiled[] }, wanted: number): WithId<T>[] {
  const { path, options } = cond.geo!
  const index = db.memory.geoIndexOf(collection, path)
  if (!index) throw new Error(`geoNear on ${collection}.${path} needs a declared geo index`)
  if (index.empty || wanted <= 0) return []
  const [lng, lat] = options.geometry.coordinates
  const maxKm = options.maxDistance === undefined ? Infinity : options.maxDistance / 1000
  const minDistance = options.minDistance ?? 0
  const elements = elementConditions(db, collection, where)
  const masks = elements.map(({ path: elementPath, value }) => db.memory.elementMask(index, collection, elementPath, value))
  const admits = masks.length > 0 ? (i: number) => masks.every((mask) => mask[i] === 1) : undefined
  // Keywords asked for before narrow the walk to the points whose documents hold them (SQL decides).
  const narrowing = narrowingConditions(where, cond.parts)
  const narrowed =
    narrowing &&
    db.memory.narrowedTree(index, `${narrowing.sql}\u0000${JSON.stringify(narrowing.params)}`, () => {
      // The text each keyword needs goes first, so SQLite tries the expressions only on documents that hold it.
      const needed = narrowing.queries.flatMap((query) => textNeeded(query) ?? [])
      const { sql, params } = join([...needed, narrowing], 'AND')
      try {
        return new Set(db.statement(`SELECT rowid FROM ${table} WHERE ${sql}`).pluck(true).all(...params) as number[])
      } catch {
        // An expression SQL refuses: the walk meets it only where it has to, as before.
        return null
      }
    })
  let tree = index.tree
  let positionOf = (i: number) => i
  let admitted = admits
  if (narrowed) {
    if (narrowed.empty) return []
    tree = narrowed.tree
    positionOf = (i) => narrowed.positions[i]
    admitted = admits && ((i: number) => admits(narrowed.positions[i]))
  }
  const documents = db.memory.parsedDocuments(collection)
  const unparsed = db.statement(`SELECT rowid, doc FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?))`).raw(true)
  const parse = (rowids: number[]) => {
    const missing = rowids.filter((rowid) => documents.get(rowid) === undefined)
    if (missing.length === 0) return
    for (const [rowid, json] of unparsed.all(JSON.stringify(missing)) as Array<[number, string]>) documents.keep(rowid, json)
  }
  const prefilter = prefilterOf(where, db.regexps)
  /** Whether each of the documents of these rowids meets every condition. */
  const meets = (rowids: number[]): boolean[] => {
    let verdicts: Verdict[] | undefined
    if (prefilter) {
      parse(rowids)
      verdicts = rowids.map((rowid) => prefilter(documents.get(rowid)))
    }
    const unsure = verdicts ? rowids.filter((_rowid, i) => verdicts[i] === undefined) : rowids
    // NOT INDEXED keeps SQLite to the rowids (it still looks them up): with an index on the
    // other conditions it chose to range-scan thousands of rows, 1 ms of a 1.5 ms job search.
    const met =
      unsure.length === 0
        ? new Set<number>()
        : new Set(
            db
              .statement(`SELECT rowid FROM ${table} NOT INDEXED WHERE rowid IN (SELECT value FROM json_each(?)) AND (${cond.sql})`)
              .pluck(true)
              .all(JSON.stringify(unsure), ...cond.params) as number[],
          )
    return rowids.map((rowid, i) => verdicts?.[i] === true || met.has(rowid))
  }

  // Nearer first, and at the same distance the earlier row first, whichever tree was walked: the
  // walk's own order of equal distances depends on the tree, and jobs often share their employer's point.
  const here = { lat, lng }
  const found: Array<{ rowid: number; distance: number }> = []
  let checked = 0
  // Half as many again as wanted: most searches then walk once, however many of the points the
  // other conditions keep (a job search kept about three in four).
  let batch = Math.ceil(wanted * 1.5) + 4
  for (;;) {
    const nearestFirst = around(tree, lng, lat, checked + batch, maxKm, admitted)
    const rowids: number[] = []
    const distances: number[] = []
    for (let k = checked; k < nearestFirst.length; k++) {
      const [rowid, pLat, pLng] = index.points[positionOf(nearestFirst[k])]
      const distance = distanceM(here, { lat: pLat, lng: pLng })
      if (distance < minDistance) continue
      rowids.push(rowid)
      distances.push(distance)
    }
    const met = rowids.length > 0 ? meets(rowids) : []
    for (let k = 0; k < rowids.length; k++) if (met[k]) found.push({ rowid: rowids[k], distance: distances[k] })
    if (nearestFirst.length < checked + batch) break
    // Enough, once the walk has gone past the distance of the last one wanted: no tie is left behind.
    if (found.length >= wanted && distances.length > 0 && distances[distances.length - 1] > found[wanted - 1].distance + TIE_M) break
    checked = nearestFirst.length
    // The next batch is sized by how many of the points so far met the conditions.
    const rate = Math.max(found.length, 1) / checked
    batch = Math.min(Math.ceil((Math.max(wanted - found.length, 1) / rate) * 1.25) + 4, checked * 8)
  }
  const kept = found
    .sort((a, b) => a.distance - b.distance || a.rowid - b.rowid)
    .slice(0, wanted)
    .map(({ rowid }) => rowid)
  parse(kept)
  return present(kept.map((rowid) => documents.get(rowid) as WithId<T> | undefined))
}

/**
 * The conditions made only of regular expressions (`_.or([{ title: word }, { requirements: word }])`),
 * compiled together: they are the same from one query to the next, whatever the time or the
 * place, so the points that meet them can be kept (`MemoryIndexes.narrowedTree`).
 */
function narrowingConditions(where: unknown[], parts: Compiled[]): (Compiled & { queries: unknown[] }) | null {
  const regExpsOnly = where.map(onlyRegExps)
  if (!regExpsOnly.includes(true)) return null
  return { ...join(parts.filter((_part, i) => regExpsOnly[i]), 'AND'), queries: where.filter((_query, i) => regExpsOnly[i]) }
}

/**
 * The conditions on fields with an element index that a document's elements can decide — `_.all([...])`
 * on an array, or equality with a string or number (`{ industry: 'G' }`, `_.eq`) — as one
 * (path, value) a document must hold for each. They only narrow the walk: equality on an array
 * field is not what SQL compares (the whole value), and the prefilter or SQL decides the rest.
 */
function elementConditions(db: SqliteConnection, collection: string, where: unknown[]): Array<{ path: string; value: string | number }> {
  const elements: Array<{ path: string; value: string | number }> = []
  for (const query of where) {
    if (!isPlainObject(query)) continue
    for (const [path, value] of Object.entries(query)) {
      if (db.memory.elementIndexOf(collection, path) === undefined) continue
      const wanted = value instanceof Op ? (value.kind === 'all' ? (value.arg as unknown[]) : value.kind === 'eq' ? [value.arg] : null) : [value]
      // Only values json_each gives back as they are: SQLite reads JSON booleans as 1 and 0, an
      // infinite number as null, and a lone surrogate as U+FFFD.
      const usable = wanted?.every((v) => (typeof v === 'string' && !unlikeInSqlite(v)) || (typeof v === 'number' && Number.isFinite(v)))
      if (usable) for (const element of wanted as Array<string | number>) elements.push({ path, value: element })
    }
  }
  return elements
}
